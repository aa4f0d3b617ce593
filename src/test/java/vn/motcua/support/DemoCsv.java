package vn.motcua.support;

import java.io.InputStream;
import vn.motcua.organisation.OrgChart;
import vn.motcua.organisation.OrgChartReader;

/** A demo ward's officials as HR's spreadsheet lists them (no logins). */
public final class DemoCsv {

    private DemoCsv() {
    }

    public static String of(String ward) {
        OrgChart chart;
        try (InputStream in = DemoCsv.class.getResourceAsStream("/demo/cao-bang.yaml")) {
            chart = OrgChartReader.read(in, "demo");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder csv = new StringBuilder("fullName,ward,department,role,email,phone\n");
        for (OrgChart.Commune c : chart.communes()) {
            if (!c.code().equals(ward)) continue;
            for (OrgChart.Official o : c.officials()) {
                csv.append(o.fullName()).append(',').append(c.code()).append(',')
                        .append(o.department() == null ? "" : o.department()).append(',')
                        .append(o.role().name().toLowerCase()).append(",,\n");
            }
        }
        return csv.toString();
    }
}
