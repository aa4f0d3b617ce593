package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.MotcuaProperties;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.catalog.ReturnMethod;
import vn.motcua.process.DossierProcess;

/** motcua's dossier tables. Times are stored as instants and read back in the province's zone. */
@Repository
class DossierRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final ZoneId zone;

    DossierRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, MotcuaProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.zone = properties.zone();
    }

    long insert(String code, SubmissionValidator.ValidSubmission s, OffsetDateTime submittedAt, String lookupSecret) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into mc_dossier (code, procedure_code, commune_code, agency_id, channel, return_method, status,
                          applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, submitted_at, lookup_secret,
                          result_copies, page_count, fee_exemption, event_date, fee_amount, fee_lines, paper_count)
                        values (:code, :procedure, :commune, :agency, :channel, :returnMethod, :status,
                          :name, :idNumber, :phone, :email, :address, :submittedAt, :secret,
                          :copies, :pages, :exemption, :eventDate, :feeAmount, :feeLines, :papers)""")
                .param("code", code)
                .param("procedure", s.procedure().code())
                .param("commune", s.commune().code())
                .param("agency", s.commune().agencyId())
                .param("channel", s.channel().name())
                .param("returnMethod", s.returnMethod().name())
                .param("status", DossierStatus.NEW.code())
                .param("name", s.applicant().fullName())
                .param("idNumber", s.applicant().idNumber())
                .param("phone", s.applicant().phone())
                .param("email", s.applicant().email())
                .param("address", s.applicant().address())
                .param("submittedAt", submittedAt)
                .param("secret", lookupSecret)
                .param("copies", s.feeRequest().copies())
                .param("pages", s.feeRequest().pages())
                .param("exemption", s.feeRequest().exemption() == null ? null : s.feeRequest().exemption().name())
                .param("eventDate", s.feeRequest().eventDate())
                .param("feeAmount", s.fees().total())
                .param("feeLines", json(s.fees()))
                .param("papers", s.components().size())
                .update(key, "id");
        long id = key.getKey().longValue();
        // the papers in one batch: one round trip to the database, however many there are
        List<Object[]> components = new java.util.ArrayList<>();
        for (int i = 0; i < s.components().size(); i++) {
            SubmissionRequest.Component c = s.components().get(i);
            components.add(new Object[] {id, i + 1, c.name(), c.copies()});
        }
        if (!components.isEmpty()) {
            batch.batchUpdate("insert into mc_dossier_component (dossier_id, position, name, copies) values (?, ?, ?, ?)", components);
        }
        return id;
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update mc_dossier set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select * from mc_dossier where code = ?").param(code).query(this::dossier).optional();
    }

    Dossier require(String code) {
        return findByCode(code).orElseThrow(() -> new DossierNotFoundException(code));
    }

    /**
     * The dossiers of a commune submitted in [from, to), in the order they came, each with when
     * reception first handed it on: one query, whatever their number.
     */
    List<RegisterEntry> submitted(String commune, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        select d.*, h.handed_at as transferred_at
                        from mc_dossier d
                        left join (select dossier_id, min(id) as first_id from mc_handover
                                   where step_key = :step and to_unit is not null group by dossier_id) f on f.dossier_id = d.id
                        left join mc_handover h on h.id = f.first_id
                        where d.commune_code = :commune and d.submitted_at >= :from and d.submitted_at < :to
                        order by d.id""")
                .param("step", DossierProcess.Element.TASK_RECEPTION_CHECK)
                .param("commune", commune)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new RegisterEntry(dossier(rs, n), time(rs, "transferred_at")))
                .list();
    }

    void setCommune(long id, String commune) {
        jdbc.sql("update mc_dossier set commune_code = ? where id = ?").params(commune, id).update();
    }

    Optional<String> resultText(String code) {
        return jdbc.sql("select result_text from mc_dossier where code = ?").param(code).query(String.class).optional();
    }

    List<SubmissionRequest.Component> components(long dossierId) {
        return jdbc.sql("select name, copies from mc_dossier_component where dossier_id = ? order by position")
                .param(dossierId)
                .query((rs, n) -> new SubmissionRequest.Component(rs.getString(1), rs.getInt(2)))
                .list();
    }

    void updateStatus(long id, DossierStatus status) {
        jdbc.sql("update mc_dossier set status = ? where id = ?").params(status.code(), id).update();
    }

    void setTime(long id, String column, OffsetDateTime at) {
        if (!List.of("accepted_at", "appointment_at", "original_appointment_at", "finished_at", "returned_at",
                "paused_at", "late_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update mc_dossier set " + column + " = ? where id = ?").params(at, id).update();
    }

    void incrementReschedules(long id) {
        jdbc.sql("update mc_dossier set reschedule_count = reschedule_count + 1 where id = ?").param(id).update();
    }

    void insertApology(long dossierId, String reason, OffsetDateTime previous, OffsetDateTime next, OffsetDateTime at, String by) {
        jdbc.sql("""
                        insert into mc_apology (dossier_id, reason, previous_appointment_at, new_appointment_at, issued_at, issued_by)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(dossierId, reason, previous, next, at, by).update();
    }

    Optional<Apology> apology(long dossierId) {
        return jdbc.sql("select reason, previous_appointment_at, new_appointment_at, issued_at, issued_by from mc_apology where dossier_id = ?")
                .param(dossierId)
                .query((rs, n) -> new Apology(rs.getString(1), time(rs, 2), time(rs, 3), time(rs, 4), rs.getString(5)))
                .optional();
    }

    void insertNotification(long dossierId, String kind, String recipient, String message, OffsetDateTime at) {
        jdbc.sql("insert into mc_notification (dossier_id, kind, recipient, message, created_at) values (?, ?, ?, ?, ?)")
                .params(dossierId, kind, recipient, message, at).update();
    }

    List<Notification> notifications(long dossierId) {
        return jdbc.sql("select kind, recipient, message, created_at from mc_notification where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, n) -> new Notification(rs.getString(1), rs.getString(2), rs.getString(3), time(rs, 4)))
                .list();
    }

    void setTracking(long id, String tracking) {
        jdbc.sql("update mc_dossier set postal_tracking_number = ? where id = ?").params(tracking, id).update();
    }

    Optional<String> codeOfTracking(String tracking) {
        return jdbc.sql("select code from mc_dossier where postal_tracking_number = ?").param(tracking).query(String.class).optional();
    }

    void setResultText(long id, String text) {
        jdbc.sql("update mc_dossier set result_text = ? where id = ?").params(text, id).update();
    }

    void setDepartment(long id, String department) {
        jdbc.sql("update mc_dossier set department_code = ? where id = ?").params(department, id).update();
    }

    void incrementSupplements(long id) {
        jdbc.sql("""
                update mc_dossier set supplement_count = supplement_count + 1,
                  processing_supplements = processing_supplements + case when accepted_at is null then 0 else 1 end
                where id = ?""").param(id).update();
    }

    /** Until when the ended dossier and its rows are kept (retention.NightlyRetention removes them after). */
    void retainUntil(long id, OffsetDateTime until) {
        jdbc.sql("update mc_dossier set retain_until = ? where id = ?").params(until, id).update();
    }

    /** Processing ended (the first of result ready, returned, stopped, refused, withdrawn), for the service index. */
    void ended(long id, OffsetDateTime at, Long processingMinutes) {
        jdbc.sql("update mc_dossier set ended_at = coalesce(ended_at, ?), processing_minutes = coalesce(processing_minutes, ?) where id = ?")
                .params(at, processingMinutes, id).update();
    }

    /** The positions of the dossier's papers that have their file. */
    java.util.Set<Integer> digitizedPapers(long id) {
        return new java.util.TreeSet<>(jdbc.sql("select position from mc_component_file where dossier_id = ?").param(id)
                .query(Integer.class).list());
    }

    /** Whether the signed result is attached as a file (kept on the dossier by Documents when it is attached). */
    boolean hasResultFile(String code) {
        return jdbc.sql("select result_digitized from mc_dossier where code = ?").param(code).query(Boolean.class).optional().orElse(false);
    }

    /** How many of the dossier's papers have their file. */
    void countDigitizedPapers(long id) {
        jdbc.sql("update mc_dossier set digitized_papers = (select count(*) from mc_component_file f where f.dossier_id = ?) where id = ?")
                .params(id, id).update();
    }

    void insertStatus(long id, DossierStatus status, OffsetDateTime at, String actor, String note) {
        jdbc.sql("insert into mc_dossier_status (dossier_id, status, changed_at, actor, note) values (?, ?, ?, ?, ?)")
                .params(id, status.code(), at, actor, note).update();
    }

    List<StatusChange> statusHistory(long id) {
        return jdbc.sql("select status, changed_at, actor, note from mc_dossier_status where dossier_id = ? order by id")
                .param(id)
                .query((rs, n) -> {
                    DossierStatus status = DossierStatus.of(rs.getInt(1));
                    return new StatusChange(status, status.label(), time(rs, 2), rs.getString(3), rs.getString(4));
                })
                .list();
    }

    void insertHandover(long dossierId, String step, String stepName, String fromUnit, String fromUser,
                        OffsetDateTime handedAt, OffsetDateTime dueAt, String timeliness, String note) {
        jdbc.sql("""
                        insert into mc_handover (dossier_id, step_key, step_name, from_unit, from_user, handed_at, due_at, timeliness, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, step, stepName, fromUnit, fromUser, handedAt, dueAt, timeliness, note)
                .update();
    }

    /** Adds a note to the latest timeline row of a step (what became known once the step was handed over). */
    void noteHandover(long dossierId, String step, String note) {
        jdbc.sql("""
                        update mc_handover set note = case when note is null then ? else note || '; ' || ? end
                        where id = (select max(id) from mc_handover where dossier_id = ? and step_key = ?)""")
                .params(note, note, dossierId, step)
                .update();
    }

    /** Names the receiver of the dossier's latest handover that has none yet. */
    void receivePending(long dossierId, String toUnit, String toUser, String toTaskId, OffsetDateTime receivedAt) {
        jdbc.sql("""
                        update mc_handover set to_unit = ?, to_user = ?, to_task_id = ?, received_at = ?
                        where id = (select max(id) from mc_handover where dossier_id = ? and to_unit is null)""")
                .params(toUnit, toUser, toTaskId, receivedAt, dossierId)
                .update();
    }

    /** The official who claimed a task signs for the handover that led to it. */
    void receivedBy(String toTaskId, String toUser, OffsetDateTime receivedAt) {
        jdbc.sql("update mc_handover set to_user = ?, received_at = ? where to_task_id = ? and to_user is null")
                .params(toUser, receivedAt, toTaskId).update();
    }

    List<Handover> timeline(long id) {
        return jdbc.sql("""
                        select step_key, step_name, from_unit, from_user, to_unit, to_user, handed_at, received_at, due_at, timeliness, note
                        from mc_handover where dossier_id = ? order by id""")
                .param(id)
                .query((rs, n) -> new Handover(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), time(rs, 7), time(rs, 8), time(rs, 9), rs.getString(10), rs.getString(11)))
                .list();
    }

    private Dossier dossier(ResultSet rs, int row) throws SQLException {
        return new Dossier(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("procedure_code"),
                rs.getString("commune_code"),
                rs.getString("agency_id"),
                rs.getString("department_code"),
                Channel.valueOf(rs.getString("channel")),
                ReturnMethod.valueOf(rs.getString("return_method")),
                DossierStatus.of(rs.getInt("status")),
                new Dossier.Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                        rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address")),
                time(rs, "submitted_at"),
                time(rs, "accepted_at"),
                time(rs, "appointment_at"),
                time(rs, "finished_at"),
                time(rs, "returned_at"),
                rs.getString("process_instance_id"),
                rs.getInt("supplement_count"),
                time(rs, "original_appointment_at"),
                time(rs, "paused_at"),
                time(rs, "late_at"),
                rs.getInt("reschedule_count"),
                rs.getString("lookup_secret"),
                rs.getString("postal_tracking_number"),
                rs.getInt("result_copies"),
                feeQuote(rs.getString("fee_lines")));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static FeeQuote feeQuote(String lines) {
        if (lines == null) return null;
        try {
            return new FeeQuote(java.util.Arrays.asList(JSON.readValue(lines, FeeQuote.Line[].class)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("mc_dossier.fee_lines cannot be read: " + e.getMessage(), e);
        }
    }

    private static String json(FeeQuote quote) {
        try {
            return JSON.writeValueAsString(quote.lines());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
