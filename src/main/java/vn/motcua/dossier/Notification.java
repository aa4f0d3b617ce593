package vn.motcua.dossier;

import java.time.OffsetDateTime;

/**
 * A notice to an official about a dossier.
 *
 * @param kind STEP_WARNING, STEP_OVERDUE, APOLOGY_DUE, LATE
 * @param recipient a login name or a role group
 */
public record Notification(String kind, String recipient, String message, OffsetDateTime createdAt) {
}
