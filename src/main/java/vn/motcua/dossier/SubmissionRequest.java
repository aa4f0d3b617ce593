package vn.motcua.dossier;

import java.util.List;

/**
 * {@code POST /api/dossiers}. Channel, return method, exemption and dates stay strings here so that a
 * wrong value is reported by field like every other mistake.
 *
 * @param copies       copies of the result asked for (default 1); fees per copy count them
 * @param pages        pages of the paper to certify; required where a fee counts pages
 * @param feeExemption an exemption the procedure's fees allow (HO_NGHEO, NGUOI_CO_CONG, ...)
 * @param eventDate    the day of the birth or death (yyyy-MM-dd); required where a fee is owed only on
 *                     late registration
 */
public record SubmissionRequest(
        String procedureCode,
        String communeCode,
        String channel,
        String returnMethod,
        Applicant applicant,
        List<Component> components,
        Integer copies,
        Integer pages,
        String feeExemption,
        String eventDate) {

    public SubmissionRequest(String procedureCode, String communeCode, String channel, String returnMethod,
                             Applicant applicant, List<Component> components) {
        this(procedureCode, communeCode, channel, returnMethod, applicant, components, null, null, null, null);
    }

    public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    }

    public record Component(String name, Integer copies) {
    }
}
