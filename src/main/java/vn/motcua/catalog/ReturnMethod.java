package vn.motcua.catalog;

/** How the result reaches the citizen: the catalog lists the ones a procedure allows, a dossier has one. */
public enum ReturnMethod {
    /** Trả trực tiếp tại Bộ phận Một cửa. */
    COUNTER("Nhận trực tiếp tại Bộ phận Một cửa"),
    /** Trả qua dịch vụ bưu chính công ích (BCCI). */
    POST("Nhận qua dịch vụ bưu chính công ích"),
    /** Trả kết quả điện tử trực tuyến. */
    ONLINE("Nhận kết quả điện tử trực tuyến");

    private final String label;

    ReturnMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
