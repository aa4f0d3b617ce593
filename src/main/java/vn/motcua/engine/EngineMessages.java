package vn.motcua.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's English refusals, said in Vietnamese: Tasklist shows an error's {@code message} to
 * the official as it is, so "Task 'c456…' is already claimed by someone else" becomes "Công việc
 * này đã có người khác nhận xử lý". Every message a client can cause through Tasklist or the REST
 * API is covered by a pattern; what no pattern knows gets a Vietnamese sentence for its kind
 * (not found, invalid request), never the English text.
 */
final class EngineMessages {

    private record Rule(Pattern english, String vietnamese) {
    }

    private static final List<Rule> RULES = List.of(
            rule("is already claimed by someone else|Cannot claim task .* already claimed",
                    "Công việc này đã có người khác nhận xử lý; hãy tải lại danh sách công việc"),
            rule("Cannot find task with id|task is null|No task found|Task with id .* does not exist",
                    "Không tìm thấy công việc này: có thể đã được hoàn thành, hoặc hồ sơ đã kết thúc hay được rút"),
            rule("process instance .*(does not exist|is null)|Cannot find process instance|No process instance found",
                    "Không tìm thấy hồ sơ đang xử lý: có thể hồ sơ đã kết thúc hoặc đã được rút"),
            rule("process definition .*(does not exist|is null|not found)|no deployed process definition found|No matching process definition",
                    "Không tìm thấy quy trình"),
            rule("Filter with id .* does not exist|filter is null|No filter found",
                    "Không tìm thấy bộ lọc công việc"),
            rule("User with id .* does not exist|user is null|No user found|Cannot find user",
                    "Không tìm thấy người dùng"),
            rule("Group with id .* does not exist|No group found",
                    "Không tìm thấy nhóm người dùng"),
            rule("Tenant with id .* does not exist|No tenant found",
                    "Không tìm thấy đơn vị (tenant)"),
            rule("execution .*(does not exist|is null)|Cannot find execution",
                    "Không tìm thấy bước xử lý của hồ sơ: có thể hồ sơ đã chuyển bước"),
            rule("variable .*(does not exist|not found)|Cannot find variable",
                    "Không tìm thấy biến dữ liệu yêu cầu"),
            rule("comment .*(does not exist|is null)",
                    "Không tìm thấy ý kiến"),
            rule("Cannot (complete|submit form|resolve|delegate|claim|set|update|save) .*suspended|is suspended",
                    "Hồ sơ đang tạm dừng xử lý; không thực hiện được thao tác này"),
            rule("Form .*(does not exist|not found|is null)|No Camunda Form",
                    "Không tìm thấy biểu mẫu của công việc"),
            rule("Cannot parse|could not be parsed|Cannot convert value|Invalid date|Cannot deserialize|is not a valid",
                    "Giá trị gửi lên không đúng định dạng"),
            rule("Only (one|a single) of .* can be set|are mutually exclusive|must not be set together",
                    "Các tham số gửi lên loại trừ nhau"),
            rule("sort(ing)? .*(not valid|invalid|must be)|sortBy|sortOrder",
                    "Cách sắp xếp không hợp lệ"));

    private EngineMessages() {
    }

    private static Rule rule(String english, String vietnamese) {
        return new Rule(Pattern.compile(english, Pattern.CASE_INSENSITIVE), vietnamese);
    }

    /** The Vietnamese for an engine message, if a rule knows it. */
    static String known(String english) {
        if (english == null) return null;
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(english);
            if (m.find()) return rule.vietnamese();
        }
        return null;
    }

    /** The Vietnamese for an engine message, or the kind's sentence (naming the field when the engine does). */
    static String vietnamese(String english, int status, String field) {
        String known = known(english);
        if (known != null) return known;
        return switch (status) {
            case 404 -> "Không tìm thấy đối tượng yêu cầu";
            case 409 -> "Xung đột: dữ liệu vừa được người khác thay đổi; vui lòng tải lại và thử lại";
            case 403 -> "Không có quyền thực hiện thao tác này";
            default -> "request".equals(field) || field == null
                    ? "Yêu cầu không hợp lệ"
                    : "Giá trị của '" + field + "' không hợp lệ";
        };
    }
}
