package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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
import vn.motcua.dossier.DossierFacts;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;

/** History at level full keeps who did what and when and the officials' final values, not the dossier's facts (issue 13). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class LeanHistoryTest {

    static final OffsetDateTime MONDAY_MORNING = OffsetDateTime.parse("2026-03-02T08:00:00+07:00");

    @LocalServerPort int port;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired DossierFacts facts;
    @Autowired DataSource dataSource;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void aDossierLeavesItsStepsAndDecisionsInHistoryButNotItsFactsDetailsOrTimerBookkeeping() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        DossierSteps.AtStep reception = steps.submitted("tan-giang");
        String code = reception.code();
        http.complete("tan-giang.reception", reception.taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        DossierSteps.AtStep assignment = steps.at(code, "tan-giang.vp.head");

        // the head's step: its warning fires (a run), then the head assigns it (its other timer is deleted unfired)
        List<Job> stepTimers = management.createJobQuery().processInstanceId(assignment.processInstanceId()).timers()
                .orderByJobDuedate().asc().list().stream()
                .filter(job -> TimerTaskListenerJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
        assertThat(stepTimers).as("the step's warning and overdue timers").hasSize(2);
        Job warning = stepTimers.get(0);
        ClockUtil.setCurrentTime(new Date(warning.getDuedate().getTime() + 60_000));
        management.executeJob(warning.getId());
        http.complete("tan-giang.vp.head", assignment.taskId(), Map.of("specialistId", "tan-giang.vp.specialist1")).expect(204);
        DossierSteps.AtStep appraisal = steps.at(code, "tan-giang.vp.specialist1");
        assertThat(management.createJobQuery().jobId(stepTimers.get(1).getId()).count()).as("the overdue timer went with the step").isZero();

        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
                .map(HistoricProcessInstance::getId).toList();
        assertThat(instances).as("the procedure and its resolution block").hasSizeGreaterThan(1);
        // the facts are still in every running instance, for the forms and the gateways
        assertThat(runtime.getVariable(appraisal.processInstanceId(), Var.DOSSIER_CODE)).isEqualTo(code);
        assertThat(runtime.getVariable(appraisal.processInstanceId(), Var.APPLICANT_NAME)).isNotNull();

        // act_hi_varinst: the officials' decisions with their final values, no fact
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).doesNotContainAnyElementsOf(Var.FACTS);
        assertThat(variables).filteredOn(v -> v.getName().equals(Var.RECEPTION_DECISION))
                .extracting(HistoricVariableInstance::getValue).isNotEmpty().containsOnly("ACCEPT");
        assertThat(variables).filteredOn(v -> v.getName().equals(Var.SPECIALIST_ID))
                .extracting(HistoricVariableInstance::getValue).isNotEmpty().containsOnly("tan-giang.vp.specialist1");
        assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where NAME_ in (:names)").param("names", Var.FACTS)
                .query(Long.class).single()).as("no fact of any dossier in act_hi_varinst").isZero();

        // act_hi_detail: no variable update at all
        assertThat(history.createHistoricDetailQuery().variableUpdates().count()).isZero();
        assertThat(jdbc.sql("select count(*) from ACT_HI_DETAIL where TYPE_ = 'VariableUpdate'").query(Long.class).single()).isZero();

        // the job log: the warning's run, and no creation or deletion of any timer
        assertThat(history.createHistoricJobLogQuery().jobId(warning.getId()).list())
                .singleElement().satisfies(log -> assertThat(log.isSuccessLog()).isTrue());
        assertThat(jdbc.sql("select count(*) from ACT_HI_JOB_LOG where JOB_DEF_TYPE_ like 'timer-%' and JOB_STATE_ in (0, 3)")
                .query(Long.class).single()).isZero();

        // who did what and when: the reception officer's and the head's completions, the steps they completed
        List<UserOperationLogEntry> completions = history.createUserOperationLogQuery().entityType(EntityTypes.TASK)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .filter(entry -> instances.contains(entry.getProcessInstanceId())).toList();
        assertThat(completions).extracting(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(reception.taskId(), "tan-giang.reception"),
                        org.assertj.core.groups.Tuple.tuple(assignment.taskId(), "tan-giang.vp.head"));
        assertThat(completions).allSatisfy(entry -> assertThat(entry.getTimestamp()).isNotNull());
        assertThat(history.createHistoricTaskInstanceQuery().taskId(assignment.taskId()).singleResult())
                .satisfies(task -> {
                    assertThat(task.getAssignee()).isEqualTo("tan-giang.vp.head");
                    assertThat(task.getEndTime()).isNotNull();
                });
    }

    @Test
    void aFinishedDossierKeepsItsStepsWithWhoAndWhenButNoGatewayStartOrEndEvent() {
        String code = returnedAtTheCounter();

        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list();
        assertThat(instances).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .containsExactlyInAnyOrder("thu-tuc", "tiep-nhan", "giai-quyet", "giai-quyet-phong", "tra-ket-qua");
        // where and when each instance started and ended, the event included, is the instance's own row
        assertThat(instances).allSatisfy(instance -> {
            assertThat(instance.getEndTime()).isNotNull();
            assertThat(instance.getStartActivityId()).isNotNull();
            assertThat(instance.getEndActivityId()).isNotNull();
        });
        assertThat(instances).filteredOn(i -> i.getProcessDefinitionKey().equals("thu-tuc"))
                .singleElement().satisfies(root -> {
                    assertThat(root.getStartActivityId()).isEqualTo("StartEvent_Submitted");
                    assertThat(root.getEndActivityId()).isEqualTo(Element.END_RETURNED);
                });
        assertThat(instances).filteredOn(i -> i.getProcessDefinitionKey().equals("giai-quyet"))
                .singleElement().extracting(HistoricProcessInstance::getEndActivityId).isEqualTo("End_Resolved");

        String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        List<HistoricActivityInstance> steps = instances.stream()
                .flatMap(i -> history.createHistoricActivityInstanceQuery().processInstanceId(i.getId()).list().stream()).toList();
        assertThat(steps).extracting(HistoricActivityInstance::getActivityType).doesNotContainAnyElementsOf(LeanHistory.PLUMBING)
                .contains(ActivityTypes.TASK_USER_TASK, ActivityTypes.TASK_SERVICE, ActivityTypes.CALL_ACTIVITY, ActivityTypes.SUB_PROCESS);
        assertThat(jdbc.sql("select count(*) from ACT_HI_ACTINST where ACT_TYPE_ like '%Gateway' or ACT_TYPE_ in ('startEvent', 'noneEndEvent', 'terminateEndEvent')")
                .query(Long.class).single()).as("no plumbing of any dossier").isZero();
        assertThat(steps).as("every step kept has ended").allSatisfy(step -> assertThat(step.getEndTime()).isNotNull());
        // who did each step and when: every official's task with its times, and who completed it (the operation log;
        // a step given to a group has no assignee, the assigned ones keep theirs)
        List<HistoricActivityInstance> tasks = steps.stream().filter(step -> step.getActivityType().equals(ActivityTypes.TASK_USER_TASK)).toList();
        assertThat(tasks).extracting(HistoricActivityInstance::getActivityId, step -> completedBy(step.getTaskId()))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Element.TASK_RECEPTION_CHECK, "tan-giang.reception"),
                        org.assertj.core.groups.Tuple.tuple(Element.TASK_ASSIGN_SPECIALIST, "tan-giang.vp.head"),
                        org.assertj.core.groups.Tuple.tuple(Element.TASK_APPRAISE_DOSSIER, "tan-giang.vp.specialist1"),
                        org.assertj.core.groups.Tuple.tuple(Element.TASK_REVIEW_DRAFT, "tan-giang.vp.head"),
                        org.assertj.core.groups.Tuple.tuple(Element.TASK_LEADER_APPROVAL, "tan-giang.leader"),
                        org.assertj.core.groups.Tuple.tuple(Element.TASK_RETURN_AT_COUNTER, "tan-giang.reception"));
        assertThat(tasks).filteredOn(step -> step.getActivityId().equals(Element.TASK_APPRAISE_DOSSIER))
                .singleElement().extracting(HistoricActivityInstance::getAssignee).isEqualTo("tan-giang.vp.specialist1");
        assertThat(tasks).allSatisfy(step -> assertThat(step.getStartTime()).isBeforeOrEqualTo(step.getEndTime()));
        // the blocks called, each with the instance it started
        assertThat(steps).filteredOn(step -> step.getActivityType().equals(ActivityTypes.CALL_ACTIVITY))
                .hasSize(4).allSatisfy(step -> assertThat(List.of(ids)).contains(step.getCalledProcessInstanceId()));
        // what the system did: accepted with the appointment, routed, issued the result, returned it
        assertThat(steps).filteredOn(step -> step.getActivityType().equals(ActivityTypes.TASK_SERVICE))
                .extracting(HistoricActivityInstance::getActivityId)
                .contains("ServiceTask_AcceptDossier", "ServiceTask_RouteToDepartment", "ServiceTask_IssueResult", "ServiceTask_ReturnResult");
    }

    @Test
    void aValueIsRecordedWhereItWasWrittenNotWhereACallActivityCopiedIt() {
        String code = returnedAtTheCounter();
        Map<String, String> keyOf = new java.util.HashMap<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list()
                .forEach(i -> keyOf.put(i.getId(), i.getProcessDefinitionKey()));
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(keyOf.keySet().toArray(String[]::new)).list();
        java.util.function.Function<String, Map<String, Object>> in = key -> variables.stream()
                .filter(v -> keyOf.get(v.getProcessInstanceId()).equals(key))
                .collect(java.util.HashMap::new, (m, v) -> m.put(v.getName(), v.getValue()), Map::putAll);

        // the decisions where the officials took them: the reception in its block, the draft and the sign-off in theirs
        assertThat(in.apply("tiep-nhan")).containsEntry(Var.RECEPTION_DECISION, "ACCEPT");
        assertThat(in.apply("giai-quyet-phong"))
                .containsEntry(Var.SPECIALIST_ID, "tan-giang.vp.specialist1")
                .containsEntry("draftResult", "Giấy khai sinh cho cháu Nguyễn Minh An")
                .containsEntry("headDecision", "APPROVE")
                .containsEntry("leaderDecision", "APPROVE")
                .containsEntry("draftedBy", "tan-giang.vp.specialist1")
                .doesNotContainKeys("departmentName", "headGroup", "specialistGroup", "specialistOptions");
        // the routing where its delegate wrote it, the recipient where the clerk wrote it
        assertThat(in.apply("giai-quyet")).containsEntry("departmentName", "Văn phòng HĐND và UBND").containsKey("headGroup")
                .doesNotContainKeys("draftResult", Var.SPECIALIST_ID, "headDecision", "draftedBy");
        assertThat(in.apply("tra-ket-qua")).containsEntry("recipientName", "Nguyễn Thị Hồng Nhung").doesNotContainKey("draftResult");
        // the process that only calls the blocks and routes on their outcomes has copies only
        assertThat(in.apply("thu-tuc")).isEmpty();
        assertThat(variables).filteredOn(v -> v.getName().equals("draftResult")).as("the draft, once").hasSize(1);
    }

    /** The indexes motcua-014 and motcua-015 keep on the history tables, and only those (besides the primary keys). */
    static final Map<String, java.util.Set<String>> HISTORY_INDEXES = Map.of(
            "ACT_HI_ACTINST", java.util.Set.of("ACT_IDX_HI_ACT_INST_PROCINST", "ACT_IDX_HI_ACTINST_ROOT_PI", "ACT_IDX_HI_ACT_INST_RM_TIME"),
            "ACT_HI_VARINST", java.util.Set.of("ACT_IDX_HI_PROCVAR_PROC_INST", "ACT_IDX_HI_VARINST_ROOT_PI", "ACT_IDX_HI_VARINST_RM_TIME"),
            "ACT_HI_TASKINST", java.util.Set.of("ACT_IDX_HI_TASKINST_PROCINST", "ACT_IDX_HI_TASKINST_ROOT_PI", "ACT_IDX_HI_TASK_INST_RM_TIME"),
            "ACT_HI_IDENTITYLINK", java.util.Set.of("ACT_IDX_HI_IDENT_LINK_TASK", "ACT_IDX_HI_IDENT_LNK_ROOT_PI", "ACT_IDX_HI_IDENT_LINK_RM_TIME"),
            "ACT_HI_OP_LOG", java.util.Set.of("ACT_IDX_HI_OP_LOG_PROCINST", "ACT_IDX_HI_OP_LOG_TASK", "ACT_IDX_HI_OP_LOG_ROOT_PI",
                    "ACT_IDX_HI_OP_LOG_RM_TIME"),
            "ACT_HI_PROCINST", java.util.Set.of("ACT_IDX_HI_PRO_I_BUSKEY", "ACT_IDX_HI_PRO_INST_ROOT_PI", "ACT_IDX_HI_PRO_INST_RM_TIME",
                    "ACT_IDX_HI_PI_PDEFID_END_TIME"),
            "ACT_HI_COMMENT", java.util.Set.of("ACT_IDX_HI_COMMENT_TASK", "ACT_IDX_HI_COMMENT_PROCINST", "ACT_IDX_HI_COMMENT_ROOT_PI",
                    "ACT_IDX_HI_COMMENT_RM_TIME"));

    @Test
    void theHistoryKeepsOnlyTheIndexesItsReadersUseAndTheyStillAnswer() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, java.util.Set<String>> table : HISTORY_INDEXES.entrySet()) {
                java.util.Set<String> indexes = new java.util.TreeSet<>();
                try (java.sql.ResultSet r = c.getMetaData().getIndexInfo(null, null, table.getKey(), false, false)) {
                    while (r.next()) {
                        String name = r.getString("INDEX_NAME");
                        if (name != null && name.toUpperCase(java.util.Locale.ROOT).startsWith("ACT_IDX_")) indexes.add(name.toUpperCase(java.util.Locale.ROOT));
                    }
                }
                assertThat(indexes).as(table.getKey()).containsExactlyInAnyOrderElementsOf(table.getValue());
            }
        }

        // a dossier whose leader left a remark on the approval before signing, taken to the end
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        DossierSteps.AtStep approval = steps.atApproval();
        http.claim("tan-giang.leader", approval.taskId()).expect(204);
        http.post("/engine-rest/task/" + approval.taskId() + "/comment/create", Map.of("message", "Đồng ý, trả đúng hẹn"), "tan-giang.leader")
                .expect(200);
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        DossierSteps.AtStep counter = steps.at(approval.code(), "tan-giang.reception");
        http.complete("tan-giang.reception", counter.taskId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(approval.code()).unfinished().count()).isZero();

        // Tasklist's History tab of the finished task: its operation log by task, counted and paged, and its comments
        assertThat(http.get("/engine-rest/history/user-operation/count?taskId=" + approval.taskId(), "tan-giang.leader").expect(200)
                .body().get("count").asLong()).isPositive();
        JsonNode log = http.get("/engine-rest/history/user-operation?taskId=" + approval.taskId() + "&firstResult=0&maxResults=15",
                "tan-giang.leader").expect(200).body();
        assertThat(log.findValuesAsText("operationType")).contains(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
        assertThat(log.findValuesAsText("userId")).contains("tan-giang.leader");
        JsonNode comments = http.get("/engine-rest/task/" + approval.taskId() + "/comment", "tan-giang.leader").expect(200).body();
        assertThat(comments.findValuesAsText("message")).containsExactly("Đồng ý, trả đúng hẹn");
        // motcua's audit of the dossier: the instances by business key, then each one's operation log
        JsonNode audit = http.get("/api/admin/dossiers/" + approval.code() + "/audit", "admin").expect(200).body();
        assertThat(audit.findValuesAsText("action")).contains("Complete task " + approval.taskId());
        // a finished instance as Cockpit opens it when it is no longer running
        String root = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(approval.code()).rootProcessInstances()
                .singleResult().getId();
        assertThat(http.get("/engine-rest/history/process-instance/" + root, "admin").expect(200).body().get("businessKey").asText())
                .isEqualTo(approval.code());
    }

    /** A birth registration taken to the end: drafted, approved, returned at the counter; its code. */
    private String returnedAtTheCounter() {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        DossierSteps.AtStep approval = steps.atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        DossierSteps.AtStep counter = steps.at(approval.code(), "tan-giang.reception");
        http.complete("tan-giang.reception", counter.taskId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);
        return approval.code();
    }

    private String completedBy(String taskId) {
        return history.createUserOperationLogQuery().taskId(taskId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .singleResult().getUserId();
    }

    @Test
    void everyFactOfADossierIsOneTheHistoryLeavesOut() {
        Http http = new Http(port);
        DossierSteps.AtStep appraisal = new DossierSteps(http).atAppraisal();
        Map<String, Object> of = facts.of(appraisal.code());
        assertThat(of).as("with the appointment's clock").containsKeys(Var.DOSSIER_CODE, Var.APPOINTMENT_AT, Var.APOLOGY_DUE_AT);
        assertThat(Var.FACTS).containsAll(of.keySet());
    }
}
