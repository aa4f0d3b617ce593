package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/**
 * On PostgreSQL the job executor's acquisition finds "no exclusive job of the same instance locked by another node"
 * through the index of locked jobs (Liquibase motcua-016), not by reading every job of the province, and still
 * answers the same: due, unlocked jobs of instances whose exclusive jobs nobody holds.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class JobAcquisitionOnPostgresTest {

    /** Camunda 7.24's selectNextJobsToExecute (Job.xml) as PostgreSQL receives it with motcua's settings. */
    static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
            from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now())
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
                      where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                      and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
                   or RES.EXCLUSIVE_ = false)
            LIMIT 3""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_job_acquisition");
        registry.add("motcua.test.pg-url", () -> url);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.ProcessEngineConfiguration configuration;

    @Test
    void theJobExecutorTakesTheOldestDueJobsFirstThroughTheIndexOfDueDates() {
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration;
        assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(engine.isEnsureJobDueDateNotNull()).as("async jobs take their turn by time, not after every timer").isTrue();
        // 20,000 due jobs whose due dates are in no particular order in the table
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_, suspension_state_,
                  handler_type_, priority_, sequence_counter_)
                select 'probe-' || i, 1, 'timer', true, 'probe-instance-' || i, 3,
                  now() - interval '10 years' + ((i * 7919) % 20000) * interval '1 second', 1, 'timer-task-listener', 0, 1
                from generate_series(1, 20000) i""");
        try {
            jdbc.execute("analyze act_ru_job");
            String plan = plan(ACQUISITION.replace("LIMIT 3", "order by RES.DUEDATE_ asc LIMIT 3"));
            assertThat(plan).contains("mc_idx_job_duedate").doesNotContain("Seq Scan on act_ru_job res");
            List<String> oldest = jdbc.queryForList("select id_ from act_ru_job order by duedate_ limit 3", String.class);
            org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs acquired = engine.getCommandExecutorTxRequired()
                    .execute(new org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd(engine.getJobExecutor(), 3));
            assertThat(acquired.getJobIdBatches().stream().flatMap(List::stream).toList())
                    .as("the engine's own acquisition").containsExactlyInAnyOrderElementsOf(oldest);
        } finally {
            jdbc.update("delete from act_ru_job where id_ like 'probe-%'");
        }
    }

    @Test
    void theLockedJobsCheckReadsTheIndexOfLockedJobsOnly() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'mc_idx_job_locked'", String.class))
                .singleElement().satisfies(def -> assertThat(def).contains("WHERE (lock_owner_ IS NOT NULL)"));
        // a province's worth of jobs, as the planner sees them, of which a handful locked
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, lock_exp_time_, lock_owner_, exclusive_, process_instance_id_, retries_,
                  duedate_, suspension_state_, handler_type_, priority_, sequence_counter_)
                select 'probe-' || i, 1, 'timer', case when i % 1000 = 0 then now() + interval '5 minutes' end,
                  case when i % 1000 = 0 then 'node-a' end, true, 'probe-instance-' || i, 3, now() - interval '1 minute', 1,
                  'timer-task-listener', 0, 1
                from generate_series(1, 20000) i""");
        try {
            jdbc.execute("analyze act_ru_job");
            String plan = plan(ACQUISITION);
            assertThat(plan).contains("mc_idx_job_locked").doesNotContain("Seq Scan on act_ru_job j2");
            // and it still answers: due jobs, none locked, none of an instance with a locked exclusive job
            jdbc.update("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_, suspension_state_,
                      handler_type_, priority_, sequence_counter_)
                    select 'probe-sibling-' || i, 1, 'timer', true, 'probe-instance-' || i, 3, now() - interval '2 minutes', 1,
                      'timer-task-listener', 0, 1
                    from generate_series(1000, 20000, 1000) i""");
            List<String> acquired = jdbc.queryForList(ACQUISITION.replace("LIMIT 3", "")
                    .replace("RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_", "RES.ID_"), String.class)
                    .stream().filter(id -> id.startsWith("probe-")).toList();
            assertThat(acquired).hasSize(20000 - 20).noneMatch(id -> id.startsWith("probe-sibling-"))
                    .allSatisfy(id -> assertThat(Integer.parseInt(id.substring("probe-".length())) % 1000).isNotZero());
        } finally {
            jdbc.update("delete from act_ru_job where id_ like 'probe-%'");
        }
    }

    /** PostgreSQL's plan of a query, as text. */
    private String plan(String sql) {
        return jdbc.queryForList("explain " + sql, String.class).stream().collect(Collectors.joining("\n"));
    }
}
