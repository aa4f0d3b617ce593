package vn.motcua.organisation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;

/** The Tasklist filters every official works from, and the roles each is granted to. */
enum TasklistFilters {

    /**
     * Where every official lands (the lowest priority opens first): the work waiting for them — the
     * tasks they hold and the unclaimed tasks of their groups. For the one-stop that is intake,
     * supplements, fees and results to return; for a head, assignments, reviews and late-dossier
     * explanations; for a specialist, their appraisals; for the leader, approvals.
     */
    WORK("Việc cần xử lý", "Việc đang chờ tôi: công việc tôi đã nhận và công việc chưa ai nhận của bộ phận tôi, hạn gần nhất trước",
            -20, Set.of(Role.values())) {
        @Override
        TaskQuery query(TaskService tasks) {
            return tasks.createTaskQuery()
                    .or()
                    .taskAssigneeExpression("${currentUser()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .endOr();
        }
    },
    AWAITING_RECEPTION("Hồ sơ chờ tiếp nhận", "Hồ sơ mới nộp và hồ sơ bổ sung chờ kiểm tra, tiếp nhận", -10,
            Set.of(Role.RECEPTION)) {
        @Override
        TaskQuery query(TaskService tasks) {
            return tasks.createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()
                    .taskDefinitionKeyIn(Element.TASK_RECEPTION_CHECK, Element.TASK_RECEIVE_SUPPLEMENT);
        }
    },
    MINE("Hồ sơ của tôi", "Hồ sơ đang giao cho tôi xử lý", -5, Set.of(Role.values())) {
        @Override
        TaskQuery query(TaskService tasks) {
            return tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        }
    },
    DEPARTMENT("Hồ sơ của phòng", "Hồ sơ của bộ phận, phòng ban tôi thuộc về", 0, Set.of(Role.values())) {
        @Override
        TaskQuery query(TaskService tasks) {
            return tasks.createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks();
        }
    },
    DUE_SOON("Sắp đến hạn", "Hồ sơ của bộ phận tôi phải xử lý xong trong vòng một ngày làm việc", -8,
            Set.of(Role.RECEPTION, Role.HEAD, Role.SPECIALIST)) {
        @Override
        TaskQuery query(TaskService tasks) {
            return dueSoon(ofMyGroups(tasks));
        }
    },
    OVERDUE("Quá hạn", "Bước xử lý của bộ phận tôi đã quá hạn, hoặc hồ sơ đã quá ngày hẹn trả", -9,
            Set.of(Role.RECEPTION, Role.HEAD, Role.SPECIALIST)) {
        @Override
        TaskQuery query(TaskService tasks) {
            return overdue(ofMyGroups(tasks));
        }
    },
    /** The leadership oversees the whole commune: every task of it due within a working day, whoever holds it. */
    COMMUNE_DUE_SOON("Sắp đến hạn (toàn xã, phường)", "Mọi hồ sơ của xã, phường phải xử lý xong trong vòng một ngày làm việc",
            -8, Set.of(Role.LEADER)) {
        @Override
        TaskQuery query(TaskService tasks) {
            return dueSoon(tasks.createTaskQuery());
        }
    },
    COMMUNE_OVERDUE("Quá hạn (toàn xã, phường)", "Mọi bước xử lý đã quá hạn và mọi hồ sơ đã quá ngày hẹn trả của xã, phường",
            -9, Set.of(Role.LEADER)) {
        @Override
        TaskQuery query(TaskService tasks) {
            return overdue(tasks.createTaskQuery());
        }
    },
    AWAITING_APPROVAL("Chờ phê duyệt", "Hồ sơ chờ lãnh đạo UBND phê duyệt, ký", 5, Set.of(Role.LEADER)) {
        @Override
        TaskQuery query(TaskService tasks) {
            return tasks.createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()
                    .taskDefinitionKey(Element.TASK_LEADER_APPROVAL);
        }
    };

    private final String title;
    private final String description;
    private final int priority;
    private final Set<Role> roles;

    TasklistFilters(String title, String description, int priority, Set<Role> roles) {
        this.title = title;
        this.description = description;
        this.priority = priority;
        this.roles = roles;
    }

    abstract TaskQuery query(TaskService tasks);

    /**
     * The tasks of the official's groups, whoever holds them. Every official may read every task of their commune
     * (engine.CommuneTaskAuthorizations), so a filter that is not the whole commune's says whose tasks it lists.
     */
    private static TaskQuery ofMyGroups(TaskService tasks) {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private static TaskQuery dueSoon(TaskQuery query) {
        return query.dueAfterExpression("${now()}").dueBeforeExpression("${stepDeadlines.withinOneWorkingDay()}");
    }

    private static TaskQuery overdue(TaskQuery query) {
        return query.or().dueBeforeExpression("${now()}").processVariableValueEquals(Var.DOSSIER_LATE, true).endOr();
    }

    /** The query, soonest due first. */
    TaskQuery orderedQuery(TaskService tasks) {
        return query(tasks).orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    String title() {
        return title;
    }

    Set<Role> roles() {
        return roles;
    }

    Map<String, Object> properties() {
        return Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", Var.DOSSIER_CODE, "label", "Mã hồ sơ"),
                        Map.of("name", Var.PROCEDURE_NAME, "label", "Thủ tục"),
                        Map.of("name", Var.APPLICANT_NAME, "label", "Người nộp")));
    }
}
