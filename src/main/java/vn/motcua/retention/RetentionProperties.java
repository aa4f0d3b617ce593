package vn.motcua.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The nightly removal of motcua's own rows ({@code motcua.retention.*}); the night window is Camunda's
 * history cleanup window ({@code camunda.bpm.generic-properties.properties.historyCleanupBatchWindow*}).
 *
 * @param enabled             false: no node runs it on its own (a test or an admin calls it)
 * @param batchSize           dossiers (or messages) removed per transaction
 * @param sentMessagesKeptFor how long a sent or skipped outbox message is kept after it was sent
 */
@ConfigurationProperties(prefix = "motcua.retention")
public record RetentionProperties(Boolean enabled, Integer batchSize, Period sentMessagesKeptFor) {

    public RetentionProperties {
        if (enabled == null) enabled = true;
        if (batchSize == null) batchSize = 200;
        if (sentMessagesKeptFor == null) sentMessagesKeptFor = Period.ofDays(90);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("motcua.retention.batch-size: from 1 to 10000");
        }
        if (sentMessagesKeptFor.isNegative() || sentMessagesKeptFor.isZero()) {
            throw new IllegalArgumentException("motcua.retention.sent-messages-kept-for: a positive period such as P90D");
        }
    }
}
