package vn.motcua.workflow;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;

/** The routing decisions of the procedures, tested without an engine. */
@Service
public class DossierWorkflow {

    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;

    DossierWorkflow(ProcedureCatalog catalog, OrgDirectory directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    /**
     * Resolves the competent department of the commune from the org chart as provisioned.
     *
     * @throws RoutingException when the commune lacks the department or its officials
     */
    public Routing route(String communeCode, String procedureCode) {
        Procedure procedure = catalog.find(procedureCode)
                .orElseThrow(() -> new RoutingException("Thủ tục " + procedureCode + " không có trong danh mục"));
        String department = procedure.department();
        String departmentName = directory.departmentName(communeCode, department)
                .orElseThrow(() -> new RoutingException("Xã, phường " + communeCode + " chưa có phòng " + department
                        + " để giải quyết thủ tục " + procedureCode));
        String headGroup = Role.HEAD.groupId(communeCode, department);
        List<OrgDirectory.Person> heads = directory.members(headGroup);
        if (heads.isEmpty()) {
            throw new RoutingException(departmentName + " của " + communeCode + " chưa có trưởng phòng");
        }
        String specialistGroup = Role.SPECIALIST.groupId(communeCode, department);
        List<Routing.Option> specialists = directory.members(specialistGroup).stream()
                .map(p -> new Routing.Option(p.fullName(), p.id()))
                .toList();
        if (specialists.isEmpty()) {
            throw new RoutingException(departmentName + " của " + communeCode + " chưa có công chức thụ lý");
        }
        return new Routing(department, departmentName, headGroup, heads.size() == 1 ? heads.get(0).id() : null,
                specialistGroup, specialists);
    }

    /** A head may hand a dossier only to a specialist of the same department. */
    public boolean isSpecialistOf(String userId, String specialistGroup) {
        return directory.isMember(userId, specialistGroup);
    }

    public static class RoutingException extends RuntimeException {
        public RoutingException(String message) {
            super(message);
        }
    }
}
