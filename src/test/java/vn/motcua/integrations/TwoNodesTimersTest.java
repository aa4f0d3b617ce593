package vn.motcua.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotcuaApplication;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.support.PostgresDatabase;
import vn.motcua.support.Submissions;

/**
 * Two nodes on one PostgreSQL, both running Camunda's job executor: every deadline timer (the
 * step warning, the step deadline, the apology, the late mark) fires exactly once.
 */
class TwoNodesTimersTest {

    @Test
    void everyTimerFiresOnceWithTwoJobExecutorsRunning() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));   // Monday 08:00 in Vietnam
        String url = PostgresDatabase.create("motcua_test_two_node_timers");
        try (ConfigurableApplicationContext node1 = start(url); ConfigurableApplicationContext node2 = start(url)) {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? node1 : node2;
                String code = node.getBean(DossierSubmission.class).submit(new ObjectMapper().convertValue(
                        Submissions.birthRegistration("tan-giang", "COUNTER"), SubmissionRequest.class)).code();
                TaskService tasks = node.getBean(TaskService.class);
                String task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
                for (int attempt = 0; ; attempt++) {
                    try {   // as an official would: a timer firing at the same moment makes them try again
                        tasks.complete(task, Map.of("receptionDecision", "ACCEPT"));
                        break;
                    } catch (org.camunda.bpm.engine.OptimisticLockingException concurrent) {
                        if (attempt == 5) throw concurrent;
                    }
                }
                codes.add(code);
            }
            // a week later: every warning, deadline, apology and late timer of the ten dossiers is due
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-09T01:00:00Z")));
            ManagementService management = node1.getBean(ManagementService.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (management.createJobQuery().executable().count() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            assertThat(management.createJobQuery().executable().count()).as("all due timers done within 90 s").isZero();

            JdbcClient jdbc = node1.getBean(JdbcClient.class);
            for (String code : codes) {
                Map<String, Long> notices = new java.util.HashMap<>();
                jdbc.sql("select n.kind, count(*) from mc_notification n join mc_dossier d on d.id = n.dossier_id where d.code = ? group by n.kind")
                        .param(code).query(rs -> {
                            notices.put(rs.getString(1), rs.getLong(2));
                        });
                assertThat(notices).as(code).containsEntry("STEP_WARNING", 1L).containsEntry("STEP_OVERDUE", 1L).containsEntry("LATE", 1L);
                long explain = node1.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code)
                        .taskDefinitionKey("Task_ExplainDelay").count();
                assertThat(explain).as("one apology task for " + code).isOne();
            }
            long fired = jdbc.sql("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2").query(Long.class).single();
            System.out.printf("TWO NODES TIMERS: %d timer jobs executed for %d dossiers%n", fired, codes.size());
        } finally {
            ClockUtil.reset();
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(MotcuaApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("demo", "test", "postgres", "pgtest")
                .run("--motcua.test.pg-url=" + url,
                        "--motcua.outbox.enabled=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
    }
}
