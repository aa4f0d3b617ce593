package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
 * On PostgreSQL a commune's "Việc cần xử lý" (its tasks that are the official's or unassigned for their groups) reads
 * the commune's tasks, not every unassigned task of the province (Liquibase motcua-020), and tasks by assignee are
 * still found through an index.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class InboxIndexesOnPostgresTest {

    /** Camunda's count of a filter "mine or my groups' unassigned" with the tenant check, as PostgreSQL receives it. */
    static final String WORK_COUNT = """
            SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
            WHERE (1 = 1) and (RES.ASSIGNEE_ = 'probe-01.head' or (RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate'
              and I.GROUP_ID_ IN ('probe-01:head', 'motcua-officials')))
            and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ('probe-01'))) countDistinct""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_inbox_indexes");
        registry.add("motcua.test.pg-url", () -> url);
    }

    @Autowired JdbcTemplate jdbc;

    @Test
    void theCommunesWorkIsReadInsideTheCommuneAndTasksByAssigneeThroughTheIndexOfAssignedTasks() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'act_ru_task'", String.class))
                .contains("mc_idx_task_assigned", "mc_idx_task_tenant_assignee").doesNotContain("act_idx_task_assignee");
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'mc_idx_task_assigned'", String.class))
                .contains("WHERE (assignee_ IS NOT NULL)");
        // 100 communes of 200 tasks, half of them unassigned, each with its candidate group
        jdbc.update("""
                insert into act_ru_task (id_, rev_, name_, tenant_id_, assignee_, suspension_state_, priority_, create_time_)
                select 'probe-task-' || i, 1, 'Thẩm định hồ sơ', 'probe-' || lpad((i % 100)::text, 2, '0'),
                  case when (i / 100) % 2 = 0 then 'probe-' || lpad((i % 100)::text, 2, '0') || '.head' end, 1, 50, now()
                from generate_series(1, 20000) i""");
        jdbc.update("""
                insert into act_ru_identitylink (id_, rev_, type_, group_id_, task_id_, tenant_id_)
                select 'probe-link-' || i, 1, 'candidate', 'probe-' || lpad((i % 100)::text, 2, '0') || ':head', 'probe-task-' || i,
                  'probe-' || lpad((i % 100)::text, 2, '0')
                from generate_series(1, 20000) i""");
        try {
            jdbc.execute("analyze act_ru_task");
            jdbc.execute("analyze act_ru_identitylink");
            String plan = plan(WORK_COUNT);
            assertThat(plan).as("no index entry of the province's unassigned tasks is read").doesNotContain("Index Cond: (assignee_ IS NULL)")
                    .contains("mc_idx_task_tenant_assignee");
            assertThat(jdbc.queryForObject(WORK_COUNT, Long.class)).as("probe-01's 200 tasks: 100 its head's, 100 unassigned")
                    .isEqualTo(200);
            String byAssignee = plan("select ID_ from ACT_RU_TASK RES where RES.ASSIGNEE_ = 'probe-01.head'");
            assertThat(byAssignee).contains("mc_idx_task_assigned");
        } finally {
            jdbc.update("delete from act_ru_identitylink where id_ like 'probe-link-%'");
            jdbc.update("delete from act_ru_task where id_ like 'probe-task-%'");
        }
    }

    /** PostgreSQL's plan of a query, as text. */
    private String plan(String sql) {
        return jdbc.queryForList("explain " + sql, String.class).stream().collect(Collectors.joining("\n"));
    }
}
