package vn.motcua.security;

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
    ResponseEntity<ProblemDetail> unlock(@PathVariable String login) {
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
