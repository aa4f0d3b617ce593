package vn.motcua.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.DossierSteps.AtStep;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * Running dossiers and new versions, as the province admin sees them over HTTP: an analyst's new
 * version of a building block or a procedure is deployed the way the service deploys processes/
 * (same resource name, a new deployment with the forms); dossiers wait at every user task of the
 * old version; the dry run changes nothing, the real run moves them all with their tasks and
 * timers, and a version that removed a step where dossiers wait is refused whole. Runs once per
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class MigrationHttpFlow {

    static final String ADMIN = "admin";
    static final String RECEPTION = "tan-giang.reception";
    static final String HEAD = "tan-giang.vp.head";
    static final String SPECIALIST = "tan-giang.vp.specialist1";
    static final String LEADER = "tan-giang.leader";
    static final String MARRIAGE_STATUS = "1.004873";

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessMigrations migrations;

    Http http;
    DossierSteps steps;

    @org.junit.jupiter.api.BeforeEach
    void clients() {
        http = new Http(port);
        steps = new DossierSteps(http);
    }

    @Test
    void receptionDossiersAtEveryStepMoveToTheNewVersionWithTheirTasksAndTimersAndGoOnToTheEnd() {
        Map<String, AtStep> dossiers = new LinkedHashMap<>();
        dossiers.put("check", steps.submitted("tan-giang"));
        dossiers.put("check, claimed", steps.submitted("tan-giang"));
        http.claim(RECEPTION, dossiers.get("check, claimed").taskId()).expect(204);
        dossiers.put("supplement", atSupplement());
        dossiers.put("fee", atFee());
        assertThat(dossiers.values()).extracting(d -> taskKey(d.code()))
                .containsExactly("Task_ReceptionCheck", "Task_ReceptionCheck", "Task_ReceiveSupplement", "Task_CollectFee");
        Map<String, Snapshot> before = snapshots(dossiers.values(), "tiep-nhan");
        // the reception check arms a warning and an overdue timer (the other two steps have none)
        assertThat(before.get(dossiers.get("check").code()).timers()).hasSize(2);
        assertThat(before.get(dossiers.get("check, claimed").code()).timers()).hasSize(2);
        String source = before.values().iterator().next().definitionId();

        ProcessDefinition target = deploy("processes/chung/tiep-nhan.bpmn", model -> model.<FlowNode>getModelElementById("Task_ReceptionCheck")
                .setName("Kiểm tra tính đầy đủ, hợp lệ và tiếp nhận hồ sơ"));
        long audits = audits();

        JsonNode dryRun = migrate("tiep-nhan", true).expect(200).body();
        assertThat(dryRun.get("outcome").asText()).isEqualTo("CAN_MIGRATE");
        JsonNode version = single(dryRun.get("versions"));
        assertThat(version.get("definitionId").asText()).isEqualTo(source);
        assertThat(version.get("targetDefinitionId").asText()).isEqualTo(target.getId());
        assertThat(version.get("targetVersion").asInt()).isEqualTo(target.getVersion());
        assertThat(version.get("runningInstances").asInt()).isEqualTo(4);
        assertThat(version.get("migratable").asBoolean()).isTrue();
        assertThat(version.get("refused")).isEmpty();
        assertThat(version.get("migrated")).isEmpty();
        assertThat(mappedSources(version)).contains("Task_ReceptionCheck", "Task_ReceiveSupplement", "Task_CollectFee",
                "Boundary_PaymentReceived");
        assertThat(version.get("unmapped")).as("every step of the old version is in the new one").isEmpty();
        assertThat(snapshots(dossiers.values(), "tiep-nhan")).as("a dry run changes nothing").isEqualTo(before);
        assertThat(audits()).as("a dry run is not audited").isEqualTo(audits);

        JsonNode real = migrate("tiep-nhan", false).expect(200).body();
        assertThat(real.get("outcome").asText()).isEqualTo("MIGRATED");
        assertThat(real.get("migratedInstances").asInt()).isEqualTo(4);
        assertThat(texts(single(real.get("versions")).get("migrated")))
                .containsExactlyInAnyOrderElementsOf(dossiers.values().stream().map(AtStep::code).toList());
        Map<String, Snapshot> after = snapshots(dossiers.values(), "tiep-nhan");
        for (AtStep dossier : dossiers.values()) {
            Snapshot was = before.get(dossier.code());
            assertThat(after.get(dossier.code())).as(dossier.code()).isEqualTo(was.on(target.getId()));
        }
        // a waiting task keeps the name it was created with; tasks created from now on carry the new one
        assertThat(http.tasks(RECEPTION, dossiers.get("check").code()).get(0).get("name").asText())
                .isEqualTo("Kiểm tra, tiếp nhận hồ sơ");
        assertThat(audits()).isEqualTo(audits + 1);
        assertThat(lastAudit()).containsEntry("actor", ADMIN).containsEntry("action", "MIGRATION");
        assertThat((String) lastAudit().get("detail")).contains("tiep-nhan", "4 hồ sơ");

        // the new version still arms its step timers for a dossier that arrives now
        AtStep fresh = steps.submitted("tan-giang");
        Snapshot arrived = snapshots(List.of(fresh), "tiep-nhan").get(fresh.code());
        assertThat(arrived.definitionId()).isEqualTo(target.getId());
        assertThat(arrived.timers()).hasSize(2);
        assertThat(http.tasks(RECEPTION, fresh.code()).get(0).get("name").asText()).isEqualTo("Kiểm tra tính đầy đủ, hợp lệ và tiếp nhận hồ sơ");
        assertThat(migrate("tiep-nhan", true).expect(200).body().get("outcome").asText()).isEqualTo("NOTHING_TO_MIGRATE");

        dossiers.values().forEach(d -> finish(d.code()));
        finish(fresh.code());
    }

    @Test
    void departmentDossiersAtEveryStepMoveToTheNewBlockAndProcedureVersionsAndGoOnToTheEnd() {
        List<AtStep> dossiers = List.of(steps.atAssignment(), steps.atAppraisal(), steps.atReview(), steps.atApproval());
        http.claim(LEADER, dossiers.get(3).taskId()).expect(204);
        assertThat(dossiers).extracting(d -> taskKey(d.code()))
                .containsExactly("Task_AssignSpecialist", "Task_AppraiseDossier", "Task_ReviewDraft", "Task_LeaderApproval");
        Map<String, Snapshot> before = snapshots(dossiers, "giai-quyet-phong");
        Map<String, Snapshot> proceduresBefore = snapshots(dossiers, "thu-tuc");
        assertThat(before.values()).allSatisfy(s -> assertThat(s.task().assignee()).isNotNull());

        ProcessDefinition block = deploy("processes/chung/giai-quyet-phong.bpmn", model -> model.<FlowNode>getModelElementById("Task_ReviewDraft")
                .setName("Trưởng phòng xem xét dự thảo kết quả"));
        ProcessDefinition procedure = deploy("processes/chung/thu-tuc.bpmn", model -> documentation(model, "thu-tuc",
                "Quy trình chung của các thủ tục; phiên bản có ghi chú mới của chuyên viên phân tích."));

        JsonNode dryRun = migrate("giai-quyet-phong", true).expect(200).body();
        assertThat(dryRun.get("outcome").asText()).isEqualTo("CAN_MIGRATE");
        assertThat(single(dryRun.get("versions")).get("runningInstances").asInt()).isEqualTo(4);
        assertThat(mappedSources(single(dryRun.get("versions"))))
                .contains("Task_AssignSpecialist", "Task_AppraiseDossier", "Task_ReviewDraft", "Task_LeaderApproval");
        assertThat(snapshots(dossiers, "giai-quyet-phong")).isEqualTo(before);

        assertThat(migrate("giai-quyet-phong", false).expect(200).body().get("migratedInstances").asInt()).isEqualTo(4);
        JsonNode procedures = migrate("thu-tuc", false).expect(200).body();
        assertThat(procedures.get("migratedInstances").asInt()).isEqualTo(4);
        assertThat(mappedSources(single(procedures.get("versions")))).contains("CallActivity_Reception", "CallActivity_Resolution",
                "CallActivity_ReturnResult");

        Map<String, Snapshot> after = snapshots(dossiers, "giai-quyet-phong");
        Map<String, Snapshot> proceduresAfter = snapshots(dossiers, "thu-tuc");
        for (AtStep dossier : dossiers) {
            assertThat(after.get(dossier.code())).isEqualTo(before.get(dossier.code()).on(block.getId()));
            assertThat(proceduresAfter.get(dossier.code())).isEqualTo(proceduresBefore.get(dossier.code()).on(procedure.getId()));
        }
        assertThat(http.tasks(HEAD, dossiers.get(2).code()).get(0).get("name").asText()).isEqualTo("Trưởng phòng xem xét dự thảo");
        // the appraised dossier reaches the review on the new version, with its new name and its step timers
        String appraised = dossiers.get(1).code();
        complete(appraised, SPECIALIST, Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh cho cháu Nguyễn Minh An"));
        assertThat(http.tasks(HEAD, appraised).get(0).get("name").asText()).isEqualTo("Trưởng phòng xem xét dự thảo kết quả");
        assertThat(snapshots(List.of(dossiers.get(1)), "giai-quyet-phong").get(appraised).timers()).hasSize(2);

        dossiers.forEach(d -> finish(d.code()));
    }

    @Test
    void aVersionThatRemovedTheFeeStepIsRefusedWholeAndNamesTheDossiersWaitingThere(CapturedOutput output) {
        List<String> created = new ArrayList<>();
        try {
            AtStep fee1 = atFee();
            AtStep fee2 = atFee();
            AtStep check = steps.submitted("tan-giang");
            created.addAll(List.of(fee1.code(), fee2.code(), check.code()));
            ProcessDefinition older = definitionOf(check.code(), "tiep-nhan");
            deploy("processes/chung/tiep-nhan.bpmn", model -> documentation(model, "tiep-nhan", "Khối tiếp nhận, bản sửa lời mô tả."));
            AtStep onNewer = steps.submitted("tan-giang");
            created.add(onNewer.code());
            ProcessDefinition newer = definitionOf(onNewer.code(), "tiep-nhan");
            Map<String, Snapshot> before = snapshots(List.of(fee1, fee2, check, onNewer), "tiep-nhan");
            String withoutFee = deploy("processes/chung/tiep-nhan.bpmn", MigrationHttpFlow::removeFeeCollection).getDeploymentId();
            long audits = audits();
            try {
                JsonNode dryRun = migrate("tiep-nhan", true).expect(200).body();
                assertThat(dryRun.get("outcome").asText()).isEqualTo("WOULD_BE_REFUSED");
                JsonNode refusedVersion = versionOf(dryRun, older);
                assertThat(refusedVersion.get("migratable").asBoolean()).isFalse();
                        assertThat(refusedVersion.get("unmapped")).extracting(u -> u.get("activityId").asText())
                        .containsExactly("Task_CollectFee", "Boundary_PaymentReceived");
                JsonNode feeStep = only(find(refusedVersion.get("unmapped"), "activityId", "Task_CollectFee"));
                assertThat(feeStep.get("name").asText()).isEqualTo("Thu phí, lệ phí tại quầy");
                assertThat(texts(feeStep.get("waiting"))).containsExactlyInAnyOrder(fee1.code(), fee2.code());
                assertThat(refusedVersion.get("refused")).extracting(r -> r.get("dossierCode").asText())
                        .containsExactlyInAnyOrder(fee1.code(), fee2.code());
                assertThat(refusedVersion.get("refused").get(0).get("reasons").toString()).contains("Task_CollectFee");
                assertThat(mappedSources(refusedVersion)).contains("Task_ReceptionCheck").doesNotContain("Task_CollectFee");
                JsonNode fineVersion = versionOf(dryRun, newer);
                assertThat(fineVersion.get("migratable").asBoolean()).isTrue();
                assertThat(fineVersion.get("refused")).isEmpty();

                Http.Response refused = migrate("tiep-nhan", false);
                assertThat(refused.status()).isEqualTo(409);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body().get("title").asText()).contains("không hồ sơ nào bị thay đổi");
                assertThat(refused.body().get("detail").asText()).contains("Task_CollectFee", fee1.code(), fee2.code());
                assertThat(refused.body().get("report").get("outcome").asText()).isEqualTo("REFUSED");
                assertThat(refused.body().get("report").get("migratedInstances").asInt()).isZero();
                assertThat(snapshots(List.of(fee1, fee2, check, onNewer), "tiep-nhan"))
                        .as("nothing moved, not even the dossiers that could have").isEqualTo(before);
                assertThat(audits()).as("a refused run is not audited").isEqualTo(audits);

                MigrateCommand command = new MigrateCommand(migrations);
                command.run(new DefaultApplicationArguments("migrate", "tiep-nhan", "--dry-run"));
                assertThat(command.getExitCode()).isEqualTo(1);
                assertThat(output.getOut()).contains("Migration of tiep-nhan to its latest version (dry run: nothing was changed)",
                        "WOULD_BE_REFUSED", "would be refused", "Task_CollectFee", fee1.code(), "SOURCE ACTIVITY");
                MigrateCommand real = new MigrateCommand(migrations);
                real.run(new DefaultApplicationArguments("migrate", "tiep-nhan"));
                assertThat(real.getExitCode()).isEqualTo(1);
                assertThat(output.getErr()).contains("Nothing was migrated: Phiên bản " + older.getVersion());
                MigrateCommand wrong = new MigrateCommand(migrations);
                wrong.run(new DefaultApplicationArguments("migrate"));
                assertThat(wrong.getExitCode()).isEqualTo(2);
                assertThat(snapshots(List.of(fee1, fee2, check, onNewer), "tiep-nhan")).isEqualTo(before);
            } finally {
                repository.deleteDeployment(withoutFee);
            }
        } finally {
            // the dossiers of this test end here, so that no other test finds them on an older version
            for (String code : created) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).rootProcessInstances().list()
                        .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test over"));
            }
        }
    }

    // --- dossiers ------------------------------------------------------------------------------

    /** Waiting for the citizen's supplement (the reception check asked for one). */
    AtStep atSupplement() {
        AtStep s = steps.submitted("tan-giang");
        http.complete(RECEPTION, s.taskId(), Map.of("receptionDecision", "SUPPLEMENT",
                "supplementRequest", "Bổ sung Giấy chứng sinh bản chính")).expect(204);
        return steps.at(s.code(), RECEPTION);
    }

    /** Accepted, waiting at the counter for the 5.000 đồng fee of a marriage-status certificate. */
    AtStep atFee() {
        Map<String, Object> body = Submissions.marriageStatus("tan-giang", "COUNTER");
        String code = http.post("/api/dossiers", body, RECEPTION).expect(201).body().get("code").asText();
        http.complete(RECEPTION, steps.at(code, RECEPTION).taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        return steps.at(code, RECEPTION);
    }

    /** Each official does their step, as in Tasklist, until the result is handed over at the counter. */
    void finish(String code) {
        for (int step = 0; step < 12 && !runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list().isEmpty(); step++) {
            switch (taskKey(code)) {
                case "Task_ReceptionCheck" -> complete(code, RECEPTION, Map.of("receptionDecision", "ACCEPT"));
                case "Task_ReceiveSupplement" -> complete(code, RECEPTION, Map.of("supplementNote", "Đã nộp Giấy chứng sinh bản chính"));
                case "Task_CollectFee" -> complete(code, RECEPTION, Map.of("feePaid", 5000, "receiptNumber", "BL-" + code.substring(code.length() - 4)));
                case "Task_AssignSpecialist" -> complete(code, HEAD, Map.of("specialistId", SPECIALIST));
                case "Task_AppraiseDossier" -> complete(code, SPECIALIST, Map.of("appraisalDecision", "DRAFT",
                        "draftResult", "Kết quả cho bà Nguyễn Thị Hồng Nhung"));
                case "Task_ReviewDraft" -> complete(code, HEAD, Map.of("headDecision", "APPROVE"));
                case "Task_LeaderApproval" -> complete(code, LEADER, Map.of("leaderDecision", "APPROVE"));
                case "Task_ReturnAtCounter" -> complete(code, RECEPTION, Map.of("recipientName", "Nguyễn Thị Hồng Nhung"));
                default -> throw new AssertionError(code + " waits at " + taskKey(code));
            }
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).as("%s still running", code).isZero();
        assertThat(http.get("/api/dossiers/" + code, RECEPTION).expect(200).body().get("status").asInt()).as(code).isEqualTo(10);
    }

    private void complete(String code, String official, Map<String, Object> variables) {
        http.complete(official, steps.at(code, official).taskId(), variables).expect(204);
    }

    private String taskKey(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getTaskDefinitionKey();
    }

    // --- what a migration must keep ---------------------------------------------------------------

    record TaskState(String id, String key, String assignee, Long due, String definitionId) {
    }

    /** The instance of one process key of a dossier: its version, its open task and its timers (id → due date). */
    record Snapshot(String instanceId, String definitionId, TaskState task, Map<String, Long> timers, Map<String, String> timerDefinitions) {
        /** The same instance, task and timers on another version. */
        Snapshot on(String definition) {
            Map<String, String> moved = new HashMap<>();
            timerDefinitions.keySet().forEach(id -> moved.put(id, definition));
            return new Snapshot(instanceId, definition, task == null ? null
                    : new TaskState(task.id(), task.key(), task.assignee(), task.due(), definition), timers, moved);
        }
    }

    Map<String, Snapshot> snapshots(java.util.Collection<AtStep> dossiers, String processKey) {
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        for (AtStep dossier : dossiers) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossier.code())
                    .processDefinitionKey(processKey).singleResult();
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            Map<String, Long> timers = new HashMap<>();
            Map<String, String> timerDefinitions = new HashMap<>();
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                timers.put(job.getId(), millis(job.getDuedate()));
                timerDefinitions.put(job.getId(), job.getProcessDefinitionId());
            }
            snapshots.put(dossier.code(), new Snapshot(instance.getId(), instance.getProcessDefinitionId(), task == null ? null
                    : new TaskState(task.getId(), task.getTaskDefinitionKey(), task.getAssignee(), millis(task.getDueDate()),
                    task.getProcessDefinitionId()), timers, timerDefinitions));
        }
        return snapshots;
    }

    private static Long millis(Date date) {
        return date == null ? null : date.getTime();
    }

    ProcessDefinition definitionOf(String code, String processKey) {
        return repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(processKey).singleResult().getProcessDefinitionId());
    }

    // --- the analyst's new version ----------------------------------------------------------------

    /** processes/&lt;resource&gt; changed by {@code change}, deployed as the service deploys: same name, with the forms. */
    ProcessDefinition deploy(String resource, Consumer<BpmnModelInstance> change) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            change.accept(model);
            DeploymentBuilder deployment = repository.createDeployment().name("motcua").source("motcua")
                    .addModelInstance(resource, model);
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                deployment.addString("forms/" + form.getFilename(), form.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            }
            String deploymentId = deployment.deploy().getId();
            return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void documentation(BpmnModelInstance model, String processKey, String text) {
        Process process = model.getModelElementById(processKey);
        process.getDocumentations().iterator().next().setTextContent(text);
    }

    /** The fee is no longer collected at the counter: the accepted dossier goes straight on after the payment request. */
    static void removeFeeCollection(BpmnModelInstance model) {
        for (String id : List.of("Boundary_PaymentReceived", "Task_CollectFee", "ServiceTask_RecordCashPayment",
                "Flow_CashCollected", "Flow_CashRecorded", "Flow_PaidOnline")) {
            ModelElementInstance element = model.getModelElementById(id);
            element.getParentElement().removeChildElement(element);
        }
        model.getModelElementsByType(BpmnDiagram.class).forEach(d -> d.getParentElement().removeChildElement(d));
        SequenceFlow toFee = model.getModelElementById("Flow_ToCollectFee");
        FlowNode join = model.getModelElementById("Gateway_PaymentJoin");
        toFee.setTarget(join);
        join.getIncoming().add(toFee);
    }

    // --- HTTP ------------------------------------------------------------------------------------

    Http.Response migrate(String processKey, boolean dryRun) {
        return http.post("/api/admin/migrations", Map.of("processKey", processKey, "dryRun", dryRun), ADMIN);
    }

    long audits() {
        return jdbc.sql("select count(*) from mc_audit where action = 'MIGRATION'").query(Long.class).single();
    }

    Map<String, Object> lastAudit() {
        return jdbc.sql("select actor, action, detail from mc_audit where action = 'MIGRATION' order by id desc")
                .query().listOfRows().get(0);
    }

    static JsonNode single(JsonNode array) {
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    static List<JsonNode> find(JsonNode array, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(n -> {
            if (value.equals(n.path(field).asText())) found.add(n);
        });
        return found;
    }

    static JsonNode versionOf(JsonNode report, ProcessDefinition definition) {
        return only(find(report.get("versions"), "definitionId", definition.getId()));
    }

    static JsonNode only(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    static List<String> mappedSources(JsonNode version) {
        List<String> sources = new ArrayList<>();
        version.get("mapped").forEach(m -> sources.add(m.get("source").asText()));
        return sources;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
