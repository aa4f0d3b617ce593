package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A dossier as the API shows it, with its status history and handover timeline. */
public record DossierView(
        String code,
        int status,
        String statusName,
        Named procedure,
        Named commune,
        String agencyId,
        String department,
        Channel channel,
        ReturnMethod returnMethod,
        Dossier.Applicant applicant,
        List<SubmissionRequest.Component> components,
        OffsetDateTime submittedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime appointmentAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        int supplementCount,
        List<StatusChange> statusHistory,
        List<Handover> timeline,
        @JsonProperty("_links") Map<String, Link> links) {

    public record Named(String code, String name) {
    }

    public record Link(String href) {
    }
}
