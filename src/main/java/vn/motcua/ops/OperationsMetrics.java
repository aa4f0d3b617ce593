package vn.motcua.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxDispatcher;

/**
 * motcua's own gauges, as {@code /actuator/prometheus} shows them (Micrometer's dots become
 * underscores). Every value comes from the same {@link Readings}, read by a handful of grouped queries
 * at most once per {@code motcua.ops.metrics-refresh} (30 s) on each node, whatever the number of
 * series or of scrapes; a scrape in between gets the last readings. When the database cannot be read,
 * every gauge is NaN until the next attempt.
 *
 * <ul>
 * <li>{@value #DOSSIERS_OPEN} {@code {commune, status}} — open dossiers of a commune (its code, also its
 * Camunda tenant) in a status of the national portal: {@code 1} new, {@code 2} received, {@code 4}
 * processing, {@code 5} waiting for the citizen's supplement, {@code 6} waiting for financial obligations,
 * {@code 9} result ready and not yet returned. Closed statuses (3, 7, 8, 10) are not counted. Every
 * commune has a series for every open status, 0 included.</li>
 * <li>{@value #DOSSIERS_OVERDUE} {@code {commune}} — the commune's open dossiers whose appointment
 * (ngày hẹn trả, as moved by a supplement or an apology) has passed without a result, the clock not
 * paused (status 5 or 6 pauses it).</li>
 * <li>{@value #OUTBOX_PENDING} {@code {channel}} — outbox messages not yet taken by the peer
 * ({@code PORTAL, POST, MAIL, SMS, POLICE, SOCIAL_INSURANCE, TAX}); an unconfigured peer's are kept as
 * skipped and not counted.</li>
 * <li>{@value #OUTBOX_FAILING} {@code {channel}} — of those, the ones the peer has refused at least 3 times.</li>
 * <li>{@value #JOBS_BACKLOG} — the engine's jobs due now that no job executor has locked: timers and
 * asynchronous steps waiting for a thread; it grows when the job executors cannot keep up or are stopped.</li>
 * <li>{@value #INCIDENTS_OPEN} {@code {type}} — open incidents (Sự cố in Cockpit), each failure once (not
 * again for every calling process above it), by type:
 * {@code failedJob}, {@code failedExternalTask}, anything else as {@code other} (incident types are
 * free text; the label stays bounded).</li>
 * <li>{@code motcua.login.failures} {@code {outcome}} (a counter, {@code security.LoginThrottle}) —
 * wrong passwords ({@code wrong_password}, an unknown login included) and logins refused unchecked
 * while they wait ({@code blocked}), on every node separately.</li>
 * </ul>
 * Cardinality: communes × 6 + communes + 7 × 2 + 1 + 3 series (about 720 for a province of 100
 * communes), whatever the number of dossiers.
 */
@Component
class OperationsMetrics {

    static final String DOSSIERS_OPEN = "motcua.dossiers.open";
    static final String DOSSIERS_OVERDUE = "motcua.dossiers.overdue";
    static final String OUTBOX_PENDING = "motcua.outbox.pending";
    static final String OUTBOX_FAILING = "motcua.outbox.failing";
    static final String JOBS_BACKLOG = "motcua.jobs.backlog";
    static final String INCIDENTS_OPEN = "motcua.incidents.open";
    /** Open statuses, in the portal's order. */
    static final List<DossierStatus> OPEN = List.of(DossierStatus.NEW, DossierStatus.RECEIVED, DossierStatus.PROCESSING,
            DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FINANCIAL_OBLIGATION, DossierStatus.FINISHED);

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final OutboxDispatcher outbox;
    private final Clock clock;
    private final long refreshNanos;
    private final Set<String> communesWithGauges = ConcurrentHashMap.newKeySet();
    private Readings readings;
    private long readAt;

    OperationsMetrics(MeterRegistry registry, JdbcClient jdbc, OutboxDispatcher outbox, Clock clock,
                      @Value("${motcua.ops.metrics-refresh:PT30S}") Duration refresh) {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("motcua.ops.metrics-refresh must not be negative, not " + refresh);
        }
        this.registry = registry;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
        for (Channel channel : Channel.values()) {
            Gauge.builder(OUTBOX_PENDING, () -> readings().outbox(channel, false)).tag("channel", channel.name())
                    .description("Outbox messages not yet taken by their peer").register(registry);
            Gauge.builder(OUTBOX_FAILING, () -> readings().outbox(channel, true)).tag("channel", channel.name())
                    .description("Outbox messages their peer has refused at least 3 times").register(registry);
        }
        Gauge.builder(JOBS_BACKLOG, () -> readings().jobsBacklog())
                .description("Engine jobs due now and not locked by a job executor").register(registry);
        for (String type : Readings.INCIDENT_TYPES) {
            Gauge.builder(INCIDENTS_OPEN, () -> readings().incidents(type)).tag("type", type)
                    .description("Open incidents by type").register(registry);
        }
    }

    /** Once the organisation is provisioned, every commune's series; a commune provisioned later gets them at a refresh. */
    @EventListener(ApplicationReadyEvent.class)
    void registerCommunes() {
        try {
            registerCommunes(Readings.communes(jdbc));
        } catch (RuntimeException e) {
            log.warn("Operations metrics: communes not read yet ({}); they are registered at the first scrape", e.toString());
        }
    }

    private void registerCommunes(List<String> communes) {
        for (String commune : communes) {
            if (!communesWithGauges.add(commune)) continue;
            for (DossierStatus status : OPEN) {
                Gauge.builder(DOSSIERS_OPEN, () -> readings().open(commune, status)).tags("commune", commune,
                        "status", String.valueOf(status.code())).description("Open dossiers by commune and portal status").register(registry);
            }
            Gauge.builder(DOSSIERS_OVERDUE, () -> readings().overdue(commune)).tag("commune", commune)
                    .description("Open dossiers past their appointment, clock running").register(registry);
        }
    }

    /** The readings, read again when older than the refresh interval; one reader at a time. */
    synchronized Readings readings() {
        long now = System.nanoTime();
        if (readings == null || now - readAt >= refreshNanos) {
            try {
                readings = Readings.read(jdbc, outbox, clock);
            } catch (RuntimeException e) {
                log.warn("Operations metrics not read: {}", e.toString());
                readings = Readings.UNKNOWN;
            }
            readAt = System.nanoTime();
            registerCommunes(readings.communes());
        }
        return readings;
    }
}
