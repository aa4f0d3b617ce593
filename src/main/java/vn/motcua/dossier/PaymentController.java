package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/** The payments of a dossier (its readers), and the payments in a state across the province (admins). */
@RestController
class PaymentController {

    private final Dossiers dossiers;
    private final Payments payments;

    PaymentController(Dossiers dossiers, Payments payments) {
        this.dossiers = dossiers;
        this.payments = payments;
    }

    /** Every payment of the dossier, a gateway's mismatch included. */
    @GetMapping("/api/dossiers/{code}/payments")
    @Tag(name = DossierController.TAG)
    @Operation(summary = "Các khoản thanh toán của hồ sơ",
            description = "Tiền mặt tại quầy và thanh toán trực tuyến, kể cả khoản cổng thanh toán báo khác số phải nộp (MISMATCH).")
    List<Payments.Payment> ofDossier(@PathVariable String code) {
        dossiers.authorizeRead(code, Callers.authenticated(), "READ_PAYMENTS", null);
        return payments.of(code);
    }

    /** {@code ?state=MISMATCH} (the default): the gateway's payments that did not match what was due, for settling. */
    @GetMapping("/api/admin/payments")
    @Tag(name = "Quản trị")
    @Operation(summary = "Các khoản thanh toán trực tuyến cần đối soát trong tỉnh")
    @ApiResponse(responseCode = "200", description = "Các khoản thanh toán ở trạng thái đã chọn")
    @ApiResponse(responseCode = "403", description = "Chỉ quản trị viên cấp tỉnh")
    List<Payments.Payment> inState(@Parameter(description = "MISMATCH (mặc định): số tiền khác số phải nộp, cần đối soát; PAID: đã nộp đúng",
            example = "MISMATCH") @RequestParam(defaultValue = "MISMATCH") String state) {
        Caller caller = Callers.authenticated();
        if (!caller.isAdmin()) {
            throw new AccessDenied("Chỉ quản trị viên cấp tỉnh được xem các khoản thanh toán của cả tỉnh");
        }
        Payments.State wanted = Arrays.stream(Payments.State.values()).filter(s -> s.name().equalsIgnoreCase(state)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("state",
                        "Chọn một trong " + Arrays.toString(Payments.State.values())))));
        return payments.inState(wanted);
    }
}
