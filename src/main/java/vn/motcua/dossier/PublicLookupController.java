package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.ReturnMethod;

/**
 * The citizen's lookup: the dossier code and the secret printed on the appointment slip give the
 * status, the appointment and the return method, and nothing personal. A wrong secret and an
 * unknown code get the same answer; too many wrong secrets from one client are refused for a while.
 */
@RestController
@Tag(name = "Tra cứu của công dân")
@ApiResponse(responseCode = "404", description = "Không có hồ sơ này, hoặc mã tra cứu không đúng (cùng một câu trả lời)")
@ApiResponse(responseCode = "429", description = "Nhập sai mã tra cứu quá nhiều lần (10 lần trong 15 phút): thử lại sau Retry-After giây",
        headers = @Header(name = "Retry-After", description = "Số giây nên chờ trước khi tra cứu lại", schema = @Schema(type = "integer")))
class PublicLookupController {

    private static final String SECRET = "Mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01): 8 ký tự, không phân biệt hoa thường";
    private static final String SECRET_EXAMPLE = "K7M2Q9XA";

    private final PublicLookup lookup;
    private final ElectronicResult results;
    private final Ratings ratings;
    private final DossierRepository dossiers;

    PublicLookupController(PublicLookup lookup, ElectronicResult results, Ratings ratings, DossierRepository dossiers) {
        this.dossiers = dossiers;
        this.lookup = lookup;
        this.results = results;
        this.ratings = ratings;
    }

    /**
     * The citizen rates the finished dossier once, with the code and the secret of the appointment
     * slip and no login: {@code {"level": "RAT_HAI_LONG" | "HAI_LONG" | "KHONG_HAI_LONG", "comment": "…"}}.
     * A wrong secret gets the lookup's 404 and counts against its limit; a second rating, or a dossier
     * not finished yet, 409.
     */
    @PostMapping("/api/public/dossiers/{code}/rating")
    @Operation(summary = "Công dân đánh giá mức độ hài lòng",
            description = "Không cần đăng nhập: mã hồ sơ và mã tra cứu trên phiếu hẹn. Một lần cho mỗi hồ sơ, khi hồ sơ đã giải quyết xong, "
                    + "đã trả kết quả hoặc đã dừng. level: RAT_HAI_LONG, HAI_LONG hoặc KHONG_HAI_LONG; comment tùy chọn, tối đa 1.000 ký tự.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "rat-hai-long", summary = "Rất hài lòng, có ý kiến", value = RatingController.RATING_EXAMPLE),
                    @ExampleObject(name = "khong-hai-long", summary = "Không hài lòng", value = """
                            {"level": "KHONG_HAI_LONG", "comment": "Phải đi lại hai lần vì không được hướng dẫn bổ sung giấy tờ ngay từ đầu"}""")})))
    @ApiResponse(responseCode = "201", description = "Đã ghi nhận đánh giá", content = @Content(schema = @Schema(implementation = Ratings.Rating.class)))
    @ApiResponse(responseCode = "409", description = RatingController.RATING_CONFLICT)
    ResponseEntity<?> rate(@PathVariable String code, @Parameter(description = SECRET, example = SECRET_EXAMPLE) @RequestParam(required = false) String secret,
                           @RequestBody(required = false) Ratings.RatingRequest body, HttpServletRequest request) {
        Ratings.validate(body);
        PublicLookup.Result result = lookup.find(code, secret, request.getRemoteAddr());
        if (!(result instanceof PublicLookup.Result.Found found)) {
            return respond(result);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ratings.rate(found.dossier().code(), body, Ratings.Via.ONLINE, "Công dân (trực tuyến)"));
    }

    /**
     * The electronic result, for the citizen holding the code and the secret: of a dossier returned online,
     * or of any dossier whose signed result is attached as a file (digitized).
     */
    @GetMapping("/api/public/dossiers/{code}/result")
    @Operation(summary = "Tải kết quả điện tử của hồ sơ",
            description = "Không cần đăng nhập: mã hồ sơ và mã tra cứu. Có khi hồ sơ trả kết quả trực tuyến, hoặc khi kết quả đã ký số được đính kèm.")
    @ApiResponse(responseCode = "200", description = "Kết quả (PDF)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<?> result(@PathVariable String code, @Parameter(description = SECRET, example = SECRET_EXAMPLE) @RequestParam(required = false) String secret,
                             HttpServletRequest request) {
        PublicLookup.Result result = lookup.find(code, secret, request.getRemoteAddr());
        if (!(result instanceof PublicLookup.Result.Found found)) {
            return respond(result);
        }
        // the electronic result of a dossier returned online; for any other, its signed result once it is a file
        if (found.dossier().returnMethod() != ReturnMethod.ONLINE && !dossiers.hasResultFile(found.dossier().code())) {
            return notFound("Hồ sơ này không trả kết quả trực tuyến và chưa có bản điện tử của kết quả");
        }
        return results.pdf(code)
                .<ResponseEntity<?>>map(pdf -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + code + "-ket-qua.pdf\"")
                        .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(pdf))
                .orElseGet(() -> notFound("Hồ sơ chưa có kết quả"));
    }

    private static ResponseEntity<?> notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Không có kết quả");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @GetMapping("/api/public/dossiers/{code}")
    @Operation(summary = "Tra cứu tình trạng hồ sơ",
            description = "Không cần đăng nhập: mã hồ sơ và mã tra cứu trên phiếu hẹn cho biết trạng thái, ngày hẹn trả và hình thức "
                    + "nhận kết quả; không có thông tin cá nhân.")
    @ApiResponse(responseCode = "200", description = "Tình trạng hồ sơ", content = @Content(schema = @Schema(implementation = PublicDossier.class)))
    ResponseEntity<?> find(@PathVariable String code, @Parameter(description = SECRET, example = SECRET_EXAMPLE) @RequestParam(required = false) String secret,
                           HttpServletRequest request) {
        return respond(lookup.find(code, secret, request.getRemoteAddr()));
    }

    private static ResponseEntity<?> respond(PublicLookup.Result result) {
        if (result instanceof PublicLookup.Result.Found found) {
            return ResponseEntity.ok(found.dossier());
        }
        if (result instanceof PublicLookup.Result.TooMany tooMany) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Nhập sai mã tra cứu quá nhiều lần; vui lòng thử lại sau " + Math.max(1, tooMany.retryAfterSeconds() / 60) + " phút");
            problem.setTitle("Quá nhiều lần tra cứu sai");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds())).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Không tìm thấy hồ sơ, hoặc mã tra cứu không đúng");
        problem.setTitle("Không tìm thấy hồ sơ");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** What a citizen may see of a dossier. */
    record PublicDossier(String code, String procedureName, int status, String statusName,
                         OffsetDateTime submittedAt, OffsetDateTime appointmentAt, ReturnMethod returnMethod,
                         String returnMethodLabel, OffsetDateTime returnedAt) {
    }
}
