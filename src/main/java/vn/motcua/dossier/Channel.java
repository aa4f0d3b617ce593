package vn.motcua.dossier;

/** How a dossier was submitted (KenhThucHien): 1 at the counter, 2 online, 3 by public post. */
public enum Channel {
    COUNTER(1, "trực tiếp tại Bộ phận Một cửa"), ONLINE(2, "trực tuyến"), POST(3, "qua dịch vụ bưu chính công ích");

    private final int portalCode;
    private final String label;

    Channel(int portalCode, String label) {
        this.portalCode = portalCode;
        this.label = label;
    }

    /** How a citizen reads it: "Nộp hồ sơ " + label. */
    public String label() {
        return label;
    }

    public int portalCode() {
        return portalCode;
    }
}
