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
    MAI_TANG_TU_TUAT(Agency.BHXH, "Giải quyết trợ cấp mai táng, tử tuất", null),
    /**
     * A land procedure's financial obligations: the tax authority determines them from the land
     * registration's data and notifies the citizen, who pays (status 6). The time is not counted in
     * the procedure's limit (Nghị định 101/2024/NĐ-CP); the tax authority has its own time to issue
     * the notice (OWN_WORKING_DAYS).
     */
    NGHIA_VU_TAI_CHINH(Agency.THUE, "Xác định và thực hiện nghĩa vụ tài chính về đất đai", null, 5);

    private final Agency agency;
    private final String label;
    private final String procedureCode;
    private final Integer ownWorkingDays;

    AgencyPart(Agency agency, String label, String procedureCode) {
        this(agency, label, procedureCode, null);
    }

    AgencyPart(Agency agency, String label, String procedureCode, Integer ownWorkingDays) {
        this.agency = agency;
        this.label = label;
        this.procedureCode = procedureCode;
        this.ownWorkingDays = ownWorkingDays;
    }

    /**
     * Whether the dossier's clock is paused while this part waits (status 6): then the part is due
     * after its own working days, not at a share of the procedure's limit.
     */
    public boolean pausesClock() {
        return ownWorkingDays != null;
    }

    /** The part's own time in working days when it pauses the clock (null otherwise). */
    public Integer ownWorkingDays() {
        return ownWorkingDays;
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
