package vn.motcua.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Submission bodies with real Vietnamese data, each with the papers the catalog requires of its procedure. */
public final class Submissions {

    private Submissions() {
    }

    /** A birth registration in Phường Tân Giang, returned as asked, with its three required papers. */
    public static Map<String, Object> birthRegistration(String commune, String returnMethod) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("fullName", "Nguyễn Thị Hồng Nhung");
        applicant.put("idNumber", "001190012345");
        applicant.put("phone", "0912345678");
        applicant.put("email", "nhung@example.vn");
        applicant.put("address", "Tổ 5, phường Tân Giang, tỉnh Cao Bằng");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", "1.001193");
        body.put("communeCode", commune);
        body.put("channel", "COUNTER");
        body.put("returnMethod", returnMethod);
        body.put("applicant", applicant);
        body.put("eventDate", daysAgo(5));
        body.put("components", List.of(
                Map.of("name", "Tờ khai đăng ký khai sinh", "copies", 1),
                Map.of("name", "Giấy chứng sinh hoặc giấy tờ thay thế", "copies", 1),
                Map.of("name", "Giấy tờ tùy thân của người đi đăng ký", "copies", 1)));
        return body;
    }

    /** A request for a certificate of marital status (1.004873, a fee of 5.000 đồng) by the same citizen. */
    public static Map<String, Object> marriageStatus(String commune, String returnMethod) {
        Map<String, Object> body = birthRegistration(commune, returnMethod);
        body.put("procedureCode", "1.004873");
        body.remove("eventDate");
        body.put("components", List.of(Map.of("name", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "copies", 1)));
        return body;
    }

    /** A day before the engine's today (the service's clock, which tests move), as yyyy-MM-dd. */
    public static String daysAgo(int days) {
        return java.time.LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(days).toString();
    }

    /** A submission of the demo catalog's procedure: 1.001193 (birth) or 1.004873 (marital status). */
    public static Map<String, Object> of(String procedureCode, String commune, String returnMethod) {
        return switch (procedureCode) {
            case "1.001193" -> birthRegistration(commune, returnMethod);
            case "1.004873" -> marriageStatus(commune, returnMethod);
            default -> throw new IllegalArgumentException("No submission for procedure " + procedureCode);
        };
    }
}
