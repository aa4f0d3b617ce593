package vn.motcua.dossier;

import java.util.List;

/**
 * {@code POST /api/dossiers}. Channel and return method stay strings here so that a wrong value is
 * reported by field like every other mistake.
 */
public record SubmissionRequest(
        String procedureCode,
        String communeCode,
        String channel,
        String returnMethod,
        Applicant applicant,
        List<Component> components) {

    public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    }

    public record Component(String name, Integer copies) {
    }
}
