package vn.motcua.handover;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.Timeline;
import vn.motcua.engine.DossierEngine;
import vn.motcua.engine.DossierEngine.CommuneFacts;
import vn.motcua.engine.DossierEngine.DepartmentFacts;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.workflow.DossierWorkflow;
import vn.motcua.workflow.Routing;

/**
 * Hands every running dossier of one commune to another (the mid-2025 reorganisation): the
 * dossiers keep their codes, steps, due dates and timers; they change tenant, owner and candidate
 * groups; department work goes to the receiving department's head; each gets a timeline entry.
 */
@Service
public class CommuneHandover {

    private final DossierEngine engine;
    private final DossierWorkflow workflow;
    private final OrgDirectory directory;
    private final Timeline timeline;
    private final Clock clock;

    CommuneHandover(DossierEngine engine, DossierWorkflow workflow, OrgDirectory directory, Timeline timeline, Clock clock) {
        this.engine = engine;
        this.workflow = workflow;
        this.directory = directory;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** @return the codes of the dossiers handed over */
    @Transactional
    public Result handOver(String from, String to, String actor) {
        OrgDirectory.CommuneInfo source = directory.commune(from)
                .orElseThrow(() -> new IllegalArgumentException("Không có xã, phường " + from));
        OrgDirectory.CommuneInfo target = directory.commune(to)
                .orElseThrow(() -> new IllegalArgumentException("Không có xã, phường " + to));
        if (from.equals(to)) {
            throw new IllegalArgumentException("Xã, phường nhận phải khác xã, phường giao");
        }
        CommuneFacts facts = new CommuneFacts(to, target.name(), Role.RECEPTION.groupId(to, null), Role.LEADER.groupId(to, null));
        List<String> codes = new ArrayList<>();
        for (String code : engine.runningDossiers(from)) {
            Optional<DepartmentFacts> department = engine.move(code, from, facts, procedure -> departmentOf(workflow.route(to, procedure)));
            timeline.movedToCommune(code, to, source.name(), target.name(), actor,
                    department.map(DepartmentFacts::headAssignee).orElse(null));
            codes.add(code);
        }
        return new Result(from, to, codes, OffsetDateTime.now(clock));
    }

    private static DepartmentFacts departmentOf(Routing routing) {
        return new DepartmentFacts(routing.departmentName(), routing.headGroup(), routing.headAssignee(),
                routing.specialistGroup(), routing.specialists());
    }

    public record Result(String from, String to, List<String> dossiers, OffsetDateTime at) {
    }
}
