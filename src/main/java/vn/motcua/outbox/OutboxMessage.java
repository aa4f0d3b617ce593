package vn.motcua.outbox;

import java.time.OffsetDateTime;

/**
 * @param state PENDING, SENT, SKIPPED (no peer configured)
 */
public record OutboxMessage(long id, String dossierCode, Channel channel, String kind, String payload,
                            OffsetDateTime createdAt, String state, int attempts, OffsetDateTime nextAttemptAt,
                            OffsetDateTime sentAt, String lastError, String result) {
}
