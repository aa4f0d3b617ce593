package vn.motcua.dossier;

import java.time.OffsetDateTime;
import vn.motcua.catalog.ReturnMethod;

/** A dossier row of motcua's own tables. */
public record Dossier(
        long id,
        String code,
        String procedureCode,
        String communeCode,
        String agencyId,
        String departmentCode,
        Channel channel,
        ReturnMethod returnMethod,
        DossierStatus status,
        Applicant applicant,
        OffsetDateTime submittedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime appointmentAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        String processInstanceId,
        int supplementCount,
        OffsetDateTime originalAppointmentAt,
        OffsetDateTime pausedAt,
        OffsetDateTime lateAt,
        int rescheduleCount,
        String lookupSecret,
        String postalTrackingNumber) {

    public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    }
}
