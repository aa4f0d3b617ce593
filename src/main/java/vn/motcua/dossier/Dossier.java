package vn.motcua.dossier;

import java.time.OffsetDateTime;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.catalog.ReturnMethod;

/**
 * A dossier row of motcua's own tables. {@code fees} are the fees computed when it was filed; null for
 * a dossier filed before fee rules were kept (its procedure's catalog fees apply).
 */
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
        String postalTrackingNumber,
        int resultCopies,
        FeeQuote fees) {

    /** The fees it owes: as computed when filed, or for an older dossier the procedure's fees for one copy. */
    public FeeQuote feesOwed(vn.motcua.catalog.Procedure procedure) {
        return fees != null ? fees : vn.motcua.catalog.Fees.quote(procedure,
                vn.motcua.catalog.FeeRequest.plain(submittedAt == null ? java.time.LocalDate.now() : submittedAt.toLocalDate()));
    }

    public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    }
}
