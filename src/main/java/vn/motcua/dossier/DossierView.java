package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.motcua.catalog.ReturnMethod;

/**
 * A dossier as the API shows it, with its status history and handover timeline; an inter-agency
 * bundle's dossier also lists its agencies' parts ({@code agencyParts}, absent for other dossiers).
 */
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
        String lookupSecret,
        List<SubmissionRequest.Component> components,
        Fees fees,
        OffsetDateTime submittedAt,
        OffsetDateTime acceptedAt,
        OffsetDateTime appointmentAt,
        OffsetDateTime finishedAt,
        OffsetDateTime returnedAt,
        int supplementCount,
        Deadline deadline,
        Apology apology,
        List<StatusChange> statusHistory,
        List<Handover> timeline,
        List<Notification> notifications,
        List<AgencyPartView> agencyParts,
        @JsonProperty("_links") Map<String, Link> links) {

    public record Named(String code, String name) {
    }

    /**
     * What the dossier owes, computed from the catalog's rules when it was filed.
     *
     * @param total  in đồng
     * @param label  as Mẫu 01 states it
     * @param copies copies of the result asked for
     * @param lines  each fee with its amount and how it was computed
     */
    public record Fees(long total, String label, int copies, List<vn.motcua.catalog.FeeQuote.Line> lines) {
    }

    /**
     * The dossier against its deadlines.
     *
     * @param appointmentAt         the return date now in force (moved by a supplement or an apology)
     * @param originalAppointmentAt the date first given; timeliness is measured against it
     * @param currentStepDueAt      the deadline of the step the dossier is at
     * @param remainingWorkingMinutes working minutes left until the appointment (negative: overdue);
     *                              absent once finished or while the clock is paused
     * @param timeliness            EARLY / ON_TIME / LATE: the end of processing, or now while unfinished
     * @param late                  the appointment passed before the dossier was finished
     * @param lateForServiceIndex   late, or more than one supplement request (Decision 766)
     * @param rescheduleCount       0 or 1: apologies with a new date
     */
    public record Deadline(OffsetDateTime appointmentAt, OffsetDateTime originalAppointmentAt,
                           OffsetDateTime currentStepDueAt, Long remainingWorkingMinutes, String remainingWorkingTime,
                           Timeliness timeliness, boolean late, boolean lateForServiceIndex, int rescheduleCount) {
    }

    /** A link; {@code method} only where it is not GET (an action). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Link(String href, String method, String title) {
        public Link(String href) {
            this(href, null, null);
        }
    }
}
