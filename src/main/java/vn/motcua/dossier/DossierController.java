package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = DossierController.TAG)
class DossierController {

    static final String TAG = "Hồ sơ";

    private final DossierSubmission submission;
    private final Dossiers dossiers;
    private final Withdrawal withdrawal;

    DossierController(DossierSubmission submission, Dossiers dossiers, Withdrawal withdrawal) {
        this.submission = submission;
        this.dossiers = dossiers;
        this.withdrawal = withdrawal;
    }

    @PostMapping
    @Operation(summary = "Nộp hồ sơ",
            description = "Bộ phận Một cửa của xã, phường (HTTP Basic) hoặc hệ thống có phạm vi dossiers:submit (Cổng Dịch vụ công). "
                    + "Giấy tờ bắt buộc của thủ tục phải có trong components (so theo tên, không phân biệt hoa thường). "
                    + "Trả lời có mã hồ sơ (code), mã tra cứu cho công dân (lookupSecret) và các liên kết (_links).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "dang-ky-khai-sinh", summary = "Đăng ký khai sinh, nộp tại quầy, nhận kết quả qua bưu chính",
                            value = """
                                    {"procedureCode": "1.001193", "communeCode": "tan-giang", "channel": "COUNTER", "returnMethod": "POST",
                                     "applicant": {"fullName": "Nguyễn Thị Hồng Nhung", "idNumber": "001190012345", "phone": "0912345678",
                                                   "email": "nhung@example.vn", "address": "Tổ 5, phường Tân Giang, tỉnh Cao Bằng"},
                                     "eventDate": "2026-11-20",
                                     "components": [{"name": "Tờ khai đăng ký khai sinh", "copies": 1},
                                                    {"name": "Giấy chứng sinh hoặc giấy tờ thay thế", "copies": 1},
                                                    {"name": "Giấy tờ tùy thân của người đi đăng ký", "copies": 1}]}"""),
                    @ExampleObject(name = "xac-nhan-tinh-trang-hon-nhan", summary = "Cấp Giấy xác nhận tình trạng hôn nhân, nộp trực tuyến",
                            value = """
                                    {"procedureCode": "1.004873", "communeCode": "tan-giang", "channel": "ONLINE", "returnMethod": "ONLINE",
                                     "applicant": {"fullName": "Hoàng Văn Bình", "idNumber": "004095001234", "phone": "0987654321",
                                                   "email": "binh.hv@example.vn", "address": "Số 12 phố Vườn Cam, phường Tân Giang, tỉnh Cao Bằng"},
                                     "copies": 2,
                                     "components": [{"name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "copies": 1}]}"""),
                    @ExampleObject(name = "chung-thuc-ban-sao", summary = "Chứng thực bản sao từ bản chính: phí tính theo số trang và số bản",
                            value = """
                                    {"procedureCode": "2.000815", "communeCode": "tan-giang", "channel": "COUNTER", "returnMethod": "COUNTER",
                                     "applicant": {"fullName": "Lương Thị Thu Trang", "idNumber": "004198007788", "phone": "0368123456",
                                                   "address": "Tổ 2, phường Tân Giang, tỉnh Cao Bằng"},
                                     "pages": 5, "copies": 2,
                                     "components": [{"name": "Bản chính giấy tờ, văn bản làm cơ sở chứng thực bản sao", "copies": 1},
                                                    {"name": "Bản sao cần chứng thực", "copies": 2}]}""")})))
    @ApiResponse(responseCode = "201", description = "Đã tiếp nhận vào hệ thống; Location là địa chỉ của hồ sơ")
    @ApiResponse(responseCode = "403", description = "Người gọi không được nộp hồ sơ vào xã, phường này")
    ResponseEntity<DossierView> submit(@RequestBody SubmissionRequest request) {
        DossierView dossier = submission.submit(request, Callers.authenticated());
        return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.code())).body(dossier);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Xem hồ sơ",
            description = "Hồ sơ với hạn giải quyết (deadline), thư xin lỗi (apology), lịch sử trạng thái, quá trình xử lý và các thông báo. "
                    + "Cán bộ của xã, phường có hồ sơ, quản trị viên, hoặc hệ thống có phạm vi dossiers:read.")
    DossierView get(@PathVariable String code) {
        return dossiers.get(code, Callers.authenticated());
    }

    /** The citizen withdraws the dossier (status 7): {@code {"reason": "…"}}. */
    @PostMapping("/{code}/withdrawal")
    @Operation(summary = "Rút hồ sơ theo yêu cầu của công dân",
            description = "Trạng thái 7: quy trình dừng ngay, công dân được báo qua thư điện tử và SMS. Bộ phận Một cửa của xã, phường "
                    + "ghi nhận đơn rút tại quầy, hoặc hệ thống có phạm vi dossiers:submit thay mặt công dân. Được rút trước khi trả kết quả.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "rut-ho-so", summary = "Công dân rút hồ sơ vì đã làm thủ tục ở nơi khác", value = """
                            {"reason": "Công dân đã đăng ký khai sinh cho con tại nơi cư trú của người cha, đề nghị rút hồ sơ"}"""))))
    @ApiResponse(responseCode = "200", description = "Đã rút; hồ sơ ở trạng thái 7")
    @ApiResponse(responseCode = "403", description = "Người gọi không được ghi nhận việc rút hồ sơ")
    @ApiResponse(responseCode = "409", description = "Hồ sơ đã trả kết quả hoặc đã kết thúc")
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
