package vn.motcua.dossier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.engine.DossierEngine;
import vn.motcua.organisation.Role;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Scopes;

/**
 * The citizen withdraws the dossier (status 7), by a written request at the counter (the commune's
 * one-stop records it) or on the portal (a client with the submit scope): allowed until the
 * result is returned. Its process ends at once — open tasks, timers and waits with it — and the
 * status history, the timeline and the portal say who and why.
 */
@Service
public class Withdrawal {

    private final DossierRepository dossiers;
    private final DossierEngine engine;
    private final StatusLog statusLog;
    private final Timeline timeline;
    private final Dossiers views;
    private final AuditLog audit;

    Withdrawal(DossierRepository dossiers, DossierEngine engine, StatusLog statusLog, Timeline timeline, Dossiers views,
               AuditLog audit) {
        this.dossiers = dossiers;
        this.engine = engine;
        this.statusLog = statusLog;
        this.timeline = timeline;
        this.views = views;
        this.audit = audit;
    }

    @Transactional
    public DossierView withdraw(String code, String reason, Caller caller) {
        Dossier d = dossiers.require(code);
        if (!(caller.isAdmin() || caller.hasScope(Scopes.SUBMIT_DOSSIERS) || caller.hasRole(d.communeCode(), Role.RECEPTION))) {
            if (caller.isOfficialOf(d.communeCode())) {
                throw new AccessDenied("Chỉ Bộ phận Một cửa ghi nhận yêu cầu rút hồ sơ của công dân");
            }
            throw new DossierNotFoundException(code);
        }
        if (d.status() == DossierStatus.RETURNED) {
            throw new DossierStateConflict("Hồ sơ " + code + " đã trả kết quả; không thể rút hồ sơ");
        }
        if (d.status() == DossierStatus.WITHDRAWN || d.status() == DossierStatus.STOPPED || d.status() == DossierStatus.NOT_RECEIVED) {
            throw new DossierStateConflict("Hồ sơ " + code + " đã kết thúc (" + d.status().label() + ")");
        }
        String why = "Công dân yêu cầu rút hồ sơ: " + reason;
        engine.end(code, why);
        String actor = caller.name();
        statusLog.changeStatus(code, DossierStatus.WITHDRAWN, actor, why);
        timeline.handOver(code, "WITHDRAWN", "Rút hồ sơ", caller instanceof Caller.Client ? "Cổng Dịch vụ công" : "Bộ phận Một cửa",
                actor, null, why);
        audit.record(code, actor, "WITHDRAW", reason);
        return views.get(code);
    }
}
