package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** The opening periods of a working day, e.g. 07:00–11:30 and 13:30–17:00. */
public record OfficeHours(List<Period> periods) {

    public OfficeHours {
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one period");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("Office hours overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        periods = List.copyOf(sorted);
    }

    public static OfficeHours standard() {
        return parse(List.of("07:00-11:30", "13:30-17:00"));
    }

    /** Periods written as "07:00-11:30". */
    public static OfficeHours parse(List<String> periods) {
        return new OfficeHours(periods.stream().map(Period::parse).toList());
    }

    public long minutesPerDay() {
        return periods.stream().mapToLong(p -> Duration.between(p.start(), p.end()).toMinutes()).sum();
    }

    public LocalTime opening() {
        return periods.get(0).start();
    }

    public LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("An office period must end after it starts: " + start + "-" + end);
            }
        }

        static Period parse(String text) {
            String[] parts = text.trim().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("An office period looks like 07:00-11:30, not " + text);
            }
            return new Period(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }
}
