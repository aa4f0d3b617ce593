package vn.motcua.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the OpenAPI description of {@code /api} says beyond what springdoc reads from the controllers
 * (their summaries, parameters and examples are annotations on the controllers):
 * <ul>
 *   <li>who may call each operation: the security schemes and, per path, none (public), HTTP Basic
 *       (officials) or HTTP Basic and {@code X-API-Key} (where a client's scope reaches), as the
 *       controllers check it;</li>
 *   <li>the {@code application/problem+json} answers every operation may give (a bad field 400, no or
 *       wrong credentials 401, a body too large 413 or of another type 415, a login locked after
 *       wrong passwords 429, not ready yet 503), and the problem body for every error response the
 *       controllers name (403, 404, 409…): RFC 9457 with motcua's {@code errors} of
 *       {@code {field, reason}};</li>
 *   <li>Vietnamese descriptions for the success answers springdoc names in English.</li>
 * </ul>
 * {@code OpenApiDescriptionTest} holds the result to the running service.
 */
@Component
class ApiDescription implements OpenApiCustomizer {

    static final String BASIC = "basicAuth";
    static final String API_KEY = "apiKey";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Paths anyone may call: the catalogue, the calendar, the citizen's lookup, the gateway's signed callback. */
    private static final List<String> PUBLIC = List.of("/api/procedures", "/api/calendar/", "/api/public/",
            "/api/integrations/payment/callback");

    /** The controllers' tags, in the order a reader meets them. */
    static final List<Tag> TAGS = List.of(
            tag("Hồ sơ", "Nộp, xem, rút hồ sơ; giấy tờ số hóa, thanh toán, đánh giá tại quầy, phiếu hẹn vừa cấp"),
            tag("Giấy tờ, biểu mẫu", "Mẫu 01–05, thông báo dừng, kết quả điện tử, sổ theo dõi hồ sơ (Mẫu 06)"),
            tag("Tra cứu của công dân", "Không cần đăng nhập: mã hồ sơ và mã tra cứu trên phiếu hẹn"),
            tag("Danh mục thủ tục", "Thủ tục hành chính cấp xã của tỉnh: thời hạn, phí, lệ phí, giấy tờ; công khai"),
            tag("Lịch ngày làm việc", "Hạn giải quyết và số ngày làm việc theo lịch nghỉ lễ, Tết; công khai"),
            tag("Liên thông, tích hợp", "Sự kiện của bưu chính, kết quả của cơ quan liên thông, thông báo của cổng thanh toán"),
            tag("Chỉ số phục vụ", "Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766) và đánh giá tuần"),
            tag("Quản trị", "Dành cho quản trị viên cấp tỉnh: tổ chức, khóa API, sáp nhập, nhật ký, hộp thư đi, phiên bản quy trình"));

    private static final Map<String, String> SUCCESS = Map.of(
            "OK", "Thành công",
            "Created", "Đã tạo",
            "Accepted", "Đã nhận",
            "No Content", "Thành công, không có nội dung");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setTags(TAGS);
        // RFC 9457 with motcua's errors (below) in place of Spring's ProblemDetail, which only a 204's body type named
        openApi.getComponents().getSchemas().remove("ProblemDetail");
        openApi.getComponents()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Cán bộ, công chức và quản trị viên: tên đăng nhập và mật khẩu như khi vào Tasklist. "
                                + "Sai mật khẩu nhiều lần thì tài khoản phải chờ (429, Retry-After)."))
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description("Hệ thống tích hợp (Cổng Dịch vụ công, bưu chính, cơ quan liên thông): khóa API do quản trị "
                                + "viên cấp tỉnh cấp (POST /api/admin/clients/{name}), chỉ dùng được trong phạm vi đã cấp: "
                                + "dossiers:submit, dossiers:read, post:events, agency:police, agency:bhxh, agency:thue."))
                .addSchemas(FIELD_ERROR, fieldError())
                .addSchemas(PROBLEM, problem());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<SecurityRequirement> security = security(path, method);
            operation.setSecurity(security);
            describeCode(path, operation);
            if (path.contains("/dossiers/{code}")) {
                operation.getResponses().computeIfAbsent("404", c -> new ApiResponse()
                        .description("Không có hồ sơ này, hoặc người gọi không được xem hồ sơ (cùng một câu trả lời)."));
            }
            addProblems(operation, !security.isEmpty(), security.stream().anyMatch(s -> s.containsKey(BASIC)));
            ApiResponse noContent = operation.getResponses().get("204");
            if (noContent != null) noContent.setContent(null);
            describeSuccess(operation.getResponses());
            operation.setResponses(sorted(operation.getResponses()));
            dropExampleNamesAsDescriptions(operation);
        }));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        return sorted;
    }

    /** springdoc repeats an example's name as its description; the summary says what it is. */
    private static void dropExampleNamesAsDescriptions(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) return;
        operation.getRequestBody().getContent().values().stream().filter(m -> m.getExamples() != null)
                .forEach(m -> m.getExamples().forEach((name, example) -> {
                    if (name.equals(example.getDescription())) example.setDescription(null);
                }));
    }

    /** {code}, the parameter of most paths: a dossier's code, or in the catalogue a procedure's. */
    private static void describeCode(String path, Operation operation) {
        if (operation.getParameters() == null) return;
        operation.getParameters().stream().filter(p -> "path".equals(p.getIn()) && "code".equals(p.getName()) && p.getDescription() == null)
                .forEach(p -> {
                    if (path.startsWith("/api/procedures/")) {
                        p.description("Mã thủ tục hành chính trong danh mục (mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính)")
                                .example("1.001193");
                    } else {
                        p.description("Mã hồ sơ: mã cơ quan, ngày tiếp nhận (yyMMdd) và số thứ tự trong ngày")
                                .example("000.03.04.H11-261204-0001");
                    }
                });
    }

    /** Who may call the operation; each controller checks roles and scopes on top. */
    static List<SecurityRequirement> security(String path, PathItem.HttpMethod method) {
        if (PUBLIC.stream().anyMatch(path::startsWith)) {
            return List.of();
        }
        SecurityRequirement basic = new SecurityRequirement().addList(BASIC);
        boolean clients = path.startsWith("/api/integrations/")
                || path.startsWith("/api/dossiers") && (method == PathItem.HttpMethod.GET
                || method == PathItem.HttpMethod.POST && (path.equals("/api/dossiers") || path.endsWith("/withdrawal")));
        return clients ? List.of(basic, new SecurityRequirement().addList(API_KEY)) : List.of(basic);
    }

    private static void addProblems(Operation operation, boolean secured, boolean basic) {
        ApiResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasInput) {
            responses.computeIfAbsent("400", c -> new ApiResponse()
                    .description("Yêu cầu không hợp lệ: errors nêu từng trường (field) và lý do (reason); không có gì được ghi nhận."));
        }
        if (secured) {
            responses.computeIfAbsent("401", c -> new ApiResponse()
                    .description("Chưa xác thực, hoặc tên đăng nhập, mật khẩu, khóa API không đúng."));
        }
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("413", c -> new ApiResponse()
                    .description("Nội dung yêu cầu vượt quá giới hạn (motcua.api.max-body-size, mặc định 10 MB)."));
            responses.computeIfAbsent("415", c -> new ApiResponse().description("Kiểu nội dung (Content-Type) không được nhận."));
        }
        if (basic) {
            responses.computeIfAbsent("429", c -> retryAfter(new ApiResponse().description(
                    "Sai mật khẩu quá nhiều lần: chờ Retry-After giây rồi thử lại (mật khẩu không được kiểm tra trong lúc chờ).")));
        }
        responses.computeIfAbsent("503", c -> retryAfter(new ApiResponse().description(
                "Dịch vụ đang khởi động, hoặc cơ sở dữ liệu tạm thời không truy cập được: thử lại sau Retry-After giây.")));
        responses.forEach((code, response) -> {
            if (code.compareTo("400") >= 0 && code.length() == 3 && response.get$ref() == null) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static ApiResponse retryAfter(ApiResponse response) {
        return response.addHeaderObject("Retry-After", new Header().description("Số giây nên chờ trước khi gửi lại")
                .schema(new IntegerSchema()));
    }

    private static void describeSuccess(ApiResponses responses) {
        responses.values().forEach(r -> {
            if (r.getDescription() != null && SUCCESS.containsKey(r.getDescription())) {
                r.setDescription(SUCCESS.get(r.getDescription()));
            }
        });
    }

    /** {@link vn.motcua.common.FieldError}. */
    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("Một trường bị từ chối và lý do.")
                .addProperty("field", new StringSchema().description(
                        "Trường bị từ chối: đường dẫn JSON (applicant.idNumber, components[0].copies), tên tham số, tên tiêu đề "
                                + "(X-Signature), \"line 3\" của tệp, hoặc body cho cả nội dung.").example("applicant.idNumber"))
                .addProperty("reason", new StringSchema().description("Lý do, bằng tiếng Việt.")
                        .example("Số định danh cá nhân gồm 12 chữ số (hoặc 9 chữ số CMND)"))
                .required(List.of("field", "reason"));
    }

    /** RFC 9457 problem details, with motcua's list of refused fields. */
    private static Schema<?> problem() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", "Yêu cầu không hợp lệ");
        example.put("status", 400);
        example.put("detail", "applicant.idNumber: Số định danh cá nhân gồm 12 chữ số (hoặc 9 chữ số CMND)");
        example.put("instance", "/api/dossiers");
        example.put("errors", List.of(Map.of("field", "applicant.idNumber", "reason", "Số định danh cá nhân gồm 12 chữ số (hoặc 9 chữ số CMND)")));
        return new ObjectSchema()
                .description("Lỗi theo RFC 9457 (application/problem+json). Yêu cầu bị từ chối vì dữ liệu liệt kê mọi trường sai trong errors.")
                .addProperty("type", new StringSchema().format("uri-reference").description("Loại lỗi; about:blank khi chỉ cần mã trạng thái."))
                .addProperty("title", new StringSchema().description("Tóm tắt lỗi, bằng tiếng Việt."))
                .addProperty("status", new IntegerSchema().description("Mã trạng thái HTTP."))
                .addProperty("detail", new StringSchema().description("Giải thích cụ thể, bằng tiếng Việt."))
                .addProperty("instance", new StringSchema().format("uri-reference").description("Đường dẫn của yêu cầu."))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("Các trường bị từ chối (khi trả lời 400)."))
                .required(List.of("type", "title", "status"))
                .example(example);
    }
}
