package vn.motcua.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.process.DossierProcess.Message;
import vn.motcua.process.DossierProcess.Var;

/**
 * The one way into the engine for the rest of motcua, in the dossier's terms. A dossier is its
 * procedure's process instance and the instances of the building blocks it is in, all with the
 * dossier code as business key; here a dossier is started, told what a peer reported, asked what
 * is open, ended, and moved to another commune. Delegates and task listeners keep the execution or
 * the task the engine hands them; the REST guard and the engine's own seams stay where they are.
 * Every method runs in the caller's transaction.
 */
@Component
public class DossierEngine {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final TenantTransfer transfer;
    private final JdbcClient jdbc;

    DossierEngine(RuntimeService runtime, TaskService tasks, HistoryService history, TenantTransfer transfer, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.transfer = transfer;
    }

    /**
     * Starts the procedure's process for a new dossier in its commune (the instance's tenant). Every
     * other fact the process loads from motcua's tables when it starts.
     *
     * @return the id of the procedure's process instance
     */
    public String start(String processKey, String code, String commune) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, code,
                Variables.createVariables().putValue(Var.COMMUNE_CODE, commune));
        return instance.getId();
    }

    /**
     * The earliest due time among the dossier's open tasks, in its procedure and in every block it
     * is in (all carry the dossier code as business key), if any has one. One aggregate read with
     * plain JDBC: the engine's task query, even as a native query, mapped whole task entities through
     * MyBatis, 4 % of an intake's CPU for this one date (the 201 answer shows the reception step's due
     * time; JFR, benchmark "intake").
     */
    public Optional<Instant> nextDue(String code) {
        return jdbc.sql("select min(RES.DUE_DATE_) from ACT_RU_TASK RES "
                        + "inner join ACT_RU_EXECUTION PI on PI.ID_ = RES.PROC_INST_ID_ where PI.BUSINESS_KEY_ = ?")
                .param(code)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single();
    }

    /**
     * Ends the dossier's process at once, wherever it stands (a withdrawal): its open tasks, timers
     * and waits end with it, and no listener of the diagrams runs.
     *
     * @return whether anything was running
     */
    public boolean end(String code, String reason) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .rootProcessInstances().list();
        for (ProcessInstance instance : running) {
            runtime.deleteProcessInstance(instance.getId(), reason, true, true);
        }
        return !running.isEmpty();
    }

    /**
     * The post office's word on the dossier's shipment.
     *
     * @return false, and nothing happens, when the dossier does not wait for such an event
     */
    public boolean postEvent(String code, boolean delivered, String detail) {
        String message = delivered ? Message.POST_DELIVERED : Message.POST_RETURNED;
        if (waitingFor(code, message).isEmpty()) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(code)
                .setVariable(Var.POST_DELIVERED, delivered)
                .setVariable(Var.POST_EVENT_DETAIL, detail)
                .correlate();
        return true;
    }

    /**
     * Whether the dossier waits for an agency's result of this part of its inter-agency bundle (the
     * one-stop's task "Chờ kết quả của …" is open).
     */
    public boolean waitsForAgency(String code, String part) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(code)
                .messageEventSubscriptionName(Message.AGENCY_REPORTED)
                .processVariableValueEquals(Var.AGENCY_PART, part).count() > 0;
    }

    /**
     * The agency reported the result of its part: the dossier's wait for that part ends (the other
     * parts keep waiting).
     *
     * @return false, and nothing happens, when the dossier does not wait for that part
     */
    public boolean agencyReported(String code, String part) {
        if (!waitsForAgency(code, part)) {
            return false;
        }
        runtime.createMessageCorrelation(Message.AGENCY_REPORTED).processInstanceBusinessKey(code)
                .processInstanceVariableEquals(Var.AGENCY_PART, part)
                .correlate();
        return true;
    }

    /**
     * The fee the dossier waits to be paid, as its process holds it (-1 if it holds none); empty
     * when the dossier waits for no payment.
     */
    public OptionalLong paymentDue(String code) {
        List<Execution> waiting = waitingFor(code, Message.PAYMENT_RECEIVED);
        if (waiting.isEmpty()) {
            return OptionalLong.empty();
        }
        Object due = runtime.getVariable(waiting.get(0).getProcessInstanceId(), Var.FEE_AMOUNT);
        return OptionalLong.of(due instanceof Number n ? n.longValue() : -1);
    }

    /**
     * The result the specialist drafted for a dossier still being resolved (what the head reviews
     * and the leader approves), from whichever of the dossier's running processes holds it.
     */
    public Optional<String> draftResult(String code) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).active().list()) {
            Object draft = runtime.getVariable(instance.getId(), Var.DRAFT_RESULT);
            if (draft instanceof String text && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The fee was paid as due: the dossier waiting for it moves on. */
    public void paymentReceived(String code) {
        runtime.createMessageCorrelation(Message.PAYMENT_RECEIVED).processInstanceBusinessKey(code).correlate();
    }

    private List<Execution> waitingFor(String code, String message) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(code).messageEventSubscriptionName(message).list();
    }

    /** The codes of the dossiers running in a commune, each once, whatever blocks they are in. */
    public List<String> runningDossiers(String commune) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().tenantIdIn(commune).active().list()) {
            codes.add(instance.getBusinessKey());
        }
        return List.copyOf(codes);
    }

    /**
     * Moves a running dossier of commune {@code from} to another commune where it stands (a
     * handover): every instance of it changes tenant, keeping its steps, due dates and timers, and
     * gets the new commune's facts; an instance that had reached a department also gets the facts of
     * the same department in the new commune, asked of {@code departmentOf} with the procedure's
     * code (once). Each open task offered to a group of the old commune is offered to the same
     * group of the new one, and given to the head when it is the head's work, else to nobody.
     *
     * @return the department the dossier went to, or empty when it had not reached one
     */
    public Optional<DepartmentFacts> move(String code, String from, CommuneFacts to,
                                          Function<String, DepartmentFacts> departmentOf) {
        DepartmentFacts department = null;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .tenantIdIn(from).active().list()) {
            transfer.move(instance.getId(), to.code());
            Map<String, Object> held = runtime.getVariables(instance.getId());
            DepartmentFacts reached = null;
            if (held.get(Var.HEAD_GROUP) != null) {
                if (department == null) department = departmentOf.apply((String) held.get(Var.PROCEDURE_CODE));
                reached = department;
            }
            runtime.setVariables(instance.getId(), facts(to, reached));
            for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
                String group = regroup(task, from, to.code());
                boolean headWork = reached != null && group != null && group.equals(reached.headGroup());
                tasks.setAssignee(task.getId(), headWork ? reached.headAssignee() : null);
            }
        }
        return Optional.ofNullable(department);
    }

    private static Map<String, Object> facts(CommuneFacts commune, DepartmentFacts department) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(Var.COMMUNE_CODE, commune.code());
        facts.put(Var.COMMUNE_NAME, commune.name());
        facts.put(Var.RECEPTION_GROUP, commune.receptionGroup());
        facts.put(Var.LEADER_GROUP, commune.leaderGroup());
        if (department != null) {
            facts.put(Var.DEPARTMENT_NAME, department.name());
            facts.put(Var.HEAD_GROUP, department.headGroup());
            facts.put(Var.HEAD_ASSIGNEE, department.headAssignee());
            facts.put(Var.SPECIALIST_GROUP, department.specialistGroup());
            facts.put(Var.SPECIALIST_OPTIONS, Variables.objectValue(department.specialistOptions())
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            facts.put(Var.SPECIALIST_ID, null);
        }
        return facts;
    }

    /** Offers the task to the new commune's groups instead of the old one's; the last group it moved, or null. */
    private String regroup(Task task, String from, String to) {
        String moved = null;
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && link.getGroupId().startsWith(from + ":")) {
                moved = to + link.getGroupId().substring(from.length());
                tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                tasks.addCandidateGroup(task.getId(), moved);
            }
        }
        return moved;
    }

    /**
     * What officials did to the dossier in the engine (claims, completions, assignments…), from the
     * operation log of every instance it ever had, finished ones included.
     */
    public List<Operation> operations(String code) {
        List<Operation> operations = new ArrayList<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list()) {
            for (UserOperationLogEntry e : history.createUserOperationLogQuery().processInstanceId(instance.getId()).list()) {
                operations.add(new Operation(e.getTimestamp().toInstant(), e.getUserId(), e.getOperationType(), e.getTaskId(),
                        e.getProperty(), e.getNewValue()));
            }
        }
        return operations;
    }

    /**
     * An official leaves: their open tasks, of any dossier, go back to their groups.
     *
     * @return how many tasks they held
     */
    public int releaseTasksOf(String userId) {
        List<Task> held = tasks.createTaskQuery().taskAssignee(userId).list();
        for (Task task : held) {
            tasks.setAssignee(task.getId(), null);
        }
        return held.size();
    }

    /** The facts of the commune a dossier moves to: its code and name, its one-stop's and its leader's groups. */
    public record CommuneFacts(String code, String name, String receptionGroup, String leaderGroup) {
    }

    /**
     * The facts of the department a dossier is at: its name, its heads' group and the head when it
     * has exactly one, its specialists' group and the specialists its head may choose from.
     */
    public record DepartmentFacts(String name, String headGroup, String headAssignee, String specialistGroup,
                                  Object specialistOptions) {
    }

    /** One entry of the engine's operation log: who did what, to which task, with what value. */
    public record Operation(Instant at, String userId, String type, String taskId, String property, String newValue) {
    }
}
