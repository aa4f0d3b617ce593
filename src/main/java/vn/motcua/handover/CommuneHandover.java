package vn.motcua.handover;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DossierService;
import vn.motcua.engine.TenantTransfer;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.process.DossierProcess.Var;
import vn.motcua.workflow.DossierWorkflow;
import vn.motcua.workflow.Routing;

/**
 * Hands every running dossier of one commune to another (the mid-2025 reorganisation): the
 * dossiers keep their codes, steps, due dates and timers; they change tenant, owner and candidate
 * groups; department work goes to the receiving department's head; each gets a timeline entry.
 */
@Service
public class CommuneHandover {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TenantTransfer transfer;
    private final DossierWorkflow workflow;
    private final OrgDirectory directory;
    private final DossierService dossiers;
    private final JdbcClient jdbc;
    private final Clock clock;

    CommuneHandover(RuntimeService runtime, TaskService tasks, TenantTransfer transfer, DossierWorkflow workflow,
                    OrgDirectory directory, DossierService dossiers, JdbcClient jdbc, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.transfer = transfer;
        this.workflow = workflow;
        this.directory = directory;
        this.dossiers = dossiers;
        this.jdbc = jdbc;
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
        // a dossier is its procedure's instance and the instances of the blocks it is in: all move, the dossier once
        Map<String, List<ProcessInstance>> byDossier = new java.util.LinkedHashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().tenantIdIn(from).active().list()) {
            byDossier.computeIfAbsent(instance.getBusinessKey(), k -> new ArrayList<>()).add(instance);
        }
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, List<ProcessInstance>> dossier : byDossier.entrySet()) {
            String code = dossier.getKey();
            Routing routing = null;
            for (ProcessInstance instance : dossier.getValue()) {
                Routing moved = move(instance, from, to, target);
                routing = moved != null ? moved : routing;
            }
            jdbc.sql("update mc_dossier set commune_code = ? where code = ?").params(to, code).update();
            dossiers.handOver(code, "HANDOVER", "Bàn giao hồ sơ do sắp xếp đơn vị hành chính", source.name(), actor, null,
                    "Chuyển từ " + source.name() + " sang " + target.name());
            dossiers.receive(code, target.name(), routing == null ? null : routing.headAssignee(), null);
            codes.add(code);
        }
        return new Result(from, to, codes, OffsetDateTime.now(clock));
    }

    /** One process instance of the dossier: its tenant, its routing facts and its open tasks; the routing if it has one. */
    private Routing move(ProcessInstance instance, String from, String to, OrgDirectory.CommuneInfo target) {
        transfer.move(instance.getId(), to);
        Map<String, Object> vars = runtime.getVariables(instance.getId());
        Routing routing = vars.get(Var.HEAD_GROUP) == null ? null
                : workflow.route(to, (String) vars.get(Var.PROCEDURE_CODE));
        Map<String, Object> update = new java.util.HashMap<>();
        update.put(Var.COMMUNE_CODE, to);
        update.put(Var.COMMUNE_NAME, target.name());
        update.put(Var.RECEPTION_GROUP, Role.RECEPTION.groupId(to, null));
        update.put(Var.LEADER_GROUP, Role.LEADER.groupId(to, null));
        if (routing != null) {
            update.put(Var.DEPARTMENT_NAME, routing.departmentName());
            update.put(Var.HEAD_GROUP, routing.headGroup());
            update.put(Var.HEAD_ASSIGNEE, routing.headAssignee());
            update.put(Var.SPECIALIST_GROUP, routing.specialistGroup());
            update.put(Var.SPECIALIST_OPTIONS, Variables.objectValue(routing.specialists())
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            update.put(Var.SPECIALIST_ID, null);
        }
        runtime.setVariables(instance.getId(), update);
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
            String unit = null;
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && link.getGroupId().startsWith(from + ":")) {
                    String moved = to + link.getGroupId().substring(from.length());
                    tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
                    tasks.addCandidateGroup(task.getId(), moved);
                    unit = moved;
                }
            }
            boolean headWork = routing != null && unit != null && unit.equals(routing.headGroup());
            tasks.setAssignee(task.getId(), headWork ? routing.headAssignee() : null);
        }
        return routing;
    }

    public record Result(String from, String to, List<String> dossiers, OffsetDateTime at) {
    }
}
