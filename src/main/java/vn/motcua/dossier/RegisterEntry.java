package vn.motcua.dossier;

import java.time.OffsetDateTime;

/**
 * A dossier as the daily register (Mẫu 06) lists it.
 *
 * @param transferredAt when reception first handed it on (to a department, or back to the citizen); absent before
 */
public record RegisterEntry(Dossier dossier, OffsetDateTime transferredAt) {
}
