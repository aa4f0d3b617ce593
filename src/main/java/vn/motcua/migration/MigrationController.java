package vn.motcua.migration;

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
class MigrationController {

    private final ProcessMigrations migrations;

    MigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
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
