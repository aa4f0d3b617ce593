package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;

/** The citizen's satisfaction with a finished dossier (indicator 5.4 of Decision 766). */
public enum RatingLevel {
    RAT_HAI_LONG("Rất hài lòng"),
    HAI_LONG("Hài lòng"),
    KHONG_HAI_LONG("Không hài lòng");

    private final String label;

    RatingLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RatingLevel> of(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }
}
