package vn.motcua.engine;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;

/**
 * The engine's history at level full without what nobody reads and the database pays for (issue 13): who did
 * what and when (the dossier's steps: user and service tasks, the blocks called, the deadline's sub-process, boundary
 * and intermediate events; tasks with their assignees, the operation log, identity links, incidents, job runs) and
 * the final value of every variable an official or a delegate wrote are kept; left out are
 * <ul>
 *   <li>the activity instances of the diagrams' plumbing ({@link #PLUMBING}: gateways, none start events, none and
 *   terminate end events), which were 28 of a finished dossier's 45 rows in {@code act_hi_actinst}. What they said
 *   is kept elsewhere: the branch a gateway took by the step that follows it and the decision variable that chose
 *   it, where and when an instance started and ended in {@code act_hi_procinst} ({@code START_ACT_ID_},
 *   {@code END_ACT_ID_});</li>
 *   <li>every history of the dossier's facts ({@code Var.FACTS}): motcua's tables hold them, and every instance
 *   of a dossier loads them again at its start. All event types of such a name are left out alike (create,
 *   update, delete, migrate), so the engine never updates a row it did not insert;</li>
 *   <li>the copies a call activity makes ({@link #isCallActivityCopy}): the {@code camunda:in} variables it
 *   gives the block it calls and the {@code camunda:out} variables it takes back. A value is recorded in the
 *   instance where an official or a delegate wrote it (the block's decisions in the block, the routing in the
 *   resolution); its copies repeated it up to four times per dossier. Only the copying is left out: when an official
 *   or a delegate later writes such a variable in the instance that got the copy, the engine finds no row and
 *   inserts one ({@code DbHistoryEventHandler} does so for an update without its row) with the value written;</li>
 *   <li>the detail row of every variable update ({@code act_hi_detail}): each intermediate value of each
 *   variable. The final value stays in {@code act_hi_varinst}; form-property details are other events and stay;</li>
 *   <li>the creation and deletion of timer jobs in the job log: each user task's timeout timers are created and
 *   deleted unfired when the task completes. A timer's runs and failures stay.</li>
 * </ul>
 * The history level stays {@code full}: the database records it and the engine refuses another.
 */
class LeanHistory extends DbHistoryEventHandler {

    /**
     * The activities that are plumbing, not a step of the dossier ({@code act_hi_actinst} leaves them out): gateways
     * (the branch taken shows in the next step kept, and the decision that chose it is a variable kept in
     * {@code act_hi_varinst}), none start events and none or terminate end events (an instance's start and end,
     * with the event that started and ended it, are in {@code act_hi_procinst}: {@code START_ACT_ID_},
     * {@code END_ACT_ID_}, their times; an embedded sub-process's are its own row). Kept: tasks of every kind,
     * call activities and sub-processes, boundary events, intermediate catch and throw events, start events with a
     * trigger (message, timer, signal ...) and end events that do something (error, message, escalation ...).
     */
    static final Set<String> PLUMBING = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE,
            ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED,
            ActivityTypes.START_EVENT, ActivityTypes.END_EVENT_NONE, ActivityTypes.END_EVENT_TERMINATE);

    private final Set<String> unrecordedVariables;
    private final Set<String> recordedIn;

    /**
     * @param unrecordedVariables the facts, whose history is left out
     * @param recordedIn the processes where such a name is the instance's own outcome, not a loaded copy, and is
     *                   recorded: the counter intake, whose {@code dossierCode} says which dossier it registered
     *                   (it has no business key, so no facts are loaded into it)
     */
    LeanHistory(Set<String> unrecordedVariables, Set<String> recordedIn) {
        this.unrecordedVariables = Set.copyOf(unrecordedVariables);
        this.recordedIn = Set.copyOf(recordedIn);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable
                && unrecordedVariables.contains(variable.getVariableName())
                && !recordedIn.contains(variable.getProcessDefinitionKey())) {
            return;
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable && isCallActivityCopy(variable)) {
            return;
        }
        // every event of such an activity (start, end, update, migration), so the engine never updates a row it did not insert
        if (event instanceof HistoricActivityInstanceEventEntity activity && PLUMBING.contains(activity.getActivityType())) {
            return;
        }
        if (event instanceof HistoricJobLogEventEntity job && isTimer(job) && (job.isCreationLog() || job.isDeletionLog())) {
            return;
        }
        super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
        return false;
    }

    /**
     * Whether the variable is being written by a call activity's mapping, from one instance into another: the step
     * running (the engine's execution context) is the call activity that called the variable's instance (its
     * {@code camunda:in} variables, set when the called instance starts), or a step of the instance it called, which
     * is ending and gives back its {@code camunda:out} variables. A delegate, an official's form, a message or the
     * API write into the instance of the step running, or without a step running: they are recorded.
     */
    static boolean isCallActivityCopy(HistoricVariableUpdateEventEntity variable) {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        if (context == null || context.getExecution() == null || variable.getProcessInstanceId() == null) return false;
        ExecutionEntity running = context.getExecution();
        if (variable.getProcessInstanceId().equals(running.getProcessInstanceId())) return false;
        ExecutionEntity called = running.getSubProcessInstance();
        if (called != null && variable.getProcessInstanceId().equals(called.getId())) return true;
        ExecutionEntity caller = running.getProcessInstance() == null ? null : running.getProcessInstance().getSuperExecution();
        return caller != null && variable.getProcessInstanceId().equals(caller.getProcessInstanceId());
    }

    /** Camunda's timer job types: timer-transition, timer-intermediate-transition, timer-start-event(-subprocess), timer-task-listener. */
    private static boolean isTimer(HistoricJobLogEventEntity job) {
        return job.getJobDefinitionType() != null && job.getJobDefinitionType().startsWith("timer-");
    }
}
