package vn.motcua.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * History that does not grow without end, on the real service: a birth registration (hộ tịch, kept
 * 20 years) returned at the counter and a marital status certificate (the catalog's default, 10
 * years) withdrawn at reception. Their engine history, the called blocks' instances included, gets
 * end + the procedure's period as its removal time, and mc_dossier.retain_until the same; Camunda's
 * cleanup removes the certificate's history once that time has passed and keeps the birth's; motcua's
 * nightly job removes the certificate's rows, keeps the birth's, runs once a night however often and
 * by however many it is called, and logs what it removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motcua.outbox.enabled=false")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class HistoryRetentionTest {

    static final String CLERK = "tan-giang.reception";
    static final OffsetDateTime BIRTH_ENDS = OffsetDateTime.parse("2026-03-02T08:00:00+07:00");
    static final OffsetDateTime CERTIFICATE_ENDS = OffsetDateTime.parse("2026-03-03T09:30:00+07:00");
    static final String[] TREE_TABLES = {"ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
            "ACT_HI_IDENTITYLINK"};

    @LocalServerPort int port;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired NightlyRetention nightly;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void aDossiersHistoryIsKeptForItsProceduresPeriodThenRemovedOnceByTheEngineAndByMotcua() throws Exception {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);

        // the engine scheduled its cleanup at start for the night window, 22:00-05:00 Vietnam time
        List<Job> scheduled = history.findHistoryCleanupJobs();
        assertThat(scheduled).hasSize(1);
        java.time.LocalTime due = scheduled.get(0).getDuedate().toInstant().atOffset(java.time.ZoneOffset.ofHours(7)).toLocalTime();
        assertThat(!due.isBefore(java.time.LocalTime.of(22, 0)) || due.isBefore(java.time.LocalTime.of(5, 0))).as("due at %s", due).isTrue();

        com.fasterxml.jackson.databind.JsonNode rule = http.get("/api/procedures/1.001193", null).expect(200).body().get("retention");
        assertThat(rule.get("period").asText()).isEqualTo("P20Y");
        assertThat(rule.get("label").asText()).isEqualTo("20 năm kể từ khi hồ sơ kết thúc");
        assertThat(rule.get("basis").asText()).startsWith("Luật Hộ tịch 2014");
        assertThat(http.get("/api/procedures/1.004873", null).expect(200).body().get("retention").get("period").asText()).isEqualTo("P10Y");

        at(BIRTH_ENDS);
        DossierSteps.AtStep approval = steps.atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        http.complete(CLERK, steps.at(approval.code(), CLERK).taskId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);
        String birth = approval.code();
        String birthRoot = root(approval.processInstanceId());

        at(CERTIFICATE_ENDS);
        String certificate = http.post("/api/dossiers", Submissions.marriageStatus("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body().get("code").asText();
        String certificateRoot = root(steps.at(certificate, CLERK).processInstanceId());
        http.post("/api/dossiers/" + certificate + "/withdrawal", Map.of("reason", "Công dân xin rút hồ sơ"), CLERK).expect(200);

        // the removal time: the end + the procedure's period, on every row of the tree, the called blocks' included
        OffsetDateTime birthUntil = OffsetDateTime.parse("2046-03-02T08:00:00+07:00");
        OffsetDateTime certificateUntil = OffsetDateTime.parse("2036-03-03T09:30:00+07:00");
        // no variable details are kept (vn.motcua.engine.LeanHistory) and these forms write no form property; nor the
        // dossier's facts, so the certificate, withdrawn before anyone decided anything, has no variable either
        assertRemovalTime(birthRoot, BIRTH_ENDS, birthUntil, 5, Set.of("ACT_HI_DETAIL"));
        assertRemovalTime(certificateRoot, CERTIFICATE_ENDS, certificateUntil, 2, Set.of("ACT_HI_DETAIL", "ACT_HI_VARINST"));
        assertThat(retainUntil(birth)).isEqualTo(birthUntil.toInstant());
        assertThat(retainUntil(certificate)).isEqualTo(certificateUntil.toInstant());

        // the night after the certificate's time: Camunda's cleanup removes its history and keeps the birth's
        OffsetDateTime now = OffsetDateTime.parse("2036-03-03T23:00:00+07:00");
        at(now);
        history.cleanUpHistoryAsync(true);
        for (Job job : history.findHistoryCleanupJobs()) management.executeJob(job.getId());
        for (String table : TREE_TABLES) {
            assertThat(rows(table, certificateRoot)).as(table + " of the certificate").isZero();
        }
        assertThat(rows("ACT_HI_PROCINST", birthRoot)).as("the birth's instances are kept").isEqualTo(5);
        assertThat(rows("ACT_HI_TASKINST", birthRoot)).as("and who did which step").isEqualTo(6);

        // motcua's rows: a dossier that ended before retain_until existed gets it first, from its last status
        jdbc.sql("update mc_dossier set retain_until = null where code = ?").param(birth).update();
        Map<String, Long> certificateRows = dossierRows(certificate);
        assertThat(certificateRows.get("mc_dossier_status")).as("registered, withdrawn").isEqualTo(2);
        Map<String, Long> birthRows = dossierRows(birth);
        insertSentMessage(birth, now.minusDays(91));
        insertSentMessage(birth, now.minusDays(89));
        jdbc.sql("insert into mc_lookup_failure (client, window_start, failures) values ('203.0.113.9', ?, 3), ('203.0.113.9', ?, 1)")
                .params(now.minusDays(2), now.minusMinutes(5)).update();

        // the birth's messages sent (or skipped: no peer in the demo) more than 90 days ago go, the one of 89 days stays
        long sentLongAgo = jdbc.sql("select count(*) from mc_outbox where dossier_code = ? and state in ('SENT', 'SKIPPED') and coalesce(sent_at, created_at) < ?")
                .params(birth, now.minusDays(90)).query(Long.class).single();
        assertThat(sentLongAgo).isEqualTo(jdbc.sql("select count(*) from mc_outbox where dossier_code = ? and state in ('SENT', 'SKIPPED')")
                .param(birth).query(Long.class).single() - 1).isGreaterThan(1);

        LocalDate night = LocalDate.of(2036, 3, 3);
        NightlyRetention.Night run = nightly.run(night).orElseThrow();
        Map<String, Long> expected = new LinkedHashMap<>(certificateRows);
        expected.put("mc_outbox (sent)", sentLongAgo);
        expected.put("mc_lookup_failure", 1L);
        assertThat(run.removed()).isEqualTo(expected);
        assertThat(run.complete()).isTrue();
        assertThat(dossierRows(certificate).values()).as("nothing of the certificate is left").allMatch(n -> n == 0);
        Map<String, Long> birthAfter = new LinkedHashMap<>(birthRows);
        birthAfter.merge("mc_outbox", 2 - sentLongAgo, Long::sum);
        assertThat(dossierRows(birth)).as("the birth's rows are kept, and the message sent 89 days ago").isEqualTo(birthAfter);
        assertThat(retainUntil(birth)).as("stamped from its last status").isEqualTo(birthUntil.toInstant());
        assertThat(jdbc.sql("select table_name, removed from mc_retention_log where night = ?").param(night)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .containsExactlyInAnyOrderElementsOf(expected.entrySet());

        // once a night: called again, or by two nodes at once
        assertThat(nightly.run(night)).isEmpty();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        Callable<Optional<NightlyRetention.Night>> nextNight = () -> {
            go.await();
            return nightly.run(night.plusDays(1));
        };
        List<Future<Optional<NightlyRetention.Night>>> both = new ArrayList<>(List.of(nodes.submit(nextNight), nodes.submit(nextNight)));
        go.countDown();
        List<Optional<NightlyRetention.Night>> results = new ArrayList<>();
        for (Future<Optional<NightlyRetention.Night>> f : both) results.add(f.get());
        nodes.shutdown();
        assertThat(results.stream().filter(Optional::isPresent).count()).as("one of two nodes runs the night").isEqualTo(1);
        assertThat(results.stream().flatMap(Optional::stream).findFirst().orElseThrow().removed().values())
                .as("nothing more is due the next night").allMatch(n -> n == 0);
        assertThat(jdbc.sql("select count(*) from mc_retention_run").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from mc_retention_run where finished_at is not null and complete").query(Long.class).single())
                .isEqualTo(2);
        assertThat(dossierRows(birth)).isEqualTo(birthAfter);
    }

    private void assertRemovalTime(String root, OffsetDateTime end, OffsetDateTime until, int instances, Set<String> noRows) {
        List<HistoricProcessInstance> tree = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list();
        assertThat(tree).as("the dossier and the blocks it called").hasSize(instances);
        HistoricProcessInstance dossier = tree.stream().filter(p -> p.getId().equals(root)).findFirst().orElseThrow();
        assertThat(dossier.getEndTime().toInstant()).isEqualTo(end.toInstant());
        assertThat(tree).allSatisfy(p -> assertThat(p.getRemovalTime().toInstant()).as(p.getProcessDefinitionKey()).isEqualTo(until.toInstant()));
        for (String table : TREE_TABLES) {
            if (noRows.contains(table)) {
                assertThat(rows(table, root)).as(table).isZero();
            } else {
                assertThat(rows(table, root)).as(table).isPositive();
            }
            assertThat(jdbc.sql("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ? and (REMOVAL_TIME_ is null or REMOVAL_TIME_ <> ?)")
                    .params(root, Date.from(until.toInstant())).query(Long.class).single()).as(table + " with another removal time").isZero();
        }
    }

    /** The dossier's process instance, above the called block a task belongs to. */
    private String root(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getRootProcessInstanceId();
    }

    private long rows(String table, String root) {
        return jdbc.sql("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?").param(root).query(Long.class).single();
    }

    private java.time.Instant retainUntil(String code) {
        return jdbc.sql("select retain_until from mc_dossier where code = ?").param(code).query(OffsetDateTime.class).single().toInstant();
    }

    /** The dossier's rows in each of motcua's tables the nightly job removes, in its order. */
    private Map<String, Long> dossierRows(String code) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : NightlyRetention.BY_ID) {
            rows.put(table, jdbc.sql("select count(*) from " + table + " t join mc_dossier d on d.id = t.dossier_id where d.code = ?")
                    .param(code).query(Long.class).single());
        }
        for (String table : NightlyRetention.BY_CODE) {
            rows.put(table, jdbc.sql("select count(*) from " + table + " where dossier_code = ?").param(code).query(Long.class).single());
        }
        rows.put("mc_dossier", jdbc.sql("select count(*) from mc_dossier where code = ?").param(code).query(Long.class).single());
        return rows;
    }

    private void insertSentMessage(String code, OffsetDateTime sentAt) {
        jdbc.sql("""
                        insert into mc_outbox (dossier_code, channel, kind, payload, created_at, state, attempts, next_attempt_at, sent_at)
                        values (?, 'SMS', 'NOTICE_DELIVERED', '{}', ?, 'SENT', 1, ?, ?)""")
                .params(code, sentAt, sentAt, sentAt).update();
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }
}
