package vn.motcua.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.audit.AuditLog;

/** The province admin lifts the locks of a login at once, instead of waiting for them to lift by themselves. */
@RestController
class LoginLockController {

    private final LoginThrottle throttle;
    private final IdentityService identity;
    private final AuditLog audit;

    LoginLockController(LoginThrottle throttle, IdentityService identity, AuditLog audit) {
        this.throttle = throttle;
        this.identity = identity;
        this.audit = audit;
    }

    /** motcua's counters and locks of the login, and Camunda's own lock if an older version left one. */
    @DeleteMapping("/api/admin/logins/{login}/lock")
    @Tag(name = "Quản trị")
    @Operation(summary = "Mở khóa đăng nhập của một tài khoản",
            description = "Xóa ngay các bộ đếm và khóa do nhập sai mật khẩu, thay vì chờ khóa tự hết hạn.")
    @ApiResponse(responseCode = "204", description = "Đã mở khóa")
    @ApiResponse(responseCode = "403", description = "Chỉ quản trị viên cấp tỉnh")
    @ApiResponse(responseCode = "404", description = "Không có tài khoản này")
    ResponseEntity<ProblemDetail> unlock(@Parameter(description = "Tên đăng nhập", example = "tan-giang.reception") @PathVariable String login) {
        Caller admin = Callers.authenticated();
        if (!admin.isAdmin()) {
            throw new AccessDenied("Chỉ quản trị viên cấp tỉnh được mở khóa tài khoản");
        }
        if (login.length() > LoginThrottleRows.MAX_KEY || identity.createUserQuery().userId(login).count() == 0) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Không có tài khoản đăng nhập " + login);
            problem.setTitle("Không tìm thấy tài khoản");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        throttle.unlock(login);
        identity.unlockUser(login);
        audit.record(null, admin.name(), "LOGIN_UNLOCKED", login);
        return ResponseEntity.noContent().build();
    }
}
