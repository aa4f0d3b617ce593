package vn.motcua.dossier;

import java.time.OffsetDateTime;

/**
 * One handover of the timeline (a row of the process-control slip, Mẫu 05): the giver hands the
 * dossier over at the end of a step; the receiver is the next step's unit and, once known, official.
 *
 * @param timeliness EARLY, ON_TIME or LATE against the step's due date; absent when the step had none
 */
public record Handover(
        String step,
        String stepName,
        String fromUnit,
        String fromUser,
        String toUnit,
        String toUser,
        OffsetDateTime handedAt,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        String timeliness,
        String note) {
}
