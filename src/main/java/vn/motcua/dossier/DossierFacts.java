package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.common.Formats;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.DossierProcess.Var;

/**
 * The facts of a dossier that its processes need, as motcua's tables hold them now: who and what
 * it is, where it is handled, the fee due and the appointment in force. Every process instance of a
 * dossier — the procedure and each building block it calls — loads them when it starts, so no
 * caller passes them on and no client can make a block believe otherwise.
 */
@Service
public class DossierFacts {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final Deadlines deadlines;
    private final AgencyParts agencyParts;

    DossierFacts(DossierRepository dossiers, ProcedureCatalog catalog, OrgDirectory directory, Deadlines deadlines,
                 @org.springframework.context.annotation.Lazy AgencyParts agencyParts) {
        this.agencyParts = agencyParts;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
        this.deadlines = deadlines;
    }

    /**
     * What the specialist may decide at appraisal: a draft, a supplement, and, for a procedure with
     * financial obligations that has not been to the tax authority yet, the tax authority (status 6).
     */
    java.util.List<Map<String, String>> appraisalOptions(Procedure procedure, String code) {
        java.util.List<Map<String, String>> options = new java.util.ArrayList<>();
        options.add(Map.of("label", "Hồ sơ đủ điều kiện: dự thảo kết quả, trình trưởng phòng", "value", Decision.DRAFT));
        options.add(Map.of("label", "Cần bổ sung, hoàn thiện hồ sơ: báo Bộ phận Một cửa (dừng tính thời hạn)", "value", Decision.SUPPLEMENT));
        if (procedure.financialObligation() && agencyParts.find(code, AgencyPart.NGHIA_VU_TAI_CHINH).isEmpty()) {
            options.add(Map.of("label", "Chuyển Cơ quan thuế xác định nghĩa vụ tài chính (trạng thái 6, dừng tính thời hạn đến khi"
                    + " người sử dụng đất nộp xong)", "value", Decision.FINANCIAL_OBLIGATION));
        }
        return options;
    }

    /** The facts of the dossier, or none when motcua has no such dossier. */
    public Map<String, Object> of(String code) {
        Dossier d = dossiers.findByCode(code).orElse(null);
        if (d == null) return Map.of();
        Procedure procedure = catalog.find(d.procedureCode()).orElseThrow(
                () -> new IllegalStateException("Procedure " + d.procedureCode() + " left the catalog"));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(Var.DOSSIER_CODE, d.code());
        facts.put(Var.COMMUNE_CODE, d.communeCode());
        facts.put(Var.COMMUNE_NAME, directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(d.communeCode()));
        facts.put(Var.PROCEDURE_CODE, procedure.code());
        facts.put(Var.PROCEDURE_NAME, procedure.name());
        facts.put(Var.RESOLUTION_BLOCK, procedure.resolution());
        if (!procedure.agencyParts().isEmpty()) {
            facts.put(Var.AGENCY_PARTS, String.join(",", procedure.agencyParts()));
        }
        facts.put(Var.APPRAISAL_OPTIONS, appraisalOptions(procedure, d.code()));   // a list: stored as JSON by the process
        facts.put(Var.APPLICANT_NAME, d.applicant().fullName());
        facts.put(Var.APPLICANT_ADDRESS, d.applicant().address());
        facts.put(Var.APPLICANT_ID_NUMBER, d.applicant().idNumber());
        facts.put(Var.APPLICANT_PHONE, d.applicant().phone());
        facts.put(Var.APPLICANT_EMAIL, d.applicant().email() == null ? "" : d.applicant().email());
        facts.put(Var.CHANNEL, d.channel().name());
        facts.put(Var.CHANNEL_LABEL, "Nộp " + d.channel().label());
        facts.put(Var.RETURN_METHOD, d.returnMethod().name());
        facts.put(Var.RETURN_METHOD_LABEL, d.returnMethod().label());
        facts.put(Var.COMPONENTS_SUMMARY, dossiers.components(d.id()).stream()
                .map(c -> c.name() + " (" + c.copies() + " bản)").collect(Collectors.joining("; ")));
        facts.put(Var.RECEPTION_GROUP, Role.RECEPTION.groupId(d.communeCode(), null));
        facts.put(Var.LEADER_GROUP, Role.LEADER.groupId(d.communeCode(), null));
        vn.motcua.catalog.FeeQuote fees = d.feesOwed(procedure);
        facts.put(Var.FEE_AMOUNT, fees.total());
        facts.put(Var.FEE_LABEL, fees.label());
        facts.putAll(clock(d));
        return facts;
    }

    /**
     * The dossier's clock as its timers and forms read it: the appointment in force, the late mark
     * and the apology due from the statutory appointment, whether the clock is paused, whether it
     * was rescheduled. Delegates that move the appointment write these again from here.
     */
    public Map<String, Object> clock(String code) {
        return dossiers.findByCode(code).map(this::clock).orElse(Map.of());
    }

    private Map<String, Object> clock(Dossier d) {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put(Var.CLOCK_PAUSED, d.pausedAt() != null);
        clock.put(Var.RESCHEDULE_COUNT, (long) d.rescheduleCount());
        if (d.appointmentAt() != null) {
            OffsetDateTime statutory = d.originalAppointmentAt() == null ? d.appointmentAt() : d.originalAppointmentAt();
            clock.put(Var.APPOINTMENT_AT, Date.from(d.appointmentAt().toInstant()));
            clock.put(Var.APPOINTMENT_LABEL, Formats.dateTime(d.appointmentAt()) + (d.rescheduleCount() > 0 ? " (đã hẹn lại)" : ""));
            // late once the appointment has passed: in the minute after it (finishing at 16:00 for 16:00 is on time)
            clock.put(Var.LATE_CHECK_AT, Date.from(statutory.plusMinutes(1).toInstant()));
            clock.put(Var.APOLOGY_DUE_AT, Date.from(deadlines.apologyDue(statutory.toZonedDateTime()).toInstant()));
        }
        return clock;
    }
}
