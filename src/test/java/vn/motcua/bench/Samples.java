package vn.motcua.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings in milliseconds and their order statistics (nearest-rank percentiles). */
final class Samples {

    private final List<Double> ms = new ArrayList<>();

    synchronized void add(double millis) {
        ms.add(millis);
    }

    /** Times the call and keeps the figure. */
    <T> T time(Call<T> call) throws Exception {
        long start = System.nanoTime();
        T result = call.run();
        add((System.nanoTime() - start) / 1e6);
        return result;
    }

    interface Call<T> {
        T run() throws Exception;
    }

    synchronized int size() {
        return ms.size();
    }

    synchronized double percentile(double p) {
        if (ms.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double min() {
        return percentile(0);
    }

    double median() {
        return percentile(50);
    }

    double max() {
        return percentile(100);
    }

    String p50p95max() {
        return String.format(Locale.ROOT, "%6.0f %6.0f %6.0f", percentile(50), percentile(95), max());
    }

    String minMedianMax(String format) {
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, min(), median(), max());
    }
}
