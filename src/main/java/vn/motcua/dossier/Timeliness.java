package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Trước hạn / Đúng hạn / Quá hạn: a step's end against its due date, to the minute (domain.md §4). */
public enum Timeliness {
    EARLY("Trước hạn"), ON_TIME("Đúng hạn"), LATE("Quá hạn");

    private final String label;

    Timeliness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Timeliness of(OffsetDateTime end, OffsetDateTime due) {
        int cmp = end.truncatedTo(ChronoUnit.MINUTES).compareTo(due.truncatedTo(ChronoUnit.MINUTES));
        return cmp < 0 ? EARLY : cmp == 0 ? ON_TIME : LATE;
    }
}
