package vn.motcua.dossier;

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
class PublicLookupController {

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
    ResponseEntity<?> rate(@PathVariable String code, @RequestParam(required = false) String secret,
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
    ResponseEntity<?> result(@PathVariable String code, @RequestParam(required = false) String secret, HttpServletRequest request) {
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
    ResponseEntity<?> find(@PathVariable String code, @RequestParam(required = false) String secret, HttpServletRequest request) {
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
