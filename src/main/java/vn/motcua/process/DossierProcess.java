package vn.motcua.process;

/**
 * The element ids and variable names every motcua procedure shares. Each procedure's BPMN uses
 * these ids for its common steps so that filters, forms, templates and tests can rely on them;
 * nothing else spells them as strings. What each variable may hold, and who may write it, is
 * {@link ProcessContract}.
 */
public final class DossierProcess {

    private DossierProcess() {
    }

    /** Element ids. */
    public static final class Element {
        public static final String TASK_RECEPTION_CHECK = "Task_ReceptionCheck";
        public static final String TASK_RECEIVE_SUPPLEMENT = "Task_ReceiveSupplement";
        public static final String TASK_ASSIGN_SPECIALIST = "Task_AssignSpecialist";
        public static final String TASK_APPRAISE_DOSSIER = "Task_AppraiseDossier";
        public static final String TASK_REVIEW_DRAFT = "Task_ReviewDraft";
        public static final String TASK_LEADER_APPROVAL = "Task_LeaderApproval";
        public static final String TASK_RETURN_AT_COUNTER = "Task_ReturnAtCounter";
        public static final String TASK_RETURN_BY_POST = "Task_ReturnByPost";
        /** The counter intake's start: the one-stop registers a walk-in citizen's dossier from Tasklist. */
        public static final String START_COUNTER_INTAKE = "Start_CounterIntake";
        /** Without a post-office connection: the one-stop records what became of the shipment. */
        public static final String TASK_CONFIRM_POST_DELIVERY = "Task_ConfirmPostDelivery";
        public static final String TASK_RECEIVE_PROCESSING_SUPPLEMENT = "Task_ReceiveProcessingSupplement";
        public static final String TASK_EXPLAIN_DELAY = "Task_ExplainDelay";
        public static final String TASK_COLLECT_FEE = "Task_CollectFee";
        /**
         * An inter-agency part (liên thông): the one-stop waits for the other agency's result, which
         * comes as an event when the agency is connected, or is recorded here by the clerk.
         */
        public static final String TASK_RECORD_AGENCY_RESULT = "Task_RecordAgencyResult";
        /**
         * The tax authority's part of a procedure with financial obligations (giai-quyet): status 6,
         * the clock paused until the obligations are met.
         */
        public static final String CALL_FINANCIAL_OBLIGATION = "CallActivity_FinancialObligation";
        public static final String SUB_RESOLUTION = "Sub_Resolution";
        public static final String END_REFUSED = "End_Refused";
        public static final String END_RETURNED = "End_Returned";

        private Element() {
        }
    }

    /** Process variables. */
    public static final class Var {
        public static final String DOSSIER_CODE = "dossierCode";
        public static final String COMMUNE_CODE = "communeCode";
        public static final String COMMUNE_NAME = "communeName";
        public static final String PROCEDURE_CODE = "procedureCode";
        public static final String PROCEDURE_NAME = "procedureName";
        public static final String APPLICANT_NAME = "applicantName";
        public static final String APPLICANT_ADDRESS = "applicantAddress";
        public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
        public static final String APPLICANT_PHONE = "applicantPhone";
        public static final String APPLICANT_EMAIL = "applicantEmail";
        public static final String CHANNEL_LABEL = "channelLabel";
        public static final String CHANNEL = "channel";
        public static final String RETURN_METHOD = "returnMethod";
        public static final String RETURN_METHOD_LABEL = "returnMethodLabel";
        public static final String COMPONENTS_SUMMARY = "componentsSummary";
        public static final String RECEPTION_GROUP = "receptionGroup";
        public static final String LEADER_GROUP = "leaderGroup";
        public static final String DEPARTMENT_NAME = "departmentName";
        public static final String HEAD_GROUP = "headGroup";
        public static final String HEAD_ASSIGNEE = "headAssignee";
        public static final String SPECIALIST_GROUP = "specialistGroup";
        public static final String SPECIALIST_OPTIONS = "specialistOptions";
        /**
         * What the specialist may decide at appraisal ([{label, value}]): draft, supplement, and for a
         * procedure with financial obligations not met yet, the tax authority.
         */
        public static final String APPRAISAL_OPTIONS = "appraisalOptions";
        public static final String SPECIALIST_ID = "specialistId";
        /** Who drafted the result and who reviewed it: separation of duties at review and approval. */
        public static final String DRAFTED_BY = "draftedBy";
        public static final String REVIEWED_BY = "reviewedBy";
        public static final String RECEPTION_DECISION = "receptionDecision";
        public static final String REFUSAL_REASON = "refusalReason";
        public static final String SUPPLEMENT_REQUEST = "supplementRequest";
        public static final String SUPPLEMENT_NOTE = "supplementNote";
        public static final String APPRAISAL_DECISION = "appraisalDecision";
        public static final String APPOINTMENT_AT = "appointmentAt";
        public static final String APPOINTMENT_LABEL = "appointmentLabel";
        public static final String LATE_CHECK_AT = "lateCheckAt";
        public static final String APOLOGY_DUE_AT = "apologyDueAt";
        public static final String CLOCK_PAUSED = "clockPaused";
        public static final String DOSSIER_LATE = "dossierLate";
        public static final String RESCHEDULE_COUNT = "rescheduleCount";
        public static final String DELAY_REASON = "delayReason";
        public static final String NEW_APPOINTMENT = "newAppointment";
        public static final String FEE_AMOUNT = "feeAmount";
        public static final String FEE_LABEL = "feeLabel";
        public static final String FEE_PAID = "feePaid";
        public static final String RECEIPT_NUMBER = "receiptNumber";
        public static final String APPRAISAL_NOTE = "appraisalNote";
        public static final String DRAFT_RESULT = "draftResult";
        public static final String HEAD_DECISION = "headDecision";
        public static final String HEAD_COMMENT = "headComment";
        public static final String LEADER_DECISION = "leaderDecision";
        public static final String LEADER_COMMENT = "leaderComment";
        public static final String RECIPIENT_NAME = "recipientName";
        /** The citizen's rating chosen at the counter on the official's screen, when they give one. */
        public static final String CITIZEN_RATING = "citizenRating";
        public static final String CITIZEN_RATING_COMMENT = "citizenRatingComment";
        public static final String POSTAL_TRACKING_NUMBER = "postalTrackingNumber";
        /** The post office's event, as the integration correlates it. */
        public static final String POST_DELIVERED = "postDelivered";
        public static final String POST_EVENT_DETAIL = "postEventDetail";
        /** The one-stop's record of the shipment: DELIVERED or RETURNED, on which day, and a note. */
        /** The counter intake's form (Tasklist's start form): what POST /api/dossiers receives, and whether to accept at once. */
        public static final String INTAKE_PROCEDURE = "intakeProcedure";
        public static final String INTAKE_APPLICANT_NAME = "intakeApplicantName";
        public static final String INTAKE_ID_NUMBER = "intakeIdNumber";
        public static final String INTAKE_PHONE = "intakePhone";
        public static final String INTAKE_EMAIL = "intakeEmail";
        public static final String INTAKE_ADDRESS = "intakeAddress";
        public static final String INTAKE_RETURN_METHOD = "intakeReturnMethod";
        public static final String INTAKE_PAPERS = "intakePapers";
        public static final String INTAKE_ACCEPT_NOW = "intakeAcceptNow";
        public static final String INTAKE_EVENT_DATE = "intakeEventDate";
        public static final String INTAKE_PAGES = "intakePages";
        public static final String INTAKE_COPIES = "intakeCopies";
        public static final String INTAKE_FEE_EXEMPTION = "intakeFeeExemption";
        public static final String POST_OUTCOME = "postOutcome";
        public static final String POST_OUTCOME_DATE = "postOutcomeDate";
        public static final String POST_OUTCOME_NOTE = "postOutcomeNote";
        /** Which resolution block a procedure composes (giai-quyet-phong, giai-quyet-rut-gon, giai-quyet-tai-cho). */
        public static final String RESOLUTION_BLOCK = "resolutionBlock";
        /** How a resolution block ended: RESOLVED, SUPPLEMENT, STOPPED or FINANCIAL_OBLIGATION. */
        public static final String RESOLUTION_OUTCOME = "resolutionOutcome";
        /** Why the head or the leader stopped processing (status 8). */
        public static final String STOP_REASON = "stopReason";
        /** An inter-agency bundle: its agencies' parts, as the procedure lists them ("THUONG_TRU,THE_BHYT"). */
        public static final String AGENCY_PARTS = "agencyParts";
        /** The part one block of processes/chung/lien-thong.bpmn handles (vn.motcua.dossier.AgencyPart). */
        public static final String AGENCY_PART = "agencyPart";
        public static final String AGENCY_NAME = "agencyName";
        public static final String AGENCY_PART_NAME = "agencyPartName";
        public static final String AGENCY_TASK_TITLE = "agencyTaskTitle";
        /** When and how the part went to the agency (or that it is not connected), for the one-stop's form. */
        public static final String AGENCY_SENT = "agencySent";
        /** What was sent to the agency. */
        public static final String AGENCY_REQUEST = "agencyRequest";
        /** The clerk's record of the agency's result: DONE or REFUSED, its number, its day, a note (the reason of a refusal). */
        public static final String AGENCY_OUTCOME = "agencyOutcome";
        public static final String AGENCY_RESULT_NUMBER = "agencyResultNumber";
        public static final String AGENCY_RESULT_DATE = "agencyResultDate";
        public static final String AGENCY_NOTE = "agencyNote";

        /**
         * The dossier's facts ({@code vn.motcua.dossier.DossierFacts#of}): every instance of a dossier loads them
         * from motcua's tables at its start, and delegates write the clock's again from there. The tables are
         * their truth and their history, so the engine keeps none of them (vn.motcua.engine.LeanHistory).
         */
        public static final java.util.Set<String> FACTS = java.util.Set.of(DOSSIER_CODE, COMMUNE_CODE, COMMUNE_NAME,
                PROCEDURE_CODE, PROCEDURE_NAME, RESOLUTION_BLOCK, AGENCY_PARTS, APPRAISAL_OPTIONS, APPLICANT_NAME,
                APPLICANT_ADDRESS, APPLICANT_ID_NUMBER, APPLICANT_PHONE, APPLICANT_EMAIL, CHANNEL, CHANNEL_LABEL,
                RETURN_METHOD, RETURN_METHOD_LABEL, COMPONENTS_SUMMARY, RECEPTION_GROUP, LEADER_GROUP, FEE_AMOUNT,
                FEE_LABEL, CLOCK_PAUSED, RESCHEDULE_COUNT, APPOINTMENT_AT, APPOINTMENT_LABEL, LATE_CHECK_AT, APOLOGY_DUE_AT);

        private Var() {
        }
    }

    /** Values of the decision variables the forms offer. */
    public static final class Decision {
        public static final String ACCEPT = "ACCEPT";
        public static final String SUPPLEMENT = "SUPPLEMENT";
        public static final String REFUSE = "REFUSE";
        public static final String APPROVE = "APPROVE";
        public static final String RETURN = "RETURN";
        public static final String DRAFT = "DRAFT";
        public static final String STOP = "STOP";
        public static final String DELIVERED = "DELIVERED";
        public static final String RETURNED = "RETURNED";
        /** The appraisal sends the dossier to the tax authority for the financial obligations (status 6). */
        public static final String FINANCIAL_OBLIGATION = "FINANCIAL_OBLIGATION";
        /** An inter-agency part: the agency resolved it, or refused it. */
        public static final String DONE = "DONE";
        public static final String REFUSED = "REFUSED";

        private Decision() {
        }
    }

    /** How a resolution block ends ({@link Var#RESOLUTION_OUTCOME}). */
    public static final class Outcome {
        public static final String RESOLVED = "RESOLVED";
        public static final String SUPPLEMENT = "SUPPLEMENT";
        public static final String STOPPED = "STOPPED";
        /** The dossier goes to the tax authority for its financial obligations, then back to appraisal. */
        public static final String FINANCIAL_OBLIGATION = "FINANCIAL_OBLIGATION";

        private Outcome() {
        }
    }

    /** The building blocks in processes/chung/ (their process keys). */
    public static final class Block {
        public static final String RECEPTION = "tiep-nhan";
        /** Not a block of a dossier: the counter's start form, which registers a dossier ("Tiếp nhận hồ sơ"). */
        public static final String COUNTER_INTAKE = "tiep-nhan-tai-quay";
        public static final String RESOLUTION = "giai-quyet";
        public static final String DEPARTMENT = "giai-quyet-phong";
        public static final String SHORT = "giai-quyet-rut-gon";
        public static final String ON_THE_SPOT = "giai-quyet-tai-cho";
        public static final String RETURN = "tra-ket-qua";
        /** One inter-agency part: sent to the agency, its result waited for (event) or recorded by the clerk. */
        public static final String INTER_AGENCY = "lien-thong";
        /** The resolution variant of a bundle: the department flow for the commune's part, then every agency's part. */
        public static final String INTER_AGENCY_RESOLUTION = "giai-quyet-lien-thong";

        private Block() {
        }
    }

    /** Message names the diagrams wait for. */
    public static final class Message {
        public static final String PAYMENT_RECEIVED = "PaymentReceived";
        public static final String POST_DELIVERED = "PostDelivered";
        public static final String POST_RETURNED = "PostReturned";
        /** An agency reported the result of its part of a bundle (correlated by {@link Var#AGENCY_PART}). */
        public static final String AGENCY_REPORTED = "AgencyReported";

        private Message() {
        }
    }

    /** BPMN error codes the diagrams catch. */
    public static final class Errors {
        public static final String INVALID_SPECIALIST = "INVALID_SPECIALIST";

        private Errors() {
        }
    }
}
