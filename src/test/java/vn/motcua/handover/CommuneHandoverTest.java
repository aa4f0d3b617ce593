package vn.motcua.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Handover;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.support.Submissions;

/** 200 running dossiers of Tân Giang handed to Thục Phán keep every step, due date and timer. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class CommuneHandoverTest {

    @Autowired CommuneHandover handover;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void twoHundredRunningDossiersMoveWithTheirDeadlinesAndTimers() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> body = Submissions.of(i % 2 == 0 ? "1.004873" : "1.001193", "tan-giang", "COUNTER");
            DossierView dossier = submission.submit(new ObjectMapper().convertValue(body, SubmissionRequest.class));
            codes.add(dossier.code());
            if (i % 4 != 3) {   // three in four accepted: at the head, with due dates and timers
                tasks.complete(task(dossier.code()).getId(), Map.of("receptionDecision", "ACCEPT"));
                if (i % 2 == 0 && i % 8 != 0) {   // the fee of the marriage certificate paid, mostly
                    tasks.complete(task(dossier.code()).getId(), Map.of("feePaid", 5000, "receiptNumber", "BL-" + i));
                }
            }
        }
        Map<String, Date> taskDue = new HashMap<>();
        Map<String, Date> jobDue = new HashMap<>();
        for (String code : codes) {
            taskDue.put(code, task(code).getDueDate());
            for (Job job : jobs(code)) jobDue.put(job.getId(), job.getDuedate());
        }
        assertThat(jobDue).hasSizeGreaterThan(300);

        CommuneHandover.Result result = handover.handOver("tan-giang", "thuc-phan", "admin");

        assertThat(result.dossiers()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(runtime.createProcessInstanceQuery().tenantIdIn("tan-giang").count()).isZero();
        for (String code : codes) {
            Task task = task(code);
            assertThat(task.getTenantId()).isEqualTo("thuc-phan");
            assertThat(task.getDueDate()).as("due date of %s", code).isEqualTo(taskDue.get(code));
            List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
            assertThat(links).allSatisfy(l -> {
                if (l.getGroupId() != null) assertThat(l.getGroupId()).startsWith("thuc-phan:");
            });
            if (task.getTaskDefinitionKey().equals("Task_AssignSpecialist")) {
                assertThat(task.getAssignee()).isEqualTo("thuc-phan.vp.head");
            } else {
                assertThat(task.getAssignee()).isNull();
            }
            for (Job job : jobs(code)) {
                assertThat(job.getTenantId()).isEqualTo("thuc-phan");
                assertThat(job.getDuedate()).as("timer %s of %s", job.getId(), code).isEqualTo(jobDue.get(job.getId()));
            }
            DossierView dossier = dossiers.get(code);
            assertThat(dossier.commune().code()).isEqualTo("thuc-phan");
            assertThat(dossier.code()).startsWith("000.03.04.H11-");
            Handover last = dossier.timeline().get(dossier.timeline().size() - 1);
            assertThat(last.step()).isEqualTo("HANDOVER");
            assertThat(last.fromUnit()).isEqualTo("Phường Tân Giang");
            assertThat(last.toUnit()).isEqualTo("Phường Thục Phán");
        }
        assertThat(jobDue).hasSize((int) management.createJobQuery().tenantIdIn("thuc-phan").count());

        // a handed-over dossier goes on to the end with the receiving ward's officials
        String code = codes.get(0);
        assertThat(task(code).getTaskDefinitionKey()).isEqualTo("Task_CollectFee");
        assertThat(tasks.getIdentityLinksForTask(task(code).getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("thuc-phan:reception"));
        tasks.complete(task(code).getId(), Map.of("feePaid", 5000, "receiptNumber", "BL-TP-1"));
        assertThat(runtime.getVariable(task(code).getProcessInstanceId(), "receptionGroup")).isEqualTo("thuc-phan:reception");
        tasks.complete(task(code).getId(), Map.of("specialistId", "thuc-phan.vp.specialist1"));
        assertThat(task(code).getAssignee()).isEqualTo("thuc-phan.vp.specialist1");
        tasks.complete(task(code).getId(), Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy xác nhận"));
        tasks.complete(task(code).getId(), Map.of("headDecision", "APPROVE"));
        tasks.complete(task(code).getId(), Map.of("leaderDecision", "APPROVE"));
        assertThat(tasks.getIdentityLinksForTask(task(code).getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("thuc-phan:reception"));
        tasks.complete(task(code).getId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung"));
        assertThat(dossiers.get(code).status()).isEqualTo(10);
    }

    @Test
    void aDossierInItsReturnPhaseMovesOnceWithItsReturnTask() {
        DossierView dossier = submission.submit(new ObjectMapper().convertValue(
                Submissions.of("1.001193", "tan-giang", "COUNTER"), SubmissionRequest.class));
        String code = dossier.code();
        tasks.complete(task(code).getId(), Map.of("receptionDecision", "ACCEPT"));
        tasks.complete(task(code).getId(), Map.of("specialistId", "tan-giang.vp.specialist1"));
        tasks.complete(task(code).getId(), Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh"));
        tasks.complete(task(code).getId(), Map.of("headDecision", "APPROVE"));
        tasks.complete(task(code).getId(), Map.of("leaderDecision", "APPROVE"));
        assertThat(task(code).getTaskDefinitionKey()).isEqualTo("Task_ReturnAtCounter");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count())
                .as("the procedure and its return block").isEqualTo(2);

        CommuneHandover.Result result = handover.handOver("tan-giang", "nung-tri-cao", "admin");

        assertThat(result.dossiers().stream().filter(code::equals)).as("counted once").hasSize(1);
        assertThat(dossiers.get(code).timeline().stream().filter(h -> h.step().equals("HANDOVER"))).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list())
                .allSatisfy(pi -> assertThat(pi.getTenantId()).isEqualTo("nung-tri-cao"));
        assertThat(tasks.getIdentityLinksForTask(task(code).getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("nung-tri-cao:reception"));
        tasks.complete(task(code).getId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung"));
        assertThat(dossiers.get(code).status()).isEqualTo(10);
    }

    private Task task(String code) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    }

    /** The timers of the dossier: of its procedure and of every block it is in. */
    private List<Job> jobs(String code) {
        List<Job> jobs = new java.util.ArrayList<>();
        for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list()) {
            jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).list());
        }
        return jobs;
    }
}
