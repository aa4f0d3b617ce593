package vn.motcua.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;

/**
 * The process contract: every process variable of every procedure, declared once with its kind,
 * its bounds and the user tasks that may write it. The facts that identify and route a dossier
 * (code, commune, groups, assignees, fee due, appointment, labels) are written only by motcua's
 * delegates; a task writes only the variables its form declares. The REST guard refuses any other
 * write, and the start-up check holds forms and diagrams to this list.
 */
public final class ProcessContract {

    private ProcessContract() {
    }

    /** Longest free text an official types into a form (a reason, a comment, a note). */
    public static final int NOTE_LENGTH = 1000;
    /** Longest draft result: it is printed on the result and kept in a 2,000-character column with a prefix. */
    public static final int RESULT_LENGTH = 1500;
    /** Longest receipt number of a fee (the dossier's FeeCheck holds the same rule). */
    public static final int FEE_RECEIPT_LENGTH = 64;
    /** Longest number of another agency's result (kept in mc_agency_part.result_number). */
    public static final int AGENCY_RESULT_NUMBER_LENGTH = 64;
    /** The parts of inter-agency bundles (vn.motcua.dossier.AgencyPart holds their agencies and names). */
    static final String[] BUNDLE_PART_CODES = {"THUONG_TRU", "THE_BHYT", "XOA_THUONG_TRU", "MAI_TANG_TU_TUAT"};
    /** Every agency part: a bundle's, and the tax authority's financial obligations (NGHIA_VU_TAI_CHINH). */
    static final String[] AGENCY_PART_CODES = {"THUONG_TRU", "THE_BHYT", "XOA_THUONG_TRU", "MAI_TANG_TU_TUAT", "NGHIA_VU_TAI_CHINH"};

    /** The other agencies' parts a bundle may have (the catalog's agencyParts). */
    public static List<String> agencyPartCodes() {
        return List.of(BUNDLE_PART_CODES);
    }

    // --- the service's own: identity and routing of the dossier -----------------------------------
    public static final Variable<String> DOSSIER_CODE = Variable.text(Var.DOSSIER_CODE, 48);
    public static final Variable<String> COMMUNE_CODE = Variable.text(Var.COMMUNE_CODE, 64);
    public static final Variable<String> COMMUNE_NAME = Variable.text(Var.COMMUNE_NAME, 200);
    public static final Variable<String> PROCEDURE_CODE = Variable.text(Var.PROCEDURE_CODE, 32);
    public static final Variable<String> PROCEDURE_NAME = Variable.text(Var.PROCEDURE_NAME, 300);
    public static final Variable<String> APPLICANT_NAME = Variable.text(Var.APPLICANT_NAME, 200);
    public static final Variable<String> APPLICANT_ADDRESS = Variable.text(Var.APPLICANT_ADDRESS, 500);
    public static final Variable<String> APPLICANT_ID_NUMBER = Variable.text(Var.APPLICANT_ID_NUMBER, 20);
    public static final Variable<String> APPLICANT_PHONE = Variable.text(Var.APPLICANT_PHONE, 20);
    public static final Variable<String> APPLICANT_EMAIL = Variable.text(Var.APPLICANT_EMAIL, 254);
    public static final Variable<String> CHANNEL_LABEL = Variable.text(Var.CHANNEL_LABEL, 200);
    public static final Variable<String> CHANNEL = Variable.text(Var.CHANNEL, 16);
    public static final Variable<String> RETURN_METHOD = Variable.text(Var.RETURN_METHOD, 16);
    public static final Variable<String> RETURN_METHOD_LABEL = Variable.text(Var.RETURN_METHOD_LABEL, 200);
    public static final Variable<String> COMPONENTS_SUMMARY = Variable.text(Var.COMPONENTS_SUMMARY, 4000).multiline();
    public static final Variable<String> RECEPTION_GROUP = Variable.text(Var.RECEPTION_GROUP, 128);
    public static final Variable<String> LEADER_GROUP = Variable.text(Var.LEADER_GROUP, 128);
    public static final Variable<String> DEPARTMENT_NAME = Variable.text(Var.DEPARTMENT_NAME, 200);
    public static final Variable<String> HEAD_GROUP = Variable.text(Var.HEAD_GROUP, 128);
    public static final Variable<String> HEAD_ASSIGNEE = Variable.text(Var.HEAD_ASSIGNEE, 64);
    public static final Variable<String> SPECIALIST_GROUP = Variable.text(Var.SPECIALIST_GROUP, 128);
    public static final Variable<Object> SPECIALIST_OPTIONS = Variable.object(Var.SPECIALIST_OPTIONS);
    public static final Variable<Object> APPRAISAL_OPTIONS = Variable.object(Var.APPRAISAL_OPTIONS);
    public static final Variable<String> DRAFTED_BY = Variable.text(Var.DRAFTED_BY, 64);
    public static final Variable<String> REVIEWED_BY = Variable.text(Var.REVIEWED_BY, 64);
    public static final Variable<String> RESOLUTION_BLOCK = Variable.choice(Var.RESOLUTION_BLOCK,
            DossierProcess.Block.DEPARTMENT, DossierProcess.Block.SHORT, DossierProcess.Block.ON_THE_SPOT,
            DossierProcess.Block.INTER_AGENCY_RESOLUTION);
    public static final Variable<String> RESOLUTION_OUTCOME = Variable.choice(Var.RESOLUTION_OUTCOME,
            DossierProcess.Outcome.RESOLVED, DossierProcess.Outcome.SUPPLEMENT, DossierProcess.Outcome.STOPPED,
            DossierProcess.Outcome.FINANCIAL_OBLIGATION);
    public static final Variable<Boolean> POST_DELIVERED = Variable.bool(Var.POST_DELIVERED);
    public static final Variable<String> POST_EVENT_DETAIL = Variable.text(Var.POST_EVENT_DETAIL, 500);

    // --- the service's own: inter-agency bundles (liên thông) ---------------------------------------
    public static final Variable<String> AGENCY_PARTS = Variable.text(Var.AGENCY_PARTS, 200);
    public static final Variable<String> AGENCY_PART = Variable.choice(Var.AGENCY_PART, AGENCY_PART_CODES);
    public static final Variable<String> AGENCY_NAME = Variable.text(Var.AGENCY_NAME, 200);
    public static final Variable<String> AGENCY_PART_NAME = Variable.text(Var.AGENCY_PART_NAME, 300);
    public static final Variable<String> AGENCY_TASK_TITLE = Variable.text(Var.AGENCY_TASK_TITLE, 500);
    public static final Variable<String> AGENCY_SENT = Variable.text(Var.AGENCY_SENT, 500);
    public static final Variable<String> AGENCY_REQUEST = Variable.text(Var.AGENCY_REQUEST, 4000).multiline();

    // --- the service's own: the clock -------------------------------------------------------------
    public static final Variable<Date> APPOINTMENT_AT = Variable.dateTime(Var.APPOINTMENT_AT);
    public static final Variable<String> APPOINTMENT_LABEL = Variable.text(Var.APPOINTMENT_LABEL, 200);
    public static final Variable<Date> LATE_CHECK_AT = Variable.dateTime(Var.LATE_CHECK_AT);
    public static final Variable<Date> APOLOGY_DUE_AT = Variable.dateTime(Var.APOLOGY_DUE_AT);
    public static final Variable<Boolean> CLOCK_PAUSED = Variable.bool(Var.CLOCK_PAUSED);
    public static final Variable<Boolean> DOSSIER_LATE = Variable.bool(Var.DOSSIER_LATE);
    public static final Variable<Long> RESCHEDULE_COUNT = Variable.integer(Var.RESCHEDULE_COUNT, 0, 1);
    public static final Variable<Long> FEE_AMOUNT = Variable.integer(Var.FEE_AMOUNT, 0, Long.MAX_VALUE);
    public static final Variable<String> FEE_LABEL = Variable.text(Var.FEE_LABEL, 500);

    // --- written by the officials' forms ----------------------------------------------------------
    public static final Variable<String> RECEPTION_DECISION = Variable
            .choice(Var.RECEPTION_DECISION, Decision.ACCEPT, Decision.SUPPLEMENT, Decision.REFUSE)
            .writtenBy(Element.TASK_RECEPTION_CHECK);
    public static final Variable<String> REFUSAL_REASON = Variable.text(Var.REFUSAL_REASON, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_RECEPTION_CHECK);
    public static final Variable<String> SUPPLEMENT_REQUEST = Variable.text(Var.SUPPLEMENT_REQUEST, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_RECEPTION_CHECK, Element.TASK_APPRAISE_DOSSIER);
    public static final Variable<String> SUPPLEMENT_NOTE = Variable.text(Var.SUPPLEMENT_NOTE, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_RECEIVE_SUPPLEMENT, Element.TASK_RECEIVE_PROCESSING_SUPPLEMENT);
    public static final Variable<String> SPECIALIST_ID = Variable.text(Var.SPECIALIST_ID, 64)
            .optionsFrom(Var.SPECIALIST_OPTIONS)
            .writtenBy(Element.TASK_ASSIGN_SPECIALIST);
    public static final Variable<String> APPRAISAL_NOTE = Variable.text(Var.APPRAISAL_NOTE, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_APPRAISE_DOSSIER);
    public static final Variable<String> APPRAISAL_DECISION = Variable
            .choice(Var.APPRAISAL_DECISION, Decision.DRAFT, Decision.SUPPLEMENT, Decision.FINANCIAL_OBLIGATION)
            .optionsFrom(Var.APPRAISAL_OPTIONS)
            .writtenBy(Element.TASK_APPRAISE_DOSSIER);
    public static final Variable<String> DRAFT_RESULT = Variable.text(Var.DRAFT_RESULT, RESULT_LENGTH).multiline()
            .writtenBy(Element.TASK_APPRAISE_DOSSIER);
    public static final Variable<String> HEAD_DECISION = Variable
            .choice(Var.HEAD_DECISION, Decision.APPROVE, Decision.RETURN, Decision.STOP)
            .writtenBy(Element.TASK_REVIEW_DRAFT);
    public static final Variable<String> HEAD_COMMENT = Variable.text(Var.HEAD_COMMENT, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_REVIEW_DRAFT);
    public static final Variable<String> LEADER_DECISION = Variable
            .choice(Var.LEADER_DECISION, Decision.APPROVE, Decision.RETURN, Decision.STOP)
            .writtenBy(Element.TASK_LEADER_APPROVAL);
    /** Why processing stops (status 8): the notice to the citizen says it. */
    public static final Variable<String> STOP_REASON = Variable.text(Var.STOP_REASON, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_REVIEW_DRAFT, Element.TASK_LEADER_APPROVAL);
    public static final Variable<String> LEADER_COMMENT = Variable.text(Var.LEADER_COMMENT, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_LEADER_APPROVAL);
    public static final Variable<String> DELAY_REASON = Variable.text(Var.DELAY_REASON, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_EXPLAIN_DELAY);
    public static final Variable<String> NEW_APPOINTMENT = Variable.date(Var.NEW_APPOINTMENT)
            .writtenBy(Element.TASK_EXPLAIN_DELAY);
    /** A cash fee: the exact amount due (checked at completion), in đồng. */
    public static final Variable<Long> FEE_PAID = Variable.integer(Var.FEE_PAID, 0, Long.MAX_VALUE)
            .writtenBy(Element.TASK_COLLECT_FEE);
    public static final Variable<String> RECEIPT_NUMBER = Variable.text(Var.RECEIPT_NUMBER, FEE_RECEIPT_LENGTH)
            .writtenBy(Element.TASK_COLLECT_FEE);
    public static final Variable<String> RECIPIENT_NAME = Variable.text(Var.RECIPIENT_NAME, 200)
            .writtenBy(Element.TASK_RETURN_AT_COUNTER);
    public static final Variable<String> CITIZEN_RATING = Variable
            .choice(Var.CITIZEN_RATING, "RAT_HAI_LONG", "HAI_LONG", "KHONG_HAI_LONG")
            .writtenBy(Element.TASK_RETURN_AT_COUNTER);
    public static final Variable<String> CITIZEN_RATING_COMMENT = Variable.text(Var.CITIZEN_RATING_COMMENT, 1000).multiline()
            .writtenBy(Element.TASK_RETURN_AT_COUNTER);
    public static final Variable<String> POSTAL_TRACKING_NUMBER = Variable.text(Var.POSTAL_TRACKING_NUMBER, 40)
            .writtenBy(Element.TASK_RETURN_BY_POST);
    public static final Variable<String> POST_OUTCOME = Variable.choice(Var.POST_OUTCOME, Decision.DELIVERED, Decision.RETURNED)
            .writtenBy(Element.TASK_CONFIRM_POST_DELIVERY);
    /** The day the post office delivered, or brought the shipment back (not in the future, not before dispatch). */
    public static final Variable<String> POST_OUTCOME_DATE = Variable.date(Var.POST_OUTCOME_DATE)
            .writtenBy(Element.TASK_CONFIRM_POST_DELIVERY);
    public static final Variable<String> POST_OUTCOME_NOTE = Variable.text(Var.POST_OUTCOME_NOTE, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_CONFIRM_POST_DELIVERY);

    /** The one-stop records the other agency's result of an inter-agency part (without a connection, or from its letter). */
    public static final Variable<String> AGENCY_OUTCOME = Variable.choice(Var.AGENCY_OUTCOME, Decision.DONE, Decision.REFUSED)
            .writtenBy(Element.TASK_RECORD_AGENCY_RESULT);
    /** The number of the agency's result (a residence notice, a health insurance card, a decision). */
    public static final Variable<String> AGENCY_RESULT_NUMBER = Variable.text(Var.AGENCY_RESULT_NUMBER, AGENCY_RESULT_NUMBER_LENGTH)
            .writtenBy(Element.TASK_RECORD_AGENCY_RESULT);
    /** The day of the agency's result or refusal (not in the future). */
    public static final Variable<String> AGENCY_RESULT_DATE = Variable.date(Var.AGENCY_RESULT_DATE)
            .writtenBy(Element.TASK_RECORD_AGENCY_RESULT);
    /** A note; the reason when the agency refused its part. */
    public static final Variable<String> AGENCY_NOTE = Variable.text(Var.AGENCY_NOTE, NOTE_LENGTH).multiline()
            .writtenBy(Element.TASK_RECORD_AGENCY_RESULT);

    // --- the counter intake's start form (Tasklist: "Khởi tạo quy trình" → "Tiếp nhận hồ sơ") -------------
    // the same rules as POST /api/dossiers apply when the dossier is registered (SubmissionValidator)
    public static final Variable<String> INTAKE_PROCEDURE = Variable.text(Var.INTAKE_PROCEDURE, 32)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<String> INTAKE_APPLICANT_NAME = Variable.text(Var.INTAKE_APPLICANT_NAME, 200)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<String> INTAKE_ID_NUMBER = Variable.text(Var.INTAKE_ID_NUMBER, 20)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<String> INTAKE_PHONE = Variable.text(Var.INTAKE_PHONE, 20)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<String> INTAKE_EMAIL = Variable.text(Var.INTAKE_EMAIL, 254)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<String> INTAKE_ADDRESS = Variable.text(Var.INTAKE_ADDRESS, 500)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<String> INTAKE_RETURN_METHOD = Variable.choice(Var.INTAKE_RETURN_METHOD, "COUNTER", "POST", "ONLINE")
            .writtenBy(Element.START_COUNTER_INTAKE);
    /** The papers the citizen handed in (the checklist of the chosen procedure's papers). */
    public static final Variable<Object> INTAKE_PAPERS = Variable.textList(Var.INTAKE_PAPERS, 300, 50)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<Boolean> INTAKE_ACCEPT_NOW = Variable.bool(Var.INTAKE_ACCEPT_NOW)
            .writtenBy(Element.START_COUNTER_INTAKE);
    /** The most pages a paper to certify may have (a bound for the fee arithmetic and for clumsy clients). */
    public static final int MAX_PAGES = 2000;
    /** What the fees depend on (FeeRequest): the event's day, the pages, the copies, an exemption claimed. */
    public static final Variable<String> INTAKE_EVENT_DATE = Variable.date(Var.INTAKE_EVENT_DATE)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<Long> INTAKE_PAGES = Variable.integer(Var.INTAKE_PAGES, 1, MAX_PAGES)
            .writtenBy(Element.START_COUNTER_INTAKE);
    public static final Variable<Long> INTAKE_COPIES = Variable.integer(Var.INTAKE_COPIES, 1, 100)
            .writtenBy(Element.START_COUNTER_INTAKE);
    /** The catalog's FeeExemption names (the start-up check holds them equal). */
    public static final Variable<String> INTAKE_FEE_EXEMPTION = Variable.choice(Var.INTAKE_FEE_EXEMPTION,
                    "NGUOI_CO_CONG", "HO_NGHEO", "NGUOI_KHUYET_TAT", "TRE_EM", "NGUOI_CAO_TUOI", "DTTS_DBKK")
            .writtenBy(Element.START_COUNTER_INTAKE);

    /** Task-local due dates the service caches per step ({@code stepDue_<task id>}). */
    public static final String STEP_DUE_PREFIX = "stepDue_";

    private static final Map<String, Variable<?>> ALL = declared();

    /**
     * The dossier's code: the business key of its process instance, which no client can change
     * (never the {@code dossierCode} variable, which is only there for the forms).
     */
    public static String dossierCode(org.camunda.bpm.engine.delegate.VariableScope scope) {
        if (scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task && task.getExecution() != null) {
            return task.getExecution().getProcessBusinessKey();
        }
        return null;
    }

    /** Every declared variable by name. */
    public static Map<String, Variable<?>> all() {
        return ALL;
    }

    /** The declared variable, if any; the service's per-step due dates count as declared. */
    public static Optional<Variable<?>> find(String name) {
        if (name != null && name.startsWith(STEP_DUE_PREFIX)) {
            return Optional.of(Variable.dateTime(name));
        }
        return Optional.ofNullable(ALL.get(name));
    }

    /** What the form of a user task may write. */
    public static Set<String> writableBy(String taskDefinitionKey) {
        return ALL.values().stream().filter(v -> v.writableBy(taskDefinitionKey))
                .map(Variable::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Every user task some variable names as its writer. */
    public static Set<String> writingTasks() {
        return ALL.values().stream().flatMap(v -> v.writers().stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The variable names of {@link Var} that this contract does not declare (the start-up check wants none). */
    public static List<String> undeclaredNames() {
        List<String> missing = new ArrayList<>();
        for (Field f : Var.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    String name = (String) f.get(null);
                    if (!ALL.containsKey(name)) missing.add(name);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return missing;
    }

    private static Map<String, Variable<?>> declared() {
        Map<String, Variable<?>> all = new LinkedHashMap<>();
        for (Field f : ProcessContract.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Variable.class) {
                try {
                    Variable<?> v = (Variable<?>) f.get(null);
                    if (all.put(v.name(), v) != null) {
                        throw new IllegalStateException("Variable declared twice in the process contract: " + v.name());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(all);
    }
}
