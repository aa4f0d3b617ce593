package vn.motcua.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.motcua.http.Problem;
import vn.motcua.http.Problem.FieldProblem;
import vn.motcua.process.DossierProcess.Block;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.ProcessContract;
import vn.motcua.process.Variable;
import vn.motcua.security.EngineApiGuard.Official;

/**
 * What a write to Camunda's REST API may carry, decided for one request. Reads never come here;
 * queries sent as POST are reads.
 */
final class EngineWriteRules {

    /** Query resources whose POST is a query ({@code /x} and {@code /x/count}). */
    private static final Set<String> QUERIES = Set.of("task", "process-instance", "execution", "variable-instance",
            "incident", "job", "process-definition", "deployment", "external-task", "authorization", "tenant", "user", "group");
    /** History query resources ({@code /history/x} and {@code /history/x/count}). */
    private static final Set<String> HISTORY_QUERIES = Set.of("task", "process-instance", "activity-instance",
            "variable-instance", "detail", "user-operation", "identity-link-log", "incident", "job-log",
            "external-task-log", "decision-instance", "process-definition", "batch");
    /** Body members that carry variables in Camunda's REST API, wherever they appear. */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "processVariables", "processVariablesLocal",
            "localVariables", "modifications");

    private final Official caller;
    private final EngineRequest request;
    private final JsonNode body;
    private final TaskFacts tasks;
    /** The facts of the task the request names, read once. */
    private Optional<TaskFacts.Facts> facts;

    EngineWriteRules(Official caller, EngineRequest request, JsonNode body, TaskFacts tasks) {
        this.caller = caller;
        this.request = request;
        this.body = body;
        this.tasks = tasks;
    }

    Optional<Problem> decide() {
        String resource = request.segment(0);
        if (resource == null) return adminOnly();
        if (isQuery()) return ok();
        return switch (resource) {
            case "task" -> task();
            case "filter" -> request.is("POST", "filter", "*", "list") || request.is("POST", "filter", "*", "count")
                    || request.is("POST", "filter", "*", "singleResult") ? ok() : adminOnly();
            // an official changes their own password; names and e-mail come from the province's HR list
            case "user" -> request.is("PUT", "user", "*", "credentials")
                    && caller.userId().equals(request.segment(1)) ? ok() : adminOnly();
            case "identity" -> request.is("POST", "identity", "password-policy") ? ok() : adminOnly();
            // Camunda 7.24 loses a task's timeout timers when it migrates through this route (camunda-bpm-platform#4637)
            case "migration" -> Optional.of(Problem.forbidden(
                    "Chuyển hồ sơ đang chạy sang phiên bản mới qua API quản trị của motcua (POST /api/admin/migrations)"));
            case "process-definition" -> startsInstance() ? start() : adminOnly();
            default -> adminOnly();
        };
    }

    private boolean isQuery() {
        if (!request.getMethod().equalsIgnoreCase("POST")) return false;
        String resource = request.segment(0);
        if (request.size() == 1 || (request.size() == 2 && "count".equals(request.segment(1)))) {
            return QUERIES.contains(resource);
        }
        if ("history".equals(resource)) {
            return HISTORY_QUERIES.contains(request.segment(1))
                    && (request.size() == 2 || (request.size() == 3 && "count".equals(request.segment(2))));
        }
        return false;
    }

    private boolean startsInstance() {
        String last = request.segment(request.size() - 1);
        return "start".equals(last) || "submit-form".equals(last);
    }

    /**
     * Starting a process: only the counter intake ("Tiếp nhận hồ sơ", Tasklist's start form), only by
     * a commune's one-stop, only through its form (submit-form) with the form's variables. Every
     * other start is refused: a dossier comes in through POST /api/dossiers or the intake.
     */
    private Optional<Problem> start() {
        boolean byKey = "key".equals(request.segment(1));
        String key = byKey ? request.segment(2) : tasks.definitionKey(request.segment(1)).orElse(null);
        boolean submitForm = "submit-form".equals(request.segment(request.size() - 1));
        boolean plainPath = request.size() == (byKey ? 4 : 3);
        if (!Block.COUNTER_INTAKE.equals(key) || !submitForm || !plainPath) {
            return Optional.of(Problem.forbidden("Hồ sơ chỉ được tạo qua API hồ sơ của motcua (POST /api/dossiers) "
                    + "hoặc biểu mẫu «Tiếp nhận hồ sơ» của Bộ phận Một cửa"));
        }
        if (caller.groups().stream().noneMatch(g -> g.endsWith(":" + vn.motcua.organisation.Role.RECEPTION.slug()))) {
            return Optional.of(Problem.forbidden("Chỉ Bộ phận Một cửa tiếp nhận hồ sơ tại quầy"));
        }
        Optional<Problem> shape = onlyMembers(Set.of("variables"));
        if (shape.isPresent()) return shape;
        JsonNode variables = body == null ? null : body.get("variables");
        if (variables == null || !variables.isObject()) {
            return Optional.of(Problem.badRequest("variables", "thiếu thông tin hồ sơ"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Optional<Variable<?>> declared = ProcessContract.find(entry.getKey());
            if (declared.isEmpty() || !declared.get().writableBy(Element.START_COUNTER_INTAKE)) {
                problems.add(new FieldProblem(entry.getKey().isBlank() ? "variables" : entry.getKey(),
                        "không thuộc biểu mẫu tiếp nhận hồ sơ"));
            } else {
                value(declared.get(), entry.getKey(), entry.getValue(), null, problems);
            }
        }
        return problems.isEmpty() ? ok() : Optional.of(Problem.badRequest(problems));
    }

    private Optional<Problem> task() {
        String taskId = request.segment(1);
        if (request.is("POST", "task", "*", "claim") || request.is("POST", "task", "*", "assignee")) {
            JsonNode user = body == null ? null : body.get("userId");
            boolean self = user != null && user.isTextual() && caller.userId().equals(user.textValue());
            boolean release = request.segment(2).equals("assignee") && (user == null || user.isNull());
            if (caller.isAdmin()) return ok();
            if (!self && !release) {
                return Optional.of(Problem.forbidden("Cán bộ chỉ nhận việc cho chính mình; việc giao cho người khác do lãnh đạo phân công trên biểu mẫu"));
            }
            return notTheirs(taskId);
        }
        if (request.is("POST", "task", "*", "unclaim")) return notTheirs(taskId);
        if (request.is("POST", "task", "*", "complete") || request.is("POST", "task", "*", "submit-form")) {
            Optional<Problem> shape = onlyMembers(Set.of("variables", "withVariablesInReturn"));
            if (shape.isPresent()) return shape;
            Optional<Problem> theirs = notTheirs(taskId);
            return theirs.isPresent() ? theirs : variables(taskId, body == null ? null : body.get("variables"), "variables");
        }
        if (request.is("POST", "task", "*", "variables") || request.is("POST", "task", "*", "localVariables")) {
            Optional<Problem> shape = onlyMembers(Set.of("modifications", "deletions"));
            if (shape.isPresent()) return shape;
            JsonNode deletions = body == null ? null : body.get("deletions");
            if (deletions != null && !deletions.isNull() && !(deletions.isArray() && deletions.isEmpty())) {
                return Optional.of(Problem.badRequest("deletions", "không được xóa biến của hồ sơ"));
            }
            Optional<Problem> theirs = notTheirs(taskId);
            return theirs.isPresent() ? theirs : variables(taskId, body == null ? null : body.get("modifications"), "modifications");
        }
        if (request.is("PUT", "task", "*", "variables", "*") || request.is("PUT", "task", "*", "localVariables", "*")) {
            if (body == null) return Optional.of(Problem.badRequest("body", "thiếu giá trị {\"value\": …}"));
            Optional<Problem> theirs = notTheirs(taskId);
            return theirs.isPresent() ? theirs : variables(taskId, wrap(request.segment(3), body), "");
        }
        if (request.is("DELETE", "task", "*", "variables", "*") || request.is("DELETE", "task", "*", "localVariables", "*")
                || request.is("POST", "task", "*", "variables", "*", "data")
                || request.is("POST", "task", "*", "localVariables", "*", "data")) {
            return Optional.of(Problem.badRequest(request.segment(3), "không được xóa hoặc tải tệp vào biến của hồ sơ"));
        }
        if (request.is("POST", "task", "*", "comment", "create")) {
            Optional<Problem> shape = onlyMembers(Set.of("message", "processInstanceId"));
            if (shape.isPresent()) return shape;
            JsonNode message = body == null ? null : body.get("message");
            if (message == null || !message.isTextual() || message.textValue().isBlank()) {
                return Optional.of(Problem.badRequest("message", "nội dung ý kiến là bắt buộc"));
            }
            if (message.textValue().length() > EngineApiGuard.MAX_COMMENT) {
                return Optional.of(Problem.badRequest("message", "tối đa " + EngineApiGuard.MAX_COMMENT + " ký tự"));
            }
            return notTheirs(taskId);
        }
        return adminOnly();
    }

    /**
     * Who acts on a task: its assignee, its candidate users and the members of its candidate groups, and the province
     * admin. Camunda's own grant lets every official of the commune work on its tasks (engine.CommuneTaskAuthorizations
     * writes no authorization per task), so this is the check that keeps each role to its own steps. A task that does
     * not exist is Camunda's to answer (404).
     */
    private Optional<Problem> notTheirs(String taskId) {
        if (caller.isAdmin()) return ok();
        Optional<TaskFacts.Facts> facts = facts(taskId);
        if (facts.isEmpty() || facts.get().isFor(caller.userId(), caller.groups())) return ok();
        return Optional.of(Problem.forbidden("Việc này không giao cho anh/chị hoặc bộ phận của anh/chị: chỉ người được giao "
                + "hoặc cán bộ của bộ phận được giao mới được nhận, trả lại, xử lý hoặc cho ý kiến"));
    }

    private Optional<TaskFacts.Facts> facts(String taskId) {
        if (facts == null) facts = tasks.of(taskId);
        return facts;
    }

    /** The variables a task's client sends, held to what the task's form declares. */
    private Optional<Problem> variables(String taskId, JsonNode variables, String prefix) {
        if (variables == null || variables.isNull()) return ok();
        if (!variables.isObject()) {
            return Optional.of(Problem.badRequest(prefix.isEmpty() ? "body" : prefix, "phải là đối tượng {tên: {value, type}}"));
        }
        Optional<TaskFacts.Facts> facts = facts(taskId);
        boolean theirs = facts.isPresent() && (caller.isAdmin() || facts.get().isFor(caller.userId(), caller.groups()));
        List<FieldProblem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Optional<Variable<?>> declared = ProcessContract.find(name);
            if (name.isBlank()) {
                problems.add(new FieldProblem(prefix.isEmpty() ? "variables" : prefix, "tên biến không được để trống"));
            } else if (declared.isEmpty()) {
                problems.add(new FieldProblem(name, "không có trong hợp đồng quy trình"));
            } else if (theirs && !declared.get().writableBy(facts.get().taskDefinitionKey())) {
                problems.add(new FieldProblem(name, declared.get().writers().isEmpty()
                        ? "do hệ thống quản lý, cán bộ không được ghi"
                        : "không thuộc biểu mẫu của bước này"));
            } else {
                value(declared.get(), name, entry.getValue(), theirs ? facts.get().optionsFor(declared.get()) : null, problems);
            }
        }
        // a malformed value is refused whoever sends it; the rest of another's task is Camunda's to answer (403 or 404)
        return problems.isEmpty() ? ok() : Optional.of(Problem.badRequest(problems));
    }

    /** A write that only the province admin may make; their variables are held to the contract. */
    private Optional<Problem> adminOnly() {
        if (!caller.isAdmin()) {
            return Optional.of(Problem.forbidden("Cán bộ không được thực hiện thao tác này qua API: "
                    + request.getMethod() + " /" + String.join("/", request.segments())));
        }
        if (body == null) return ok();
        List<FieldProblem> problems = new ArrayList<>();
        adminVariables(body, problems);
        return problems.isEmpty() ? ok() : Optional.of(Problem.badRequest(problems));
    }

    private static void adminVariables(JsonNode node, List<FieldProblem> problems) {
        if (node.isArray()) {
            node.forEach(n -> adminVariables(n, problems));
            return;
        }
        if (!node.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (VARIABLE_MAPS.contains(e.getKey()) && e.getValue().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> vars = e.getValue().fields(); vars.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = vars.next();
                    Optional<Variable<?>> declared = ProcessContract.find(v.getKey());
                    if (declared.isEmpty()) {
                        problems.add(new FieldProblem(v.getKey(), "không có trong hợp đồng quy trình"));
                    } else {
                        value(declared.get(), v.getKey(), v.getValue(), null, problems);
                    }
                }
            } else {
                adminVariables(e.getValue(), problems);
            }
        }
    }

    /** One {@code {value, type, valueInfo}} of Camunda's REST API against its declaration. */
    private static void value(Variable<?> variable, String name, JsonNode dto, Set<String> options, List<FieldProblem> problems) {
        if (dto == null || !dto.isObject()) {
            problems.add(new FieldProblem(name, "phải là đối tượng {\"value\": …}"));
            return;
        }
        for (Iterator<String> it = dto.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!Set.of("value", "type", "valueInfo").contains(member)) {
                problems.add(new FieldProblem(name, "trường không được nhận: " + member));
                return;
            }
        }
        JsonNode type = dto.get("type");
        if (type != null && !type.isNull() && !type.isTextual()) {
            problems.add(new FieldProblem(name, "type phải là chuỗi"));
            return;
        }
        JsonNode info = dto.get("valueInfo");
        if (info != null && !info.isNull() && !(info.isObject() && info.isEmpty())) {
            problems.add(new FieldProblem(name, "valueInfo không được nhận cho biến này"));
            return;
        }
        Object value;
        JsonNode v = dto.get("value");
        if (v == null || v.isNull()) {
            value = null;
        } else if (v.isTextual()) {
            value = v.textValue();
        } else if (v.isBoolean()) {
            value = v.booleanValue();
        } else if (v.isIntegralNumber()) {
            BigInteger big = v.bigIntegerValue();
            if (big.bitLength() > 63) {
                problems.add(new FieldProblem(name, "số quá lớn"));
                return;
            }
            value = big.longValue();
        } else if (v.isNumber()) {
            problems.add(new FieldProblem(name, "phải là số nguyên"));
            return;
        } else {
            problems.add(new FieldProblem(name, "phải là một giá trị đơn (chuỗi, số hoặc true/false)"));
            return;
        }
        for (String reason : variable.check(value, type == null || type.isNull() ? null : type.textValue(), options)) {
            problems.add(new FieldProblem(name, reason));
        }
    }

    /** Refuses members Camunda would ignore or misread for this call. */
    private Optional<Problem> onlyMembers(Set<String> allowed) {
        if (body == null) return ok();
        if (!body.isObject()) return Optional.of(Problem.badRequest("body", "phải là một đối tượng JSON"));
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!allowed.contains(member)) {
                return Optional.of(Problem.badRequest(member, "trường không được nhận ở thao tác này"));
            }
        }
        return ok();
    }

    private static JsonNode wrap(String name, JsonNode dto) {
        com.fasterxml.jackson.databind.node.ObjectNode one = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        one.set(name, dto);
        return one;
    }

    private static Optional<Problem> ok() {
        return Optional.empty();
    }
}
