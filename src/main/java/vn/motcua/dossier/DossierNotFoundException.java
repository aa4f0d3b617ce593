package vn.motcua.dossier;

public class DossierNotFoundException extends RuntimeException {

    public DossierNotFoundException(String code) {
        super("Không tìm thấy hồ sơ " + code);
    }
}
