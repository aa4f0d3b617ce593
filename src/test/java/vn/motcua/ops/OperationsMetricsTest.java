package vn.motcua.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.outbox.OutboxDispatcher;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;

/**
 * motcua's gauges as Prometheus reads them, after dossiers went through the real API: the right
 * number for the right commune and status, the overdue ones, the outbox of a portal that is down, the
 * engine's job backlog and incidents; and requests for ever new ids do not make new series. Readings
 * are taken afresh for every scrape here ({@code motcua.ops.metrics-refresh=0}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.ops.metrics-refresh=PT0S",
        // a national portal nobody answers at (nothing listens on port 1): its records wait and fail
        "motcua.integrations.portal.url=http://127.0.0.1:1/dvcqg", "motcua.integrations.portal.api-key=khoa-cong-dvc",
        // the test dispatches the outbox, at the times it chooses
        "motcua.outbox.enabled=false"})
@ActiveProfiles({"demo", "test"})
@AutoConfigureObservability(tracing = false)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsMetricsTest {

    @LocalServerPort int port;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** First: the other tests' dossiers would be in its outbox. */
    @Test
    @Order(1)
    void theGaugesShowEachCommunesOpenAndOverdueDossiersThePortalsBacklogAndTheDueJobs() {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        Prometheus prometheus = new Prometheus(port);
        Prometheus.Exposition before = prometheus.scrape();
        assertThat(before.named("motcua_dossiers_open")).as("3 demo communes × 6 open statuses").hasSize(18)
                .allSatisfy(s -> assertThat(s.value()).isZero());
        assertThat(before.named("motcua_outbox_pending")).as("one per channel").hasSize(7).allSatisfy(s -> assertThat(s.value()).isZero());

        steps.submitted("tan-giang");
        steps.submitted("tan-giang");
        String accepted = steps.atAssignment().code();
        steps.submitted("thuc-phan");
        assertThat(http.get("/api/dossiers/" + accepted, "tan-giang.reception").expect(200).body().get("status").asInt()).isEqualTo(4);

        Prometheus.Exposition now = prometheus.scrape();
        assertThat(open(now, "tan-giang")).isEqualTo(Map.of("1", 2.0, "2", 0.0, "4", 1.0, "5", 0.0, "6", 0.0, "9", 0.0));
        assertThat(open(now, "thuc-phan")).isEqualTo(Map.of("1", 1.0, "2", 0.0, "4", 0.0, "5", 0.0, "6", 0.0, "9", 0.0));
        assertThat(now.value("motcua_dossiers_overdue", "commune", "tan-giang")).isZero();
        // the portal's records: statuses 1 of four dossiers, 2 and 4 of the accepted one; notices go nowhere (skipped)
        assertThat(now.value("motcua_outbox_pending", "channel", "PORTAL")).isEqualTo(6);
        assertThat(now.value("motcua_outbox_failing", "channel", "PORTAL")).isZero();
        assertThat(now.value("motcua_outbox_pending", "channel", "SMS")).isZero();
        assertThat(now.value("motcua_jobs_backlog")).isEqualTo(executableJobs());

        // a day after the appointment: the accepted dossier is overdue, the others have none yet
        OffsetDateTime appointment = OffsetDateTime.parse(
                http.get("/api/dossiers/" + accepted, "tan-giang.reception").body().get("appointmentAt").asText());
        Instant late = appointment.toInstant().plus(Duration.ofDays(1));
        ClockUtil.setCurrentTime(Date.from(late));
        Prometheus.Exposition overdue = prometheus.scrape();
        assertThat(overdue.value("motcua_dossiers_overdue", "commune", "tan-giang")).isEqualTo(1);
        assertThat(overdue.value("motcua_dossiers_overdue", "commune", "thuc-phan")).isZero();
        assertThat(overdue.value("motcua_dossiers_overdue", "commune", "nung-tri-cao")).isZero();

        // the step deadlines' timers are due now, and no job executor runs in tests
        double due = executableJobs();
        assertThat(due).isPositive();
        assertThat(overdue.value("motcua_jobs_backlog")).isEqualTo(due);
        String job = jdbc.sql("select ID_ from ACT_RU_JOB where RETRIES_ > 0 and DUEDATE_ <= ? order by ID_ fetch first 1 rows only")
                .param(Timestamp.from(late)).query(String.class).single();
        jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'nut-khac', LOCK_EXP_TIME_ = ? where ID_ = ?")
                .params(Timestamp.from(late.plusSeconds(300)), job).update();
        assertThat(prometheus.scrape().value("motcua_jobs_backlog")).as("a job another node's executor holds").isEqualTo(due - 1);

        // the portal refuses three times: the first record of each of the four dossiers is failing, the others wait behind it
        for (int round = 1; round <= 3; round++) {
            ClockUtil.setCurrentTime(Date.from(late.plus(Duration.ofMinutes(round))));
            assertThat(dispatcher.dispatchDue()).isZero();
        }
        Prometheus.Exposition failing = prometheus.scrape();
        assertThat(failing.value("motcua_outbox_failing", "channel", "PORTAL")).isEqualTo(4);
        assertThat(failing.value("motcua_outbox_pending", "channel", "PORTAL")).isEqualTo(6);
        assertThat(http.get("/api/admin/outbox?state=failing", "admin").body()).as("what the admin's list shows").hasSize(4);
    }

    @Test
    @Order(2)
    void incidentsAreCountedByTypeAndAnyOtherTypeAsOther() {
        Http http = new Http(port);
        Prometheus prometheus = new Prometheus(port);
        assertThat(prometheus.scrape().named("motcua_incidents_open")).hasSize(3).allSatisfy(s -> assertThat(s.value()).isZero());
        String task = new DossierSteps(http).submitted("nung-tri-cao").taskId();
        String execution = http.get("/engine-rest/task/" + task, "admin").expect(200).body().get("executionId").asText();
        for (String type : List.of("failedJob", "kiemTraThuCong", "failedJob")) {
            http.post("/engine-rest/execution/" + execution + "/create-incident",
                    Map.of("incidentType", type, "configuration", "ops-test", "message", "Sự cố thử"), "admin").expect(200);
        }
        Prometheus.Exposition after = prometheus.scrape();
        assertThat(after.value("motcua_incidents_open", "type", "failedJob")).isEqualTo(2);
        assertThat(after.value("motcua_incidents_open", "type", "other")).isEqualTo(1);
        assertThat(after.value("motcua_incidents_open", "type", "failedExternalTask")).isZero();
        assertThat(after.named("motcua_incidents_open")).as("a custom type makes no series of its own").hasSize(3);
    }

    @Test
    @Order(3)
    void requestsForEverNewIdsDoNotMakeNewSeries() {
        Http http = new Http(port);
        Prometheus prometheus = new Prometheus(port);
        for (int i = 0; i < 3; i++) {
            warmUp(http, UUID.randomUUID().toString());
        }
        java.util.Set<String> series = requestSeries(prometheus.scrape());
        List<String> ids = java.util.stream.IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString()).toList();
        ids.forEach(id -> warmUp(http, id));
        Prometheus.Exposition after = prometheus.scrape();
        assertThat(requestSeries(after)).as("the same series, only their values grow").isEqualTo(series);
        assertThat(after.series()).allSatisfy(s -> assertThat(s.labels().values()).noneMatch(v -> ids.stream().anyMatch(v::contains)));
    }

    /**
     * The series of the requests (http_*): the rest come and go with what runs in the background whatever the requests
     * (the JVM's garbage collector reporting a pause of a new cause, a scheduler's first run); that no series of any
     * kind carries a request's id is checked on all of them.
     */
    private static java.util.Set<String> requestSeries(Prometheus.Exposition exposition) {
        return exposition.series().stream()
                .filter(s -> s.name().startsWith("http_"))
                .map(s -> s.name() + s.labels()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The engine's own count of the jobs its executor could take now (none is locked while no executor runs). */
    private double executableJobs() {
        return management.createJobQuery().executable().count();
    }

    /** Camunda's REST API, motcua's API and an unknown address, each with an id never seen before. */
    private static void warmUp(Http http, String id) {
        http.get("/engine-rest/task/" + id, "tan-giang.reception");
        http.get("/engine-rest/process-instance/" + id + "/variables", "tan-giang.reception");
        http.get("/api/dossiers/000.03.04.H11-" + id.substring(0, 6), "tan-giang.reception");
        http.get("/khong-co/" + id, null);
    }

    private static Map<String, Double> open(Prometheus.Exposition exposition, String commune) {
        Map<String, Double> byStatus = new java.util.TreeMap<>();
        exposition.named("motcua_dossiers_open").stream().filter(s -> s.labels().get("commune").equals(commune))
                .forEach(s -> byStatus.put(s.labels().get("status"), s.value()));
        return byStatus;
    }
}
