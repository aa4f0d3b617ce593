package vn.motcua.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/**
 * {@code POST /api/admin/migrations}: moves the running instances of a process key to its latest
 * version, or with {@code "dryRun": true} says what would happen. Province admin only.
 */
@RestController
@RequestMapping("/api/admin/migrations")
@Tag(name = "Quản trị")
class MigrationController {

    private final ProcessMigrations migrations;

    MigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Chuyển hồ sơ đang chạy sang phiên bản quy trình mới",
            description = "processKey: mã quy trình (thu-tuc hoặc một khối dùng chung); dryRun: true chỉ báo trước điều sẽ xảy ra, không "
                    + "thay đổi gì. Làm thật thì tất cả hoặc không hồ sơ nào: một hồ sơ không chuyển được thì trả 409 kèm báo cáo.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = MigrationRequest.class), examples = {
                    @ExampleObject(name = "chay-thu", summary = "Chạy thử: xem trước, không thay đổi gì", value = """
                            {"processKey": "thu-tuc", "dryRun": true}"""),
                    @ExampleObject(name = "chuyen-that", summary = "Chuyển thật", value = """
                            {"processKey": "tiep-nhan", "dryRun": false}""")})))
    @ApiResponse(responseCode = "200", description = "Báo cáo: từng phiên bản cũ còn hồ sơ, bước nào tương ứng, bước nào không còn")
    @ApiResponse(responseCode = "403", description = "Chỉ quản trị viên cấp tỉnh")
    @ApiResponse(responseCode = "409", description = "Có hồ sơ không chuyển được; không hồ sơ nào bị thay đổi (report: báo cáo đầy đủ)")
    MigrationReport migrate(@RequestBody(required = false) String body) {
        Caller caller = Callers.authenticated();
        if (!caller.isAdmin()) {
            throw new AccessDenied("Chỉ quản trị viên cấp tỉnh được chuyển hồ sơ sang phiên bản quy trình mới");
        }
        MigrationRequest request = MigrationRequest.parse(body);
        try {
            return migrations.run(request.processKey(), request.dryRun(), caller.name());
        } catch (ProcessMigrations.UnknownProcessKey e) {
            throw new InvalidRequestException(List.of(new FieldError("processKey", "Không có quy trình nào với mã này")));
        }
    }

    /** Nothing was migrated: 409 with the whole report, so the admin sees which dossiers stand in the way. */
    @ExceptionHandler(ProcessMigrations.MigrationRefused.class)
    ProblemDetail refused(ProcessMigrations.MigrationRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.detail());
        problem.setTitle("Không chuyển được sang phiên bản mới; không hồ sơ nào bị thay đổi");
        problem.setProperty("report", e.report());
        return problem;
    }
}
