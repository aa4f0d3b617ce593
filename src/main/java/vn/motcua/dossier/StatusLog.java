package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.common.Formats;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.Outbox;

/**
 * The status history of dossiers (the national portal's codes 1–10) and what follows each change:
 * the portal gets the dossier as it now stands, the citizen gets the notice of the event. Both go
 * through the outbox, in order, after commit.
 */
@Service
public class StatusLog {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final Outbox outbox;
    private final CitizenNotices notices;
    private final Payments payments;
    /** The statuses that end processing without a result (index 2.1); the result itself (9) ends it too. */
    private static final java.util.Set<DossierStatus> ENDS = java.util.EnumSet.of(DossierStatus.RETURNED, DossierStatus.STOPPED,
            DossierStatus.NOT_RECEIVED, DossierStatus.WITHDRAWN);

    private final Clock clock;
    private final vn.motcua.calendar.Deadlines deadlines;

    StatusLog(DossierRepository dossiers, ProcedureCatalog catalog, OrgDirectory directory, Outbox outbox,
              CitizenNotices notices, Payments payments, Clock clock, vn.motcua.calendar.Deadlines deadlines) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
        this.outbox = outbox;
        this.notices = notices;
        this.payments = payments;
        this.clock = clock;
    }

    /** Records a status change of a dossier, with the time it happened and who did it. */
    @Transactional
    public void changeStatus(String code, DossierStatus status, String actor, String note) {
        Dossier d = dossiers.require(code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        dossiers.updateStatus(d.id(), status);
        dossiers.insertStatus(d.id(), status, now, actor, note);
        switch (status) {
            case RECEIVED -> dossiers.setTime(d.id(), "accepted_at", now);
            case FINISHED -> dossiers.setTime(d.id(), "finished_at", now);
            case RETURNED -> dossiers.setTime(d.id(), "returned_at", now);
            case SUPPLEMENT_REQUESTED -> dossiers.incrementSupplements(d.id());
            default -> { }
        }
        if (status == DossierStatus.FINISHED) {
            dossiers.ended(d.id(), now, d.acceptedAt() == null ? null
                    : deadlines.time().workingMinutesBetween(d.acceptedAt().toZonedDateTime(), now.toZonedDateTime()));
        } else if (ENDS.contains(status)) {
            dossiers.ended(d.id(), now, null);
        }
        if (ENDS.contains(status)) {
            // the dossier is over: kept as long as its procedure's retention says, like the engine's history of it
            catalog.retention(d.procedureCode()).ifPresent(r -> dossiers.retainUntil(d.id(),
                    OffsetDateTime.ofInstant(r.until(now.toInstant()), now.getOffset())));
        }
        Dossier changed = dossiers.require(code);
        syncToPortal(changed);
        CitizenNotices.Event event = switch (status) {
            case RECEIVED -> CitizenNotices.Event.ACCEPTED;
            case SUPPLEMENT_REQUESTED -> CitizenNotices.Event.SUPPLEMENT;
            case FINISHED -> CitizenNotices.Event.RESULT_READY;
            case RETURNED -> CitizenNotices.Event.DELIVERED;
            case WITHDRAWN -> CitizenNotices.Event.WITHDRAWN;
            case STOPPED -> CitizenNotices.Event.STOPPED;
            default -> null;
        };
        if (event != null) {
            notices.send(changed, procedureName(changed), event, noticeContent(changed, status, note));
        }
    }

    /**
     * The first status of a dossier just registered (status 1), which the portal gets at once. Its
     * record is built from the submission, not read back: in the transaction that creates a dossier,
     * its papers are those submitted, none has a file yet, nothing is paid, there is no result, and
     * its history is this one status. Reading that back cost six queries of an intake's thirty
     * ({@code EveryProcedureEndToEndTest} holds the two equal).
     */
    void registered(String code, SubmissionValidator.ValidSubmission s, OffsetDateTime at, String actor, String note) {
        Dossier d = dossiers.require(code);
        dossiers.insertStatus(d.id(), DossierStatus.NEW, at, actor, note);
        outbox.enqueue(d.code(), Channel.PORTAL, "DongBoHoSoMC", PortalRecord.of(d, s.procedure(), s.commune().name(), s.components(),
                List.of(new StatusChange(DossierStatus.NEW, DossierStatus.NEW.label(), at, actor, note)), false,
                new PortalRecord.Files(notices.publicUrl(), Set.of(), false)));
    }

    /** The portal gets every status as it stands, through the outbox (in order, once, after commit). */
    void syncToPortal(Dossier d) {
        outbox.enqueue(d.code(), Channel.PORTAL, "DongBoHoSoMC", portalRecord(d));
    }

    /** The dossier as the portal gets it, read as it stands. */
    Map<String, Object> portalRecord(Dossier d) {
        String communeName = directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(null);
        return PortalRecord.of(d, catalog.find(d.procedureCode()).orElse(null),
                communeName, dossiers.components(d.id()), dossiers.statusHistory(d.id()), payments.paidOnline(d.code()),
                new PortalRecord.Files(notices.publicUrl(), dossiers.digitizedPapers(d.id()), dossiers.hasResultFile(d.code())));
    }

    /** Tells the citizen by e-mail and SMS, from the event's template. */
    void notice(Dossier d, CitizenNotices.Event event, String content) {
        notices.send(d, procedureName(d), event, content);
    }

    String procedureName(Dossier d) {
        return catalog.find(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode());
    }

    private String noticeContent(Dossier d, DossierStatus status, String note) {
        return switch (status) {
            case SUPPLEMENT_REQUESTED -> note == null ? "" : note.replaceFirst("^Yêu cầu bổ sung, hoàn thiện hồ sơ: ", "");
            case FINISHED -> switch (d.returnMethod()) {
                case COUNTER -> "Mời anh/chị đến Bộ phận Một cửa nhận kết quả từ " + Formats.dateTime(d.finishedAt()) + ".";
                case POST -> "Kết quả sẽ được gửi qua bưu chính công ích.";
                case ONLINE -> "Tải kết quả điện tử tại: " + notices.publicUrl() + "/api/public/dossiers/" + d.code()
                        + "/result?secret=" + d.lookupSecret();
            };
            case RETURNED -> note == null ? d.returnMethod().label() : note;
            case WITHDRAWN -> note == null ? "" : note.replaceFirst("^Công dân yêu cầu rút hồ sơ: ", "");
            case STOPPED -> note == null ? "" : note.replaceFirst("^Dừng giải quyết hồ sơ: ", "");
            default -> note;
        };
    }
}
