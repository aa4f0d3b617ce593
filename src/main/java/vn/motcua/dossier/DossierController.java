package vn.motcua.dossier;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.security.Callers;

@RestController
@RequestMapping("/api/dossiers")
class DossierController {

    private final DossierSubmission submission;
    private final Dossiers dossiers;
    private final Withdrawal withdrawal;

    DossierController(DossierSubmission submission, Dossiers dossiers, Withdrawal withdrawal) {
        this.submission = submission;
        this.dossiers = dossiers;
        this.withdrawal = withdrawal;
    }

    @PostMapping
    ResponseEntity<DossierView> submit(@RequestBody SubmissionRequest request) {
        DossierView dossier = submission.submit(request, Callers.authenticated());
        return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.code())).body(dossier);
    }

    @GetMapping("/{code}")
    DossierView get(@PathVariable String code) {
        return dossiers.get(code, Callers.authenticated());
    }

    /** The citizen withdraws the dossier (status 7): {@code {"reason": "…"}}. */
    @PostMapping("/{code}/withdrawal")
    DossierView withdraw(@PathVariable String code, @RequestBody WithdrawalRequest request) {
        return withdrawal.withdraw(code, request.validReason(), Callers.authenticated());
    }

    /** Why the citizen withdraws: required, at most 1,000 characters, one or more lines. */
    record WithdrawalRequest(String reason) {
        static final int MAX = 1000;

        String validReason() {
            String problem = reason == null || reason.isBlank() ? "lý do rút hồ sơ là bắt buộc"
                    : reason.length() > MAX ? "tối đa " + MAX + " ký tự"
                    : reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    ? "chứa ký tự điều khiển không được phép" : null;
            if (problem != null) {
                throw new InvalidRequestException(java.util.List.of(new FieldError("reason", problem)));
            }
            return reason.strip();
        }
    }
}
