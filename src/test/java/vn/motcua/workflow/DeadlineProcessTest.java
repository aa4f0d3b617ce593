package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Notification;
import vn.motcua.dossier.RescheduleRefused;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.dossier.Timeliness;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.support.Submissions;
import vn.motcua.process.DossierProcess.Element;

/**
 * Deadlines on the real engine, moving its clock: the appointment, the step warning and deadline,
 * the apology one working day before the appointment (once), the late mark, and supplements that
 * pause the clock. The example of the issue: a 3-working-day procedure accepted on Friday
 * 13/02/2026 at 16:00, the last afternoon before Tết Bính Ngọ, is due Wednesday 25/02/2026 at 16:00.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class DeadlineProcessTest {

    static final String MARRIAGE_STATUS = "1.004873";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired DossierClock clock;
    @Autowired vn.motcua.documents.Documents documents;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDossierAcceptedOnTheFridayBeforeTetIsDueTheWednesdayAfter() {
        at("2026-02-13T16:00:00+07:00");
        ProcessInstance pi = submitAndAccept(MARRIAGE_STATUS);

        DossierView.Deadline deadline = dossier(pi).deadline();
        assertThat(deadline.appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-02-25T16:00:00+07:00"));
        assertThat(runtime.getVariable(current(pi).getProcessInstanceId(), "appointmentLabel")).isEqualTo("16 giờ 00 phút, ngày 25/02/2026");
        assertThat(deadline.remainingWorkingMinutes()).isEqualTo(3 * 480);
        assertThat(deadline.remainingWorkingTime()).isEqualTo("còn 3 ngày làm việc");
        // the timers Cockpit shows: the apology one working day before, the late mark at the appointment
        assertThat(timerDue(pi, "Boundary_ApologyDue")).isEqualTo(instant("2026-02-24T16:00:00+07:00"));
        assertThat(timerDue(pi, "Boundary_AppointmentPassed")).isEqualTo(instant("2026-02-25T16:01:00+07:00"));
        assertThat(jobs(pi)).isNotEmpty().allSatisfy(job -> assertThat(job.getTenantId()).isEqualTo("tan-giang"));
        // the head's step: 10 % of 3 working days = 144 working minutes from 16:00 Friday
        assertThat(current(pi).getDueDate()).isEqualTo(instant("2026-02-23T08:24:00+07:00"));
        assertThat(dossier(pi).deadline().currentStepDueAt()).isEqualTo(OffsetDateTime.parse("2026-02-23T08:24:00+07:00"));
        // the head's Tasklist: due within one working day (before Monday 15:00), not yet overdue
        String head = holder(current(pi));
        assertThat(filter(head, "Sắp đến hạn")).contains(current(pi).getId());
        assertThat(filter(head, "Quá hạn")).doesNotContain(current(pi).getId());
        at("2026-02-23T08:25:00+07:00");
        assertThat(filter(head, "Quá hạn")).contains(current(pi).getId());
        assertThat(filter(head, "Sắp đến hạn")).doesNotContain(current(pi).getId());
        assertThat(filter("tan-giang.reception", "Quá hạn")).as("not the one-stop's step").doesNotContain(current(pi).getId());
    }

    @Test
    void anAnalystsWorkingDayTimerLandsOnTheRightDay() {
        at("2026-02-13T16:00:00+07:00");
        org.camunda.bpm.model.bpmn.BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("working-day-timer")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Timer_TwoWorkingDays").timerWithDuration("2WD")
                .intermediateCatchEvent("Timer_HalfADay").timerWithDuration("0.5WD")
                .intermediateCatchEvent("Timer_Iso").timerWithDuration("PT1H")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("working-day-timer.bpmn", model).deploy();
        ProcessInstance pi = runtime.startProcessInstanceByKey("working-day-timer");
        // Friday 16:00 + 2 working days: one hour on Friday, Tết 14–22/02, then Monday and Tuesday
        assertThat(timerDue(pi, "Timer_TwoWorkingDays")).isEqualTo(instant("2026-02-24T16:00:00+07:00"));
        at("2026-02-24T16:00:00+07:00");
        runDueJobs();
        // half a working day (4 hours) from Tuesday 16:00: one hour on Tuesday, three on Wednesday morning
        assertThat(timerDue(pi, "Timer_HalfADay")).isEqualTo(instant("2026-02-25T10:00:00+07:00"));
        at("2026-02-25T10:00:00+07:00");
        runDueJobs();
        // an ISO duration keeps Camunda's wall-clock meaning
        assertThat(timerDue(pi, "Timer_Iso")).isEqualTo(instant("2026-02-25T11:00:00+07:00"));
    }

    @Test
    void aStepWarnsItsHolderAndThenTellsTheHeadAtItsDeadline() {
        at("2026-03-02T08:00:00+07:00");     // a Monday
        ProcessInstance pi = submitAndAccept(MARRIAGE_STATUS);
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist1"));
        // appraisal: 40 % of 24 h = 576 working minutes from Monday 08:00 → Tuesday 09:36;
        // the warning half a working day (240 minutes) before → Monday 15:36
        assertThat(current(pi).getDueDate()).isEqualTo(instant("2026-03-03T09:36:00+07:00"));
        at("2026-03-02T15:35:00+07:00");
        runDueJobs();
        assertThat(notifications(pi, "STEP_WARNING")).isEmpty();

        at("2026-03-02T15:36:00+07:00");
        runDueJobs();
        assertThat(notifications(pi, "STEP_WARNING")).singleElement()
                .satisfies(n -> assertThat(n.recipient()).isEqualTo("tan-giang.vp.specialist1"));
        assertThat(tasks.getTaskComments(current(pi).getId())).anySatisfy(c -> assertThat(c.getFullMessage()).contains("sắp đến hạn"));
        assertThat(notifications(pi, "STEP_OVERDUE")).isEmpty();

        at("2026-03-03T09:35:00+07:00");
        runDueJobs();
        assertThat(notifications(pi, "STEP_OVERDUE")).isEmpty();
        at("2026-03-03T09:36:00+07:00");
        runDueJobs();
        assertThat(notifications(pi, "STEP_OVERDUE")).singleElement()
                .satisfies(n -> assertThat(n.recipient()).isEqualTo("tan-giang:vp:head"));

        at("2026-03-03T10:00:00+07:00");
        complete(current(pi), withVariables("appraisalDecision", "DRAFT", "draftResult", "Giấy xác nhận"));
        assertThat(dossier(pi).timeline()).filteredOn(h -> h.step().equals(Element.TASK_APPRAISE_DOSSIER))
                .singleElement().satisfies(h -> assertThat(h.timeliness()).isEqualTo("LATE"));
        assertThat(dossier(pi).timeline()).filteredOn(h -> h.step().equals(Element.TASK_ASSIGN_SPECIALIST))
                .singleElement().satisfies(h -> assertThat(h.timeliness()).isEqualTo("EARLY"));
    }

    @Test
    void oneWorkingDayBeforeTheAppointmentTheHeadApologisesOnceAndTheDossierIsLateWhenItPasses() throws Exception {
        at("2026-02-13T16:00:00+07:00");
        ProcessInstance pi = submitAndAccept(MARRIAGE_STATUS);
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist1"));

        at("2026-02-24T16:00:00+07:00");
        runDueJobs();
        org.camunda.bpm.engine.task.Task explain = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .taskDefinitionKey(Element.TASK_EXPLAIN_DELAY).singleResult();
        assertThat(explain).isNotNull();
        assertThat(explain.getAssignee()).isEqualTo("tan-giang.vp.head");
        assertThat(explain.getDueDate()).isEqualTo(instant("2026-02-25T16:00:00+07:00"));

        // a Saturday is refused with the reason, and the task stays open
        assertThatThrownBy(() -> tasks.complete(explain.getId(), Map.of("delayReason", "Chờ xác minh", "newAppointment", "2026-02-28")))
                .isInstanceOf(RejectedCompletion.class).hasMessageContaining("không phải ngày làm việc");
        assertThat(tasks.createTaskQuery().taskId(explain.getId()).count()).isOne();
        tasks.complete(explain.getId(), Map.of("delayReason", "Chờ kết quả xác minh tại nơi cư trú trước đây",
                "newAppointment", "2026-02-27"));
        DossierView dossier = dossier(pi);
        assertThat(dossier.apology().newAppointmentAt()).isEqualTo(OffsetDateTime.parse("2026-02-27T17:00:00+07:00"));
        assertThat(dossier.apology().previousAppointmentAt()).isEqualTo(OffsetDateTime.parse("2026-02-25T16:00:00+07:00"));
        assertThat(dossier.deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-02-27T17:00:00+07:00"));
        assertThat(dossier.deadline().rescheduleCount()).isEqualTo(1);
        String apology = vn.motcua.documents.DocumentsTest.text(documents.render(dossier.code(), vn.motcua.documents.DocumentKind.MAU_04).orElseThrow());
        assertThat(apology).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Kính gửi: Nguyễn Thị Hồng Nhung",
                "Chờ kết quả xác minh tại nơi cư trú trước đây", "16 giờ 00 phút, ngày 25/02/2026", "17 giờ 00 phút, ngày 27/02/2026",
                "Hoàng Văn Lợi");
        assertThatThrownBy(() -> clock.reschedule(dossier.code(), OffsetDateTime.parse("2026-03-03T17:00:00+07:00"), "lần hai", "x"))
                .isInstanceOf(RescheduleRefused.class)
                .hasMessageContaining("chỉ được hẹn lại không quá một lần");

        at("2026-02-25T16:00:00+07:00");
        runDueJobs();
        assertThat(runtime.getVariable(resolution(pi).getId(), "dossierLate")).as("at the appointment it is still on time").isNull();
        at("2026-02-25T16:01:00+07:00");
        runDueJobs();
        assertThat(runtime.getVariable(resolution(pi).getId(), "dossierLate")).isEqualTo(true);
        assertThat(dossier(pi).deadline().late()).isTrue();
        assertThat(dossier(pi).deadline().timeliness()).isEqualTo(Timeliness.LATE);
        assertThat(notifications(pi, "LATE")).singleElement().satisfies(n -> assertThat(n.recipient()).isEqualTo("tan-giang:leader"));
        // the leader's "Quá hạn (toàn xã, phường)" filter lists the dossier's task although it is the specialist's
        assertThat(filter("tan-giang.leader", "Quá hạn (toàn xã, phường)")).contains(current(pi).getId());
    }

    @Test
    void aDossierResolvedWhileItsDelayExplanationIsOpenGoesOnToBeReturned() {
        at("2026-02-13T16:00:00+07:00");
        ProcessInstance pi = submitAndAccept(MARRIAGE_STATUS);
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist1"));
        at("2026-02-24T16:00:00+07:00");
        runDueJobs();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .taskDefinitionKey(Element.TASK_EXPLAIN_DELAY).count()).isOne();

        // the result is ready before the head explains: nothing is owed any more, the one-stop returns it
        java.util.function.Function<String, org.camunda.bpm.engine.task.Task> step = key -> tasks.createTaskQuery()
                .processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey(key).singleResult();
        tasks.complete(step.apply(Element.TASK_APPRAISE_DOSSIER).getId(), Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy xác nhận"));
        tasks.complete(step.apply(Element.TASK_REVIEW_DRAFT).getId(), Map.of("headDecision", "APPROVE"));
        tasks.complete(step.apply(Element.TASK_LEADER_APPROVAL).getId(), Map.of("leaderDecision", "APPROVE"));

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .taskDefinitionKey(Element.TASK_EXPLAIN_DELAY).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list())
                .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
                .containsAnyOf(Element.TASK_COLLECT_FEE, Element.TASK_RETURN_AT_COUNTER);
    }

    @Test
    void aSupplementDuringAppraisalPausesTheClockAndExtendsTheAppointmentByTheWait() {
        at("2026-03-02T08:00:00+07:00");
        ProcessInstance pi = submitAndAccept(MARRIAGE_STATUS);           // EXTEND: due Thursday 05/03 08:00
        assertThat(dossier(pi).deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T08:00:00+07:00"));
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist1"));
        at("2026-03-02T10:00:00+07:00");
        complete(current(pi), withVariables("appraisalDecision", "SUPPLEMENT", "supplementRequest", "Bổ sung bản sao trích lục ly hôn"));
        waitingAt(pi, Element.TASK_RECEIVE_PROCESSING_SUPPLEMENT);
        assertThat(dossier(pi).status()).isEqualTo(5);
        assertThat(dossier(pi).deadline().remainingWorkingMinutes()).isNull();
        assertThat(jobs(pi)).isEmpty();

        at("2026-03-04T10:00:00+07:00");                              // two working days later
        complete(current(pi), withVariables("supplementNote", "Đã nộp bản sao trích lục"));
        waitingAt(pi, Element.TASK_APPRAISE_DOSSIER);
        assertThat(current(pi)).isAssignedTo("tan-giang.vp.specialist1");
        DossierView dossier = dossier(pi);
        assertThat(dossier.status()).isEqualTo(4);
        assertThat(dossier.deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T08:00:00+07:00"));
        assertThat(timerDue(pi, "Boundary_AppointmentPassed")).isEqualTo(instant("2026-03-09T08:01:00+07:00"));
        assertThat(dossier.supplementCount()).isEqualTo(1);
        assertThat(dossier.deadline().lateForServiceIndex()).isFalse();

        complete(current(pi), withVariables("appraisalDecision", "SUPPLEMENT", "supplementRequest", "Bổ sung giấy tờ tùy thân"));
        complete(current(pi), withVariables("supplementNote", "Đã nộp"));
        assertThat(dossier(pi).supplementCount()).isEqualTo(2);
        assertThat(dossier(pi).deadline().lateForServiceIndex()).as("more than one supplement request").isTrue();
    }

    @Test
    void aSupplementRestartsTheLimitWhenTheProcedureSaysSo() {
        at("2026-03-02T08:00:00+07:00");
        ProcessInstance pi = submitAndAccept("1.001193");                  // same day, RESTART
        assertThat(dossier(pi).deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T17:00:00+07:00"));
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist1"));
        complete(current(pi), withVariables("appraisalDecision", "SUPPLEMENT", "supplementRequest", "Thiếu giấy chứng sinh"));
        at("2026-03-04T15:30:00+07:00");
        complete(current(pi), withVariables("supplementNote", "Đã nộp giấy chứng sinh"));
        // received complete after 15:00: due the next working day
        assertThat(dossier(pi).deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T17:00:00+07:00"));
    }

    private ProcessInstance submitAndAccept(String procedure) {
        Map<String, Object> body = Submissions.of(procedure, "tan-giang", "COUNTER");
        DossierView view = submission.submit(new ObjectMapper().convertValue(body, SubmissionRequest.class));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(view.code()).rootProcessInstances().singleResult();
        complete(current(pi), withVariables("receptionDecision", "ACCEPT"));
        if (procedure.equals(MARRIAGE_STATUS)) {   // 5.000 đồng, paid at the counter
            waitingAt(pi, "Task_CollectFee");
            complete(current(pi), withVariables("feePaid", 5000, "receiptNumber", "BL-0001"));
        }
        waitingAt(pi, Element.TASK_ASSIGN_SPECIALIST);
        return pi;
    }

    private void runDueJobs() {
        for (Job job : management.createJobQuery().executable().list()) {
            management.executeJob(job.getId());
        }
    }

    /** The timer at an activity, in the dossier's procedure or in any block it is in. */
    private Date timerDue(ProcessInstance pi, String activityId) {
        List<Job> timers = new java.util.ArrayList<>();
        List<ProcessInstance> instances = pi.getBusinessKey() == null ? List.of(pi)
                : runtime.createProcessInstanceQuery().processInstanceBusinessKey(pi.getBusinessKey()).list();
        for (ProcessInstance instance : instances) {
            timers.addAll(management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list());
        }
        assertThat(timers).as("timer at %s", activityId).hasSize(1);
        return timers.get(0).getDuedate();
    }

    /** The jobs of the dossier: of its procedure's instance and of every block's (a plain process has only its own). */
    private List<Job> jobs(ProcessInstance pi) {
        List<Job> jobs = new java.util.ArrayList<>();
        List<ProcessInstance> instances = pi.getBusinessKey() == null ? List.of(pi)
                : runtime.createProcessInstanceQuery().processInstanceBusinessKey(pi.getBusinessKey()).list();
        for (ProcessInstance instance : instances) {
            jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).list());
        }
        return jobs;
    }

    /** The dossier's open task, in whichever block it waits. */
    private org.camunda.bpm.engine.task.Task current(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    }

    private void waitingAt(ProcessInstance pi, String taskKey) {
        assertThat(current(pi)).as("an open task of %s", pi.getBusinessKey()).isNotNull();
        assertThat(current(pi).getTaskDefinitionKey()).isEqualTo(taskKey);
    }

    /** The resolution block the dossier is in. */
    private ProcessInstance resolution(ProcessInstance pi) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .processDefinitionKey(vn.motcua.process.DossierProcess.Block.RESOLUTION).singleResult();
    }

    /** A Tasklist filter's tasks as the official sees it (with their groups and commune). */
    private List<String> filter(String official, String name) {
        var filters = engine.getFilterService();
        var identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(official).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identity.setAuthentication(official, groups, List.of("tan-giang"));
        try {
            List<org.camunda.bpm.engine.task.Task> listed = filters.list(filters.createFilterQuery().filterName(name).singleResult().getId());
            return listed.stream().map(org.camunda.bpm.engine.task.Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The official a task's candidate group stands for ({@code tan-giang:vp:head} → {@code tan-giang.vp.head}). */
    private String holder(org.camunda.bpm.engine.task.Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId().replace(':', '.')).findFirst().orElseThrow();
    }

    private List<Notification> notifications(ProcessInstance pi, String kind) {
        return dossier(pi).notifications().stream().filter(n -> n.kind().equals(kind)).toList();
    }

    private DossierView dossier(ProcessInstance pi) {
        return dossiers.get(pi.getBusinessKey());
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(instant(instant));
    }

    private static Date instant(String instant) {
        return Date.from(OffsetDateTime.parse(instant).toInstant());
    }
}
