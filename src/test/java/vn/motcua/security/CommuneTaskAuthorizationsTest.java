package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;
import vn.motcua.organisation.Provisioner;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * Task authorizations by commune (engine.CommuneTaskAuthorizations): no authorization row per dossier task; every
 * official of Tân Giang reads the commune's tasks, only the task's own officials act on it (the guard), other
 * communes see nothing, and each role's Tasklist filters list its own tasks, the leadership's the whole commune's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommuneTaskAuthorizationsTest {

    @LocalServerPort int port;
    @Autowired AuthorizationService authorizations;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;

    Http http;
    String code;
    /** The head's "assign a specialist" task of a Tân Giang dossier (candidate group tan-giang:vp:head). */
    String headTask;

    @BeforeAll
    void aDossierWaitingForTheHead() {
        http = new Http(port);
        code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body().get("code").asText();
        String reception = http.tasks("tan-giang.reception", code).get(0).get("id").asText();
        http.complete("tan-giang.reception", reception, Map.of("receptionDecision", "ACCEPT")).expect(204);
        List<JsonNode> tasks = http.tasks("tan-giang.vp.head", code);
        assertThat(tasks).hasSize(1);
        headTask = tasks.get(0).get("id").asText();
    }

    @Test
    void theEngineWritesNoAuthorizationPerTask() {
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(headTask).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 and RESOURCE_ID_ <> '*'",
                Integer.class)).as("rows for single tasks").isZero();
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(Provisioner.OFFICIALS_GROUP)
                .resourceType(Resources.TASK).resourceId("*").singleResult();
        assertGrantsOnlyWhatOfficialsNeed(grant);
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Provisioner.LEADERS_GROUP)
                .resourceType(Resources.TASK).count()).as("the leadership's old grant, revoked").isZero();
    }

    @Test
    void officialsOfTheCommuneReadTheTaskOnlyItsOwnOfficialsActOnIt() {
        String assignee = taskService.createTaskQuery().taskId(headTask).singleResult().getAssignee();
        for (String official : List.of("tan-giang.reception", "tan-giang.leader", "tan-giang.kt.head", "tan-giang.vp.specialist1")) {
            assertThat(http.get("/engine-rest/task/" + headTask, official).status()).as(official + " reads").isEqualTo(200);
            Map<String, Http.Response> attempts = new LinkedHashMap<>();
            attempts.put("claim", http.claim(official, headTask));
            attempts.put("unclaim", http.post("/engine-rest/task/" + headTask + "/unclaim", Map.of(), official));
            attempts.put("release", http.post("/engine-rest/task/" + headTask + "/assignee", java.util.Collections.singletonMap("userId", null), official));
            attempts.put("complete", http.complete(official, headTask, Map.of("specialistId", "tan-giang.vp.specialist1")));
            attempts.put("submit form", http.post("/engine-rest/task/" + headTask + "/submit-form",
                    Map.of("variables", Map.of("specialistId", Map.of("value", "tan-giang.vp.specialist1"))), official));
            attempts.put("variables", http.post("/engine-rest/task/" + headTask + "/variables",
                    Map.of("modifications", Map.of("specialistId", Map.of("value", "tan-giang.vp.specialist1"))), official));
            attempts.put("one variable", http.put("/engine-rest/task/" + headTask + "/variables/specialistId",
                    Map.of("value", "tan-giang.vp.specialist1"), official));
            attempts.put("comment", http.post("/engine-rest/task/" + headTask + "/comment/create", Map.of("message", "Ý kiến"), official));
            for (Map.Entry<String, Http.Response> a : attempts.entrySet()) {
                assertThat(a.getValue().status()).as(official + ": " + a.getKey()).isEqualTo(403);
                assertThat(a.getValue().contentType()).startsWith("application/problem+json");
            }
            assertThat(attempts.get("claim").body().get("detail").asText()).contains("không giao cho anh/chị");
        }
        assertThat(taskService.createTaskQuery().taskId(headTask).singleResult().getAssignee()).as("nothing changed").isEqualTo(assignee);
        assertThat(taskService.getTaskComments(headTask)).isEmpty();
        // another commune's officials do not even see it
        for (String official : List.of("thuc-phan.reception", "thuc-phan.leader", "thuc-phan.vp.head")) {
            assertThat(http.get("/engine-rest/task/" + headTask, official).status()).as(official).isIn(403, 404);
            assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + code, official).expect(200).body()).isEmpty();
            assertThat(http.claim(official, headTask).status()).isIn(403, 404);
        }
        // the head of the department does: releases, claims, comments
        http.post("/engine-rest/task/" + headTask + "/unclaim", Map.of(), "tan-giang.vp.head").expect(204);
        http.claim("tan-giang.vp.head", headTask).expect(204);
        http.post("/engine-rest/task/" + headTask + "/comment/create", Map.of("message", "Đã nhận"), "tan-giang.vp.head").expect(200);
        http.post("/engine-rest/task/" + headTask + "/unclaim", Map.of(), "tan-giang.vp.head").expect(204);
        assertThat(taskService.createTaskQuery().taskId(headTask).singleResult().getAssignee()).isNull();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(headTask).count())
                .as("claiming writes no row either").isZero();
    }

    @Test
    void eachRolesFiltersListItsOwnTasksTheLeadershipsTheWholeCommunes() {
        taskService.setDueDate(headTask, new Date(System.currentTimeMillis() - 3_600_000));
        assertThat(filterTasks("tan-giang.vp.head", "Quá hạn")).contains(headTask);
        assertThat(filterTasks("tan-giang.reception", "Quá hạn")).doesNotContain(headTask);
        assertThat(filterTasks("tan-giang.kt.head", "Quá hạn")).doesNotContain(headTask);
        assertThat(filterTasks("tan-giang.vp.specialist1", "Quá hạn")).doesNotContain(headTask);
        assertThat(filterTasks("tan-giang.leader", "Quá hạn (toàn xã, phường)")).contains(headTask);
        assertThat(filterTasks("thuc-phan.leader", "Quá hạn (toàn xã, phường)")).doesNotContain(headTask);
        assertThat(filterNames("tan-giang.reception")).doesNotContain("Quá hạn (toàn xã, phường)", "Sắp đến hạn (toàn xã, phường)");
        assertThat(filterNames("tan-giang.leader")).doesNotContain("Quá hạn", "Sắp đến hạn");
        // and the head's task, listed by "Hồ sơ của phòng" for the head only
        assertThat(filterTasks("tan-giang.vp.head", "Hồ sơ của phòng")).contains(headTask);
        assertThat(filterTasks("tan-giang.reception", "Hồ sơ của phòng")).doesNotContain(headTask);
    }

    /** Liquibase's motcua-013 on an installation that had per-task rows: the grant is written, the rows go. */
    @Test
    @SuppressWarnings("unchecked")
    void theMigrationGrantsTheCommuneAndDropsTheRowsPerTask() throws Exception {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(Provisioner.OFFICIALS_GROUP)
                .resourceType(Resources.TASK).resourceId("*").singleResult();
        authorizations.deleteAuthorization(grant.getId());
        Authorization perTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        perTask.setGroupId("tan-giang:vp:head");
        perTask.setResource(Resources.TASK);
        perTask.setResourceId(headTask);
        perTask.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        authorizations.saveAuthorization(perTask);

        List<String> statements = new ArrayList<>();
        try (InputStream in = new ClassPathResource("db/changelog/motcua-013-task-authorizations.yaml").getInputStream()) {
            Map<String, Object> log = new Yaml().load(in);
            for (Object entry : (List<Object>) log.get("databaseChangeLog")) {
                Map<String, Object> changeSet = (Map<String, Object>) ((Map<String, Object>) entry).get("changeSet");
                for (Object change : (List<Object>) changeSet.get("changes")) {
                    statements.add((String) ((Map<String, Object>) ((Map<String, Object>) change).get("sql")).get("sql"));
                }
            }
        }
        assertThat(statements).hasSize(2);
        for (String sql : statements) jdbc.update(sql);
        for (String sql : statements) jdbc.update(sql); // and again: nothing more

        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(headTask).count()).isZero();
        List<Authorization> granted = authorizations.createAuthorizationQuery().groupIdIn(Provisioner.OFFICIALS_GROUP)
                .resourceType(Resources.TASK).resourceId("*").list();
        assertThat(granted).hasSize(1);
        assertGrantsOnlyWhatOfficialsNeed(granted.get(0));
        assertThat(http.get("/engine-rest/task/" + headTask, "tan-giang.vp.head").status()).isEqualTo(200);
    }

    @Test
    void tasklistsPageEmbedsTheAssigneeAndTheDiagramAndKeepsThemForTheNextPage() {
        // a dossier of its own, its head's task claimed (the class's dossier stays unclaimed for the other tests)
        String dossier = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body().get("code").asText();
        http.complete("tan-giang.reception", http.tasks("tan-giang.reception", dossier).get(0).get("id").asText(),
                Map.of("receptionDecision", "ACCEPT")).expect(204);
        String head = "tan-giang.vp.head";
        String claimed = http.tasks(head, dossier).get(0).get("id").asText();
        http.claim(head, claimed).expect(204);
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().taskId(claimed).singleResult();
        String filter = filterId(head, "Việc cần xử lý");
        for (int page = 0; page < 2; page++) {
            JsonNode hal = http.postAccepting("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
                    Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))), "application/hal+json", head)
                    .expect(200).body();
            assertThat(hal.path("count").asLong()).isPositive();
            assertThat(hal.path("_embedded").path("task").findValuesAsText("id")).contains(claimed);
            assertThat(hal.path("_embedded").path("assignee").findValuesAsText("id")).contains(head);
            assertThat(hal.path("_embedded").path("assignee").get(0).path("firstName").asText()).isNotBlank();
            assertThat(hal.path("_embedded").path("processDefinition").findValuesAsText("id")).contains(task.getProcessDefinitionId());
            assertThat(org.camunda.bpm.engine.rest.hal.Hal.getInstance()
                    .getHalRelationCache(org.camunda.bpm.engine.rest.hal.user.HalUser.class).get(head))
                    .as("the assignee, kept for the next page").isNotNull();
            assertThat(org.camunda.bpm.engine.rest.hal.Hal.getInstance()
                    .getHalRelationCache(org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition.class)
                    .get(task.getProcessDefinitionId())).as("the diagram, kept for the next page").isNotNull();
        }
        // the filter is the province's; another commune's head gets their own page: the cached assignee is not in it
        JsonNode other = http.postAccepting("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", Map.of(),
                "application/hal+json", "thuc-phan.vp.head").expect(200).body();
        assertThat(other.path("_embedded").path("task").findValuesAsText("id")).doesNotContain(claimed);
        assertThat(other.path("_embedded").path("assignee").findValuesAsText("id")).doesNotContain(head);
    }

    private String filterId(String user, String filterName) {
        for (JsonNode filter : http.get("/engine-rest/filter?resourceType=Task", user).expect(200).body()) {
            if (filter.get("name").asText().equals(filterName)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no filter " + filterName);
    }

    private static void assertGrantsOnlyWhatOfficialsNeed(Authorization grant) {
        for (TaskPermissions p : TaskPermissions.values()) {
            boolean wanted = List.of(TaskPermissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
                    TaskPermissions.UPDATE_VARIABLE).contains(p);
            if (p != TaskPermissions.NONE && p != TaskPermissions.ALL) {
                assertThat(grant.isPermissionGranted(p)).as(p.toString()).isEqualTo(wanted);
            }
        }
    }

    private List<String> filterNames(String user) {
        List<String> names = new ArrayList<>();
        http.get("/engine-rest/filter?resourceType=Task", user).expect(200).body().forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private List<String> filterTasks(String user, String filterName) {
        for (JsonNode filter : http.get("/engine-rest/filter?resourceType=Task", user).expect(200).body()) {
            if (filter.get("name").asText().equals(filterName)) {
                List<String> ids = new ArrayList<>();
                http.post("/engine-rest/filter/" + filter.get("id").asText() + "/list", Map.of(), user).expect(200).body()
                        .forEach(t -> ids.add(t.get("id").asText()));
                return ids;
            }
        }
        throw new AssertionError(user + " has no filter " + filterName);
    }
}
