package vn.motcua.catalog;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.process.DossierProcess.Var;

/**
 * The counter intake's start form ({@code forms/tiep-nhan-tai-quay.form}), made from the catalog:
 * the procedure (a searchable select of every procedure, "code — name"), the applicant, the return
 * method, and the chosen procedure's papers as a checklist ("(bắt buộc)" on the required ones),
 * whose options a FEEL expression picks by procedure. Tasklist gives a start form no variables, so
 * the catalog is written into the form; {@link CatalogConsistency} refuses to start with a form that
 * no longer matches the catalog, and {@code CounterIntakeFormTest} rewrites it on request.
 */
public final class CounterIntakeForm {

    public static final String FORM_ID = "Form_CounterIntake";
    public static final String FILE = "tiep-nhan-tai-quay.form";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CounterIntakeForm() {
    }

    /** The form as the catalog makes it. */
    public static ObjectNode of(ProcedureCatalog catalog) {
        ObjectNode form = JSON.createObjectNode();
        ArrayNode components = form.putArray("components");
        text(components, "Text_Header", "## Tiếp nhận hồ sơ tại Bộ phận Một cửa\n\nHồ sơ được đăng ký cho xã, phường của bạn, "
                + "kênh nộp trực tiếp. Giấy tờ bắt buộc phải được đánh dấu đã nhận.");
        ObjectNode procedure = field(components, "select", Var.INTAKE_PROCEDURE, "Thủ tục hành chính", "Field_Procedure");
        procedure.put("searchable", true);
        procedure.put("description", "Gõ tên hoặc mã thủ tục để tìm");
        procedure.putObject("validate").put("required", true);
        ArrayNode values = procedure.putArray("values");
        StringBuilder papers = new StringBuilder("=get value({");
        boolean first = true;
        for (Procedure p : catalog.all().stream().sorted(java.util.Comparator.comparing(Procedure::code)).toList()) {
            values.addObject().put("label", p.code() + " — " + p.name()).put("value", p.code());
            papers.append(first ? "" : ", ").append(feel(p.code())).append(": [");
            first = false;
            boolean firstPaper = true;
            for (Procedure.Component c : p.components()) {
                papers.append(firstPaper ? "" : ", ").append("{label: ")
                        .append(feel(c.name() + (c.required() ? " (bắt buộc)" : ""))).append(", value: ").append(feel(c.name())).append("}");
                firstPaper = false;
            }
            papers.append("]");
        }
        papers.append("}, ").append(Var.INTAKE_PROCEDURE).append(")");
        ObjectNode name = field(components, "textfield", Var.INTAKE_APPLICANT_NAME, "Họ và tên người nộp hồ sơ", "Field_Name");
        name.putObject("validate").put("required", true).put("maxLength", 200);
        ObjectNode id = field(components, "textfield", Var.INTAKE_ID_NUMBER, "Số định danh cá nhân / CCCD", "Field_IdNumber");
        id.put("description", "12 chữ số (hoặc 9 chữ số của chứng minh nhân dân cũ)");
        id.putObject("validate").put("required", true).put("pattern", "^([0-9]{9}|[0-9]{12})$");
        ObjectNode phone = field(components, "textfield", Var.INTAKE_PHONE, "Số điện thoại", "Field_Phone");
        phone.putObject("validate").put("required", true).put("pattern", "^0[0-9]{9,10}$");
        ObjectNode email = field(components, "textfield", Var.INTAKE_EMAIL, "Thư điện tử (nếu có)", "Field_Email");
        email.putObject("validate").put("maxLength", 254);
        ObjectNode address = field(components, "textfield", Var.INTAKE_ADDRESS, "Địa chỉ", "Field_Address");
        address.putObject("validate").put("required", true).put("maxLength", 500);
        ObjectNode method = field(components, "radio", Var.INTAKE_RETURN_METHOD, "Hình thức nhận kết quả", "Field_ReturnMethod");
        method.putObject("validate").put("required", true);
        ArrayNode methods = method.putArray("values");
        for (ReturnMethod m : ReturnMethod.values()) {
            methods.addObject().put("label", m.label()).put("value", m.name());
        }
        ObjectNode checklist = field(components, "checklist", Var.INTAKE_PAPERS, "Thành phần hồ sơ đã nhận", "Field_Papers");
        checklist.put("valuesExpression", papers.toString());
        checklist.put("description", "Đánh dấu từng giấy tờ công dân đã nộp; thiếu giấy tờ bắt buộc thì hồ sơ không được đăng ký.");
        checklist.putObject("conditional").put("hide", "=" + Var.INTAKE_PROCEDURE + " = null");
        List<Procedure> all = catalog.all().stream().sorted(java.util.Comparator.comparing(Procedure::code)).toList();
        ObjectNode eventDate = field(components, "datetime", Var.INTAKE_EVENT_DATE, null, "Field_EventDate");
        eventDate.remove("label");
        eventDate.put("subtype", "date").put("dateLabel", "Ngày sinh hoặc ngày chết (ngày xảy ra sự kiện)");
        eventDate.put("description", "Đăng ký đúng hạn thì miễn lệ phí; quá hạn thì thu theo mức của tỉnh.");
        eventDate.putObject("validate").put("required", true);
        eventDate.putObject("conditional").put("hide", hiddenUnless(all.stream().filter(Procedure::needsEventDate)));
        ObjectNode pages = field(components, "number", Var.INTAKE_PAGES, "Số trang của giấy tờ", "Field_Pages");
        pages.put("description", "Phí chứng thực tính theo số trang của mỗi bản.");
        pages.putObject("validate").put("required", true).put("min", 1).put("max", Fees.MAX_PAGES);
        pages.putObject("conditional").put("hide", hiddenUnless(all.stream().filter(Procedure::countsPages)));
        ObjectNode copies = field(components, "number", Var.INTAKE_COPIES, "Số bản yêu cầu", "Field_Copies");
        copies.put("defaultValue", 1);
        copies.putObject("validate").put("required", true).put("min", 1).put("max", 100);
        copies.putObject("conditional").put("hide", hiddenUnless(all.stream()
                .filter(p -> p.fees().stream().anyMatch(f -> f.per() != Procedure.Fee.Per.DOSSIER))));
        ObjectNode exemption = field(components, "select", Var.INTAKE_FEE_EXEMPTION, "Đối tượng được miễn phí, lệ phí (nếu có)", "Field_Exemption");
        exemption.put("description", "Chỉ chọn khi công dân xuất trình giấy tờ chứng minh.");
        ArrayNode exemptions = exemption.putArray("values");
        for (FeeExemption e : FeeExemption.values()) {
            String label = e.label();
            exemptions.addObject().put("label", Character.toUpperCase(label.charAt(0)) + label.substring(1)).put("value", e.name());
        }
        exemption.putObject("conditional").put("hide", hiddenUnless(all.stream().filter(p -> !p.exemptions().isEmpty())));
        ObjectNode accept = field(components, "checkbox", Var.INTAKE_ACCEPT_NOW,
                "Hồ sơ đầy đủ, hợp lệ: tiếp nhận ngay và cấp Giấy tiếp nhận, hẹn trả kết quả (Mẫu 01)", "Field_AcceptNow");
        accept.put("description", "Không đánh dấu: hồ sơ vào «Việc cần xử lý» để kiểm tra, tiếp nhận sau.");
        form.put("type", "default");
        form.put("id", FORM_ID);
        form.put("executionPlatform", "Camunda Platform");
        form.put("executionPlatformVersion", "7.24.0");
        form.putObject("exporter").put("name", "motcua").put("version", "1.0");
        form.put("schemaVersion", 16);
        return form;
    }

    /** The form's file text (two-space JSON, a final newline). */
    public static String text(ProcedureCatalog catalog) {
        try {
            return JSON.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n")))
                    .writeValueAsString(of(catalog)).replace("\" : ", "\": ") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a deployed form is the one the catalog makes (same components). */
    public static boolean matches(ProcedureCatalog catalog, JsonNode form) {
        return form != null && of(catalog).get("components").equals(form.get("components"));
    }

    private static ObjectNode field(ArrayNode components, String type, String key, String label, String id) {
        return components.addObject().put("type", type).put("key", key).put("label", label).put("id", id);
    }

    private static void text(ArrayNode components, String id, String text) {
        components.addObject().put("type", "text").put("text", text).put("id", id);
    }

    /** A FEEL condition that hides a field unless the chosen procedure is one of these. */
    private static String hiddenUnless(java.util.stream.Stream<Procedure> procedures) {
        return "=not(list contains([" + procedures.map(p -> feel(p.code())).collect(java.util.stream.Collectors.joining(", "))
                + "], " + Var.INTAKE_PROCEDURE + "))";
    }

    /** A FEEL string literal. */
    private static String feel(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
