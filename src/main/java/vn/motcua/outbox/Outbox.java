package vn.motcua.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a message is written in the same transaction as the change that
 * causes it (so it exists if and only if the change does), and sent after commit by the
 * {@link OutboxDispatcher} of any node: at least once, with a stable idempotency key, in order per
 * dossier and channel.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<Channel, OutboxSender> senders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(JdbcClient jdbc, ObjectMapper json, List<OutboxSender> senders, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.senders = senders.stream().collect(Collectors.toMap(OutboxSender::channel, Function.identity()));
        this.events = events;
        this.clock = clock;
    }

    /** Writes a message in the caller's transaction; there must be one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String dossierCode, Channel channel, String kind, Object payload) {
        OutboxSender sender = senders.get(channel);
        boolean configured = sender != null && sender.configured();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String text;
        try {
            text = payload instanceof String s ? s : json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox payload cannot be written", e);
        }
        Object[] stored = Payloads.store(text);
        jdbc.sql("""
                        insert into mc_outbox (dossier_code, channel, kind, payload, payload_deflated, created_at, state, attempts, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(dossierCode, channel.name(), kind, stored[0], stored[1], now, configured ? "PENDING" : "SKIPPED", now)
                .update();
        if (configured) {
            events.publishEvent(new OutboxDispatcher.MessagesWaiting());
        }
    }

    /** Whether the channel's peer is configured (else its messages are kept as skipped: the manual path). */
    public boolean configured(Channel channel) {
        OutboxSender sender = senders.get(channel);
        return sender != null && sender.configured();
    }

    public List<OutboxMessage> of(String dossierCode) {
        return jdbc.sql("select * from mc_outbox where dossier_code = ? order by id").param(dossierCode)
                .query(OutboxDispatcher::message).list();
    }
}
