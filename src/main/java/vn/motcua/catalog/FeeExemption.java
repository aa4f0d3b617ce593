package vn.motcua.catalog;

/**
 * Who the law (Thông tư 85/2019/TT-BTC Art. 5, and the province's resolution) exempts from a fee.
 * A catalog fee lists the exemptions it allows; the citizen claims one at submission and the
 * one-stop checks the paper that proves it.
 */
public enum FeeExemption {
    NGUOI_CO_CONG("người thuộc gia đình có công với cách mạng"),
    HO_NGHEO("người thuộc hộ nghèo"),
    NGUOI_KHUYET_TAT("người khuyết tật"),
    TRE_EM("trẻ em"),
    NGUOI_CAO_TUOI("người cao tuổi"),
    DTTS_DBKK("người dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn");

    private final String label;

    FeeExemption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
