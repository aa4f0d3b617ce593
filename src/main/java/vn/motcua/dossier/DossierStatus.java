package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonValue;

/** The national portal's dossier status codes (TrangThaiHoSo, domain.md §5): the external contract. */
public enum DossierStatus {
    NEW(1, "Mới đăng ký"),
    RECEIVED(2, "Được tiếp nhận"),
    NOT_RECEIVED(3, "Không được tiếp nhận"),
    PROCESSING(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    FINANCIAL_OBLIGATION(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    FINISHED(9, "Đã xử lý xong"),
    RETURNED(10, "Đã trả kết quả");

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static DossierStatus of(int code) {
        for (DossierStatus s : values()) {
            if (s.code == code) return s;
        }
        throw new IllegalArgumentException("No dossier status " + code);
    }
}
