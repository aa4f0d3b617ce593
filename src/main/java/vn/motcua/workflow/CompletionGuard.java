package vn.motcua.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.FeeCheck;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.process.DossierProcess;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.DossierProcess.Var;
import vn.motcua.process.ProcessContract;

/**
 * The decisions each step must carry when any client completes it: the REST guard has already held
 * every written variable to the process contract (name, type, length); this holds the completion to
 * the step's rules (a decision among its values, what must accompany it, a cash fee equal to the
 * amount due). A violation is a {@link RejectedCompletion}: 400 naming the field, nothing changes.
 */
@Component
class CompletionGuard extends AbstractBpmnParseListener {

    private static final Set<String> RECEPTION = Set.of(Decision.ACCEPT, Decision.SUPPLEMENT, Decision.REFUSE);
    private static final Set<String> APPROVAL = Set.of(Decision.APPROVE, Decision.RETURN, Decision.STOP);

    /** For each step: the decision variable and its values, and what must accompany a decision. */
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(DossierProcess.Element.TASK_RECEPTION_CHECK,
                    new Rule(Var.RECEPTION_DECISION, RECEPTION, Map.of(
                            Decision.SUPPLEMENT, List.of(Var.SUPPLEMENT_REQUEST), Decision.REFUSE, List.of(Var.REFUSAL_REASON)))),
            Map.entry(DossierProcess.Element.TASK_ASSIGN_SPECIALIST,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.SPECIALIST_ID)))),
            Map.entry(DossierProcess.Element.TASK_APPRAISE_DOSSIER,
                    new Rule(Var.APPRAISAL_DECISION, Set.of(Decision.DRAFT, Decision.SUPPLEMENT, Decision.FINANCIAL_OBLIGATION), Map.of(
                            Decision.DRAFT, List.of(Var.DRAFT_RESULT), Decision.SUPPLEMENT, List.of(Var.SUPPLEMENT_REQUEST),
                            // what the tax authority needs to determine the obligations: the parcel, its area, its use
                            Decision.FINANCIAL_OBLIGATION, List.of(Var.APPRAISAL_NOTE)))),
            Map.entry(DossierProcess.Element.TASK_EXPLAIN_DELAY,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.DELAY_REASON, Var.NEW_APPOINTMENT)))),
            Map.entry(DossierProcess.Element.TASK_REVIEW_DRAFT,
                    new Rule(Var.HEAD_DECISION, APPROVAL, Map.of(Decision.RETURN, List.of(Var.HEAD_COMMENT), Decision.STOP, List.of(Var.STOP_REASON)))),
            Map.entry(DossierProcess.Element.TASK_LEADER_APPROVAL,
                    new Rule(Var.LEADER_DECISION, APPROVAL, Map.of(Decision.RETURN, List.of(Var.LEADER_COMMENT), Decision.STOP, List.of(Var.STOP_REASON)))),
            Map.entry(DossierProcess.Element.TASK_RETURN_AT_COUNTER,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.RECIPIENT_NAME)))),
            Map.entry(DossierProcess.Element.TASK_RETURN_BY_POST,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.POSTAL_TRACKING_NUMBER)))),
            Map.entry(DossierProcess.Element.TASK_COLLECT_FEE,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.FEE_PAID, Var.RECEIPT_NUMBER)))),
            Map.entry(DossierProcess.Element.TASK_CONFIRM_POST_DELIVERY,
                    new Rule(Var.POST_OUTCOME, Set.of(Decision.DELIVERED, Decision.RETURNED), Map.of(Rule.ALWAYS, List.of(Var.POST_OUTCOME_DATE)))),
            // an agency's result: done with its number, or refused with the reason; always its day
            Map.entry(DossierProcess.Element.TASK_RECORD_AGENCY_RESULT,
                    new Rule(Var.AGENCY_OUTCOME, Set.of(Decision.DONE, Decision.REFUSED), Map.of(Rule.ALWAYS, List.of(Var.AGENCY_RESULT_DATE),
                            Decision.DONE, List.of(Var.AGENCY_RESULT_NUMBER), Decision.REFUSED, List.of(Var.AGENCY_NOTE)))),
            // the citizen's papers are recorded when the supplement is received: never an empty completion
            Map.entry(DossierProcess.Element.TASK_RECEIVE_SUPPLEMENT,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.SUPPLEMENT_NOTE)))),
            Map.entry(DossierProcess.Element.TASK_RECEIVE_PROCESSING_SUPPLEMENT,
                    new Rule(null, Set.of(), Map.of(Rule.ALWAYS, List.of(Var.SUPPLEMENT_NOTE)))));

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        Rule rule = RULES.get(activity.getId());
        if (rule != null) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rule::check);
        }
        if (DossierProcess.Element.TASK_APPRAISE_DOSSIER.equals(activity.getId())) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CompletionGuard::offeredAppraisal);
        }
        if (DossierProcess.Element.TASK_COLLECT_FEE.equals(activity.getId())) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CompletionGuard::exactFee);
        }
    }

    /**
     * The appraisal's decision is one the service offered this dossier ({@code appraisalOptions}): the
     * tax authority only for a procedure with financial obligations, and only once.
     */
    static void offeredAppraisal(DelegateTask task) {
        Object decision = task.getVariable(Var.APPRAISAL_DECISION);
        Object options = task.getVariable(Var.APPRAISAL_OPTIONS);
        if (decision == null || !(options instanceof java.util.Collection<?> offered)) return;
        boolean ok = offered.stream().anyMatch(o -> o instanceof Map<?, ?> m && decision.equals(m.get("value")));
        if (!ok) {
            throw new RejectedCompletion(Var.APPRAISAL_DECISION, Decision.FINANCIAL_OBLIGATION.equals(decision)
                    ? "Hồ sơ này không chuyển cơ quan thuế: thủ tục không có nghĩa vụ tài chính, hoặc đã thực hiện"
                    : "Trường " + Var.APPRAISAL_DECISION + " không có trong các lựa chọn của hồ sơ");
        }
    }

    /** A cash payment is exactly the amount due, with a receipt number (the rule is {@link FeeCheck}). */
    static void exactFee(DelegateTask task) {
        Long due = ProcessContract.FEE_AMOUNT.get(task);
        FeeCheck fee = FeeCheck.check(due == null ? 0L : due, task.getVariable(Var.FEE_PAID), task.getVariable(Var.RECEIPT_NUMBER));
        if (!fee.ok()) {
            throw new RejectedCompletion(fee.errors().get(0).field(), fee.message());
        }
    }

    record Rule(String decisionVariable, Set<String> decisions, Map<String, List<String>> required) {
        static final String ALWAYS = "*";

        void check(DelegateTask task) {
            String decision = null;
            if (decisionVariable != null) {
                Object value = task.getVariable(decisionVariable);
                decision = value == null ? null : value.toString();
                if (decision == null || !decisions.contains(decision)) {
                    throw new RejectedCompletion(decisionVariable, "Trường " + decisionVariable + " phải là một trong "
                            + String.join(", ", new java.util.TreeSet<>(decisions)) + (decision == null ? "" : " (nhận được: " + decision + ")"));
                }
            }
            for (String key : List.of(ALWAYS, decision == null ? ALWAYS : decision)) {
                for (String variable : required.getOrDefault(key, List.of())) {
                    Object value = task.getVariable(variable);
                    if (value == null || value.toString().isBlank()) {
                        throw new RejectedCompletion(variable, "Trường " + variable + " là bắt buộc cho bước " + task.getName());
                    }
                }
            }
        }
    }
}
