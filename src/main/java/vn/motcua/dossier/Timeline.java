package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a dossier: each handover from one unit to the next with its step's due date (the rows
 * of the process-control slip, Mẫu 05), the department in charge, and the commune when a handover
 * of communes moves it.
 */
@Service
public class Timeline {

    private final DossierRepository dossiers;
    private final Clock clock;

    Timeline(DossierRepository dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** The giver hands the dossier over at the end of a step; the receiver is named when known. */
    @Transactional
    public void handOver(String code, String step, String stepName, String fromUnit, String fromUser,
                         OffsetDateTime dueAt, String note) {
        Dossier d = dossiers.require(code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String timeliness = dueAt == null ? null : Timeliness.of(now, dueAt).name();
        dossiers.insertHandover(d.id(), step, stepName, fromUnit, fromUser, now, dueAt, timeliness, note);
    }

    /** The next holder of the dossier: a unit, and the official if one is already assigned. */
    @Transactional
    public void receive(String code, String toUnit, String toUser, String toTaskId) {
        Dossier d = dossiers.require(code);
        dossiers.receivePending(d.id(), toUnit, toUser, toTaskId, toUser == null ? null : OffsetDateTime.now(clock));
    }

    /** An official claimed the task a handover led to. */
    @Transactional
    public void receivedBy(String taskId, String userId) {
        dossiers.receivedBy(taskId, userId, OffsetDateTime.now(clock));
    }

    /** The competent department the dossier was transferred to. */
    @Transactional
    public void assignDepartment(String code, String department) {
        dossiers.setDepartment(dossiers.require(code).id(), department);
    }

    /**
     * The dossier belongs to another commune now (a merger of communes): the one that gave it hands
     * it over, the one that takes it receives it, its head named when the dossier is at a department.
     */
    @Transactional
    public void movedToCommune(String code, String toCommune, String fromName, String toName, String actor, String receiver) {
        dossiers.setCommune(dossiers.require(code).id(), toCommune);
        handOver(code, "HANDOVER", "Bàn giao hồ sơ do sắp xếp đơn vị hành chính", fromName, actor, null,
                "Chuyển từ " + fromName + " sang " + toName);
        receive(code, toName, receiver, null);
    }
}
