package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.common.Formats;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.outbox.Outbox;

/**
 * The other agencies' parts of an inter-agency bundle (liên thông, Decree 63/2024): each is sent
 * to its agency once, through the outbox when the agency's system is configured (else the one-stop
 * carries it), and closed once by the agency's result: its event, or the one-stop's record of it.
 * Each step is a row of the dossier's timeline (Mẫu 05); the parts are listed on the dossier.
 */
@Service
public class AgencyParts {

    public static final String WAITING = "WAITING";
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";
    /** The timeline rows of a part: its sending, and the agency's answer when it came as an event. */
    static final String SENT_STEP = "LIEN_THONG_GUI:";
    static final String ANSWER_STEP = "LIEN_THONG_KQ:";
    private static final String ONE_STOP = "Bộ phận Một cửa";

    private final JdbcClient jdbc;
    private final DossierRepository dossiers;
    private final Timeline timeline;
    private final Outbox outbox;
    private final OrgDirectory directory;
    private final CitizenNotices notices;
    private final Clock clock;

    AgencyParts(JdbcClient jdbc, DossierRepository dossiers, Timeline timeline, Outbox outbox, OrgDirectory directory,
                CitizenNotices notices, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.timeline = timeline;
        this.outbox = outbox;
        this.directory = directory;
        this.notices = notices;
        this.clock = clock;
    }

    /** What went to the agency: whether through its system, when, and what it holds (for the one-stop's form). */
    public record Sent(boolean connected, OffsetDateTime at, String request) {
        public String label(AgencyPart part) {
            return connected
                    ? "Đã gửi qua hệ thống liên thông điện tử của " + part.agency().label() + " lúc " + Formats.dateTime(at)
                    : "Chưa kết nối hệ thống của " + part.agency().label() + ": Bộ phận Một cửa chuyển hồ sơ (từ "
                    + Formats.dateTime(at) + ") và ghi nhận kết quả tại đây";
        }

        public String taskTitle(AgencyPart part) {
            return (connected ? "Chờ kết quả của " : "Ghi nhận kết quả của ") + part.agency().label() + ": " + part.label();
        }
    }

    /**
     * Sends the part to its agency, due at {@code due} (its share of the bundle's limit). A part is
     * sent once per dossier: a block that runs again (a dossier resumed after a supplement) finds it.
     *
     * @param communeResult what the commune decided (the registration the agency's part builds on)
     */
    @Transactional
    public Sent send(String code, AgencyPart part, String communeResult, OffsetDateTime due) {
        Dossier d = dossiers.require(code);
        String request = request(d, part, communeResult);
        Optional<AgencyPartView> existing = find(code, part);
        if (existing.isPresent()) {
            return new Sent(existing.get().connected(), existing.get().sentAt(), request);
        }
        Agency agency = part.agency();
        boolean connected = outbox.configured(agency.channel());
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into mc_agency_part (dossier_code, part, agency, state, connected, sent_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(code, part.name(), agency.name(), WAITING, connected, now, due)
                .update();
        if (connected) {
            outbox.enqueue(code, agency.channel(), "LienThong:" + part.name(), payload(d, part, communeResult, now, due));
        }
        timeline.receive(code, ONE_STOP, null, null);
        timeline.handOver(code, SENT_STEP + part.name(), "Chuyển " + agency.label() + ": " + part.label(), ONE_STOP, "motcua",
                null, connected ? "Gửi qua hệ thống liên thông điện tử" : "Chưa kết nối hệ thống của " + agency.label()
                        + ": Bộ phận Một cửa chuyển hồ sơ và ghi nhận kết quả");
        timeline.receive(code, agency.label(), null, null);
        return new Sent(connected, now, request);
    }

    /** The agency's system took the part (the outbox's sender): noted once on its row of the timeline. */
    @Transactional
    public void markDelivered(String code, AgencyPart part, String reference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int first = jdbc.sql("update mc_agency_part set delivered_at = ?, peer_reference = ? "
                        + "where dossier_code = ? and part = ? and delivered_at is null")
                .params(now, reference, code, part.name()).update();
        if (first == 1) {
            dossiers.noteHandover(dossiers.require(code).id(), SENT_STEP + part.name(), part.agency().label()
                    + " đã nhận hồ sơ lúc " + Formats.dateTime(now) + (reference == null ? "" : ", mã tiếp nhận " + reference));
        }
    }

    /**
     * The agency's result of its part, as its event reports it: recorded once, as a row of the
     * timeline from the agency against the part's deadline.
     *
     * @return false, and nothing changes, when the part does not wait for a result
     */
    @Transactional
    public boolean reported(String code, AgencyPart part, boolean done, String resultNumber, String detail, String by) {
        Optional<AgencyPartView> waiting = find(code, part).filter(p -> WAITING.equals(p.state()));
        if (waiting.isEmpty()) return false;
        close(code, part, done, resultNumber, null, detail, by);
        timeline.handOver(code, ANSWER_STEP + part.name(), part.agency().label() + " trả kết quả: " + part.label(),
                part.agency().label(), by, waiting.get().dueAt(), note(done, resultNumber, null, detail));
        timeline.receive(code, ONE_STOP, null, null);
        return true;
    }

    /**
     * The one-stop's record of the agency's result (no connection, or the agency's letter): the
     * task's own row of the timeline carries it.
     *
     * @return false, and nothing changes, when the part does not wait for a result
     */
    @Transactional
    public boolean recorded(String code, AgencyPart part, String step, boolean done, String resultNumber, LocalDate resultDate,
                            String detail, String by) {
        if (find(code, part).filter(p -> WAITING.equals(p.state())).isEmpty()) return false;
        close(code, part, done, resultNumber, resultDate, detail, by);
        dossiers.noteHandover(dossiers.require(code).id(), step, part.agency().label() + ": " + note(done, resultNumber, resultDate, detail));
        timeline.receive(code, ONE_STOP, null, null);
        return true;
    }

    /** When the part went to its agency, if it has. */
    public Optional<OffsetDateTime> sentAt(String code, AgencyPart part) {
        return find(code, part).map(AgencyPartView::sentAt);
    }

    /** The dossier's agency parts, in the order they were sent. */
    public List<AgencyPartView> of(String code) {
        return jdbc.sql("select * from mc_agency_part where dossier_code = ? order by id").param(code).query(this::view).list();
    }

    /** The dossier's part, if it was sent. */
    public Optional<AgencyPartView> find(String code, AgencyPart part) {
        return jdbc.sql("select * from mc_agency_part where dossier_code = ? and part = ?").params(code, part.name())
                .query(this::view).optional();
    }

    private void close(String code, AgencyPart part, boolean done, String resultNumber, LocalDate resultDate, String detail, String by) {
        jdbc.sql("""
                        update mc_agency_part set state = ?, answered_at = ?, result_number = ?, result_date = ?, detail = ?, recorded_by = ?
                        where dossier_code = ? and part = ? and state = ?""")
                .params(done ? DONE : REFUSED, OffsetDateTime.now(clock), done ? resultNumber : null, resultDate,
                        detail == null || detail.isBlank() ? null : detail.strip(), by, code, part.name(), WAITING)
                .update();
    }

    private static String note(boolean done, String resultNumber, LocalDate day, String detail) {
        String when = day == null ? "" : " ngày " + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String more = detail == null || detail.isBlank() ? "" : ". " + detail.strip();
        return done ? "Đã giải quyết, số " + resultNumber + when + more : "Từ chối giải quyết" + when + more;
    }

    /** What the agency receives: the dossier, its citizen, what the commune decided, and where to answer. */
    private Map<String, Object> payload(Dossier d, AgencyPart part, String communeResult, OffsetDateTime sentAt, OffsetDateTime due) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dossierCode", d.code());
        payload.put("agency", part.agency().name());
        payload.put("part", part.name());
        payload.put("partName", part.label());
        if (part.procedureCode() != null) payload.put("partProcedureCode", part.procedureCode());
        payload.put("procedureCode", d.procedureCode());
        payload.put("commune", Map.of("code", d.communeCode(), "name", communeName(d)));
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", d.applicant().fullName());
        applicant.put("idNumber", d.applicant().idNumber());
        applicant.put("phone", d.applicant().phone());
        applicant.put("address", d.applicant().address());
        payload.put("applicant", applicant);
        payload.put("communeResult", communeResult == null ? "" : communeResult);
        payload.put("components", dossiers.components(d.id()).stream().map(SubmissionRequest.Component::name).toList());
        payload.put("sentAt", sentAt.toString());
        if (due != null) payload.put("dueAt", due.toString());
        payload.put("replyTo", notices.publicUrl() + "/api/integrations/agencies/events");
        return payload;
    }

    private String request(Dossier d, AgencyPart part, String communeResult) {
        List<String> lines = new ArrayList<>();
        lines.add("Phần việc: " + part.label() + (part.procedureCode() == null ? "" : " (thủ tục " + part.procedureCode() + ")"));
        lines.add("Hồ sơ " + d.code() + " của " + d.applicant().fullName() + ", " + d.applicant().address());
        if (communeResult != null && !communeResult.isBlank()) {
            lines.add("Kết quả của UBND " + communeName(d) + ": " + communeResult.strip());
        }
        lines.add("Giấy tờ: " + dossiers.components(d.id()).stream().map(SubmissionRequest.Component::name)
                .collect(Collectors.joining("; ")));
        String text = String.join("\n", lines);
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
    }

    private String communeName(Dossier d) {
        return directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(d.communeCode());
    }

    private AgencyPartView view(ResultSet rs, int row) throws SQLException {
        AgencyPart part = AgencyPart.valueOf(rs.getString("part"));
        String state = rs.getString("state");
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        java.sql.Date day = rs.getDate("result_date");
        Timeliness timeliness = due == null ? null : Timeliness.of(answered != null ? answered : OffsetDateTime.now(clock), due);
        return new AgencyPartView(part.name(), part.label(), part.agency().name(), part.agency().label(), state,
                switch (state) {
                    case DONE -> "Đã giải quyết";
                    case REFUSED -> "Từ chối giải quyết";
                    default -> "Đang chờ kết quả";
                },
                rs.getBoolean("connected"), rs.getObject("sent_at", OffsetDateTime.class), due,
                rs.getObject("delivered_at", OffsetDateTime.class), rs.getString("peer_reference"), answered,
                rs.getString("result_number"), day == null ? null : day.toLocalDate(), rs.getString("detail"),
                rs.getString("recorded_by"), timeliness);
    }
}
