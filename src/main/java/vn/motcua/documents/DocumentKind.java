package vn.motcua.documents;

import java.util.Arrays;
import java.util.Optional;

/** The statutory forms of Circular 01/2018/TT-VPCP motcua prints, the stop notice, and the electronic result. */
public enum DocumentKind {
    MAU_01("mau-01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)"),
    MAU_02("mau-02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
    MAU_03("mau-03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)"),
    MAU_04("mau-04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
    MAU_05("mau-05", "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)"),
    THONG_BAO_DUNG("thong-bao-dung", "Thông báo dừng giải quyết hồ sơ"),
    KET_QUA("ket-qua", "Kết quả giải quyết (bản điện tử)"),
    DU_THAO("du-thao", "Dự thảo kết quả giải quyết (để xem xét, phê duyệt)");

    private final String slug;
    private final String title;

    DocumentKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public static Optional<DocumentKind> of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
