package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;

/**
 * A part of an inter-agency bundle that another agency resolves (Decree 63/2024: the commune
 * registers the birth or the death, the police and the social insurance agency do the rest). The
 * names are the procedures' own; {@code vn.motcua.process.ProcessContract} lists the same codes.
 */
public enum AgencyPart {
    THUONG_TRU(Agency.CONG_AN, "Đăng ký thường trú", "1.004222"),
    THE_BHYT(Agency.BHXH, "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", null),
    XOA_THUONG_TRU(Agency.CONG_AN, "Xóa đăng ký thường trú", "1.003197"),
    MAI_TANG_TU_TUAT(Agency.BHXH, "Giải quyết trợ cấp mai táng, tử tuất", null);

    private final Agency agency;
    private final String label;
    private final String procedureCode;

    AgencyPart(Agency agency, String label, String procedureCode) {
        this.agency = agency;
        this.label = label;
        this.procedureCode = procedureCode;
    }

    public Agency agency() {
        return agency;
    }

    public String label() {
        return label;
    }

    /** The national code of the agency's own procedure, where one is known. */
    public String procedureCode() {
        return procedureCode;
    }

    public static Optional<AgencyPart> of(String code) {
        return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
    }
}
