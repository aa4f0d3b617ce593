package vn.motcua.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox, on every node: <b>at least once</b>, with a stable idempotency key (the
 * message's id), in order per dossier and channel.
 * <ul>
 * <li>A message is claimed with a conditional update before it is sent, so two live nodes do not
 * send it at the same time. The claim is a lease ({@code motcua.outbox.claim-lease}, 30 s): a node
 * that dies between sending and marking the message sent leaves it claimed, and once the lease
 * has run out any node sends it again. The peer may so receive a message twice, always with the
 * same {@code Idempotency-Key}; a lease shorter than a send (peers time out after 20 s) makes
 * that more likely, never a loss.</li>
 * <li>A dossier's messages of one channel go in order: the next waits while the previous is
 * unsent, claimed or not, so a dead node delays them by at most the lease and one poll.</li>
 * <li>A failure is retried with back-off (10 s doubling to an hour) until the peer takes it.
 * Messages failing for a while are visible to admins ({@code GET /api/admin/outbox}) and, per
 * channel, as the metric {@code motcua.outbox.failing} ({@link #backlog()}, published by {@code ops.OperationsMetrics}).</li>
 * </ul>
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int FAILING_AFTER_ATTEMPTS = 3;
    /** What a peer may take at most (connect 5 s + answer 15 s); a shorter lease sends more twice. */
    private static final Duration LONGEST_SEND = Duration.ofSeconds(20);

    private final JdbcClient jdbc;
    private final Map<Channel, OutboxSender> senders;
    private final Clock clock;
    private final boolean enabled;
    private final Duration lease;
    private final String node;
    private final AtomicBoolean running = new AtomicBoolean();

    OutboxDispatcher(JdbcClient jdbc, List<OutboxSender> senders, Clock clock,
                     @Value("${motcua.outbox.enabled:true}") boolean enabled,
                     @Value("${motcua.outbox.claim-lease:PT30S}") Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("motcua.outbox.claim-lease must be positive, not " + lease);
        }
        if (lease.compareTo(LONGEST_SEND) < 0) {
            log.warn("motcua.outbox.claim-lease {} is shorter than a send may take ({}): slow peers will get messages twice",
                    lease, LONGEST_SEND);
        }
        this.jdbc = jdbc;
        this.senders = senders.stream().collect(Collectors.toMap(OutboxSender::channel, Function.identity()));
        this.clock = clock;
        this.enabled = enabled;
        this.lease = lease;
        this.node = vn.motcua.common.NodeNames.fresh();
    }

    /**
     * What waits for each peer, in one grouped query: messages not yet taken ({@code pending}) and of
     * those the ones the peer has refused at least {@value #FAILING_AFTER_ATTEMPTS} times ({@code failing}).
     * Every channel is there, with zeros when nothing waits.
     */
    public Map<Channel, Backlog> backlog() {
        Map<Channel, Backlog> backlog = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) backlog.put(channel, new Backlog(0, 0));
        jdbc.sql("select channel, count(*), sum(case when attempts >= " + FAILING_AFTER_ATTEMPTS + " then 1 else 0 end) "
                        + "from mc_outbox where state = 'PENDING' group by channel")
                .query(rs -> {
                    backlog.put(Channel.valueOf(rs.getString(1)), new Backlog(rs.getLong(2), rs.getLong(3)));
                });
        return backlog;
    }

    /** A channel's unsent messages and, of those, the failing ones. */
    public record Backlog(long pending, long failing) {
    }

    record MessagesWaiting() {
    }

    /** Right after a commit that wrote messages (on another thread: the official never waits for a peer). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @org.springframework.scheduling.annotation.Async
    public void afterCommit(MessagesWaiting event) {
        if (enabled) dispatchDue();
    }

    @Scheduled(fixedDelayString = "${motcua.outbox.poll-interval:PT5S}", initialDelayString = "PT10S")
    public void poll() {
        if (enabled) dispatchDue();
    }

    /** Sends every message that is due now; returns how many were taken by their peer. */
    public int dispatchDue() {
        if (!running.compareAndSet(false, true)) return 0;
        try {
            int sent = 0;
            for (int round = 0; round < 100; round++) {
                List<OutboxMessage> due = due();
                if (due.isEmpty()) break;
                int progress = 0;
                for (OutboxMessage message : due) {
                    if (!claim(message)) continue;
                    progress++;
                    if (deliver(message)) sent++;
                }
                if (progress == 0) break;
            }
            return sent;
        } finally {
            running.set(false);
        }
    }

    /** The oldest unsent message of each dossier and channel that is due and not claimed by a live lease. */
    private List<OutboxMessage> due() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                        select * from mc_outbox o
                        where o.state = 'PENDING' and o.next_attempt_at <= :now
                          and (o.locked_until is null or o.locked_until < :now)
                          and not exists (select 1 from mc_outbox p where p.dossier_code = o.dossier_code
                                          and p.channel = o.channel and p.state = 'PENDING' and p.id < o.id)
                        order by o.id
                        fetch first 50 rows only""")
                .param("now", now)
                .query(OutboxDispatcher::message)
                .list();
    }

    /** Takes the message for {@link #lease}; an expired claim (its node died or hangs) is taken over. */
    private boolean claim(OutboxMessage m) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                        update mc_outbox set locked_by = ?, locked_until = ?
                        where id = ? and state = 'PENDING' and (locked_until is null or locked_until < ?)""")
                .params(node, now.plus(lease), m.id(), now)
                .update() == 1;
    }

    private boolean deliver(OutboxMessage m) {
        OutboxSender sender = senders.get(m.channel());
        try {
            String result = sender.send(m);
            jdbc.sql("update mc_outbox set state = 'SENT', sent_at = ?, attempts = attempts + 1, result = ?, last_error = null, "
                            + "locked_by = null, locked_until = null where id = ? and locked_by = ?")
                    .params(OffsetDateTime.now(clock), result, m.id(), node).update();
            if (m.channel() == Channel.PORTAL) {
                // the dossier has reached the national portal (index 1.4), kept on the dossier for the index's sums
                jdbc.sql("update mc_dossier set portal_synced = true where code = ? and portal_synced = false").param(m.dossierCode()).update();
            }
            return true;
        } catch (Exception e) {
            int attempts = m.attempts() + 1;
            Duration wait = backoff(attempts);
            String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
            jdbc.sql("update mc_outbox set attempts = ?, next_attempt_at = ?, last_error = ?, locked_by = null, locked_until = null "
                            + "where id = ? and locked_by = ?")
                    .params(attempts, OffsetDateTime.now(clock).plus(wait), error.length() > 2000 ? error.substring(0, 2000) : error,
                            m.id(), node)
                    .update();
            log.warn("Outbox message {} ({} {} of {}) not taken, attempt {}; next in {}: {}", m.id(), m.channel(), m.kind(),
                    m.dossierCode(), attempts, wait, error);
            return false;
        }
    }

    static Duration backoff(int attempts) {
        long seconds = 10L << Math.min(attempts - 1, 9);
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    public List<OutboxMessage> list(String state) {
        String where = switch (state == null ? "pending" : state) {
            case "failing" -> "state = 'PENDING' and attempts >= " + FAILING_AFTER_ATTEMPTS;
            case "sent" -> "state = 'SENT'";
            case "skipped" -> "state = 'SKIPPED'";
            default -> "state = 'PENDING'";
        };
        // the latest 500: enough to see what is stuck, never the whole history
        return jdbc.sql("select * from mc_outbox where " + where + " order by id desc fetch first 500 rows only")
                .query(OutboxDispatcher::message).list();
    }

    static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("dossier_code"), Channel.valueOf(rs.getString("channel")),
                rs.getString("kind"), Payloads.read(rs.getString("payload"), rs.getBytes("payload_deflated")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("state"), rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"), rs.getString("result"));
    }
}
