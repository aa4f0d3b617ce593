package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organisation.Role;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/**
 * The rating at the counter: the citizen chooses on the official's screen, the one-stop records it
 * ({@code POST /api/dossiers/{code}/rating}, the same body as the citizen's own). Only the one-stop of
 * the dossier's commune; elsewhere the dossier does not exist (404).
 */
@RestController
@Tag(name = DossierController.TAG)
class RatingController {

    /** The rating a citizen sends, online or on the official's screen. */
    static final String RATING_EXAMPLE = """
            {"level": "RAT_HAI_LONG", "comment": "Cán bộ hướng dẫn tận tình, trả kết quả sớm hơn ngày hẹn"}""";
    static final String RATING_CONFLICT = "Hồ sơ chưa giải quyết xong, hoặc đã được đánh giá (mỗi hồ sơ một lần)";

    private final Dossiers dossiers;
    private final Ratings ratings;

    RatingController(Dossiers dossiers, Ratings ratings) {
        this.dossiers = dossiers;
        this.ratings = ratings;
    }

    @PostMapping("/api/dossiers/{code}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ghi nhận đánh giá của công dân tại quầy",
            description = "Công dân chọn Rất hài lòng (RAT_HAI_LONG), Hài lòng (HAI_LONG) hoặc Không hài lòng (KHONG_HAI_LONG) trên màn "
                    + "hình của cán bộ, có thể kèm ý kiến (tối đa 1.000 ký tự). Chỉ Bộ phận Một cửa của xã, phường có hồ sơ.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "rat-hai-long", summary = "Rất hài lòng, có ý kiến", value = RATING_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Đã ghi nhận đánh giá")
    @ApiResponse(responseCode = "403", description = "Chỉ Bộ phận Một cửa của xã, phường ghi nhận đánh giá tại quầy")
    @ApiResponse(responseCode = "409", description = RATING_CONFLICT)
    Ratings.Rating rate(@PathVariable String code, @RequestBody(required = false) Ratings.RatingRequest body) {
        Caller caller = Callers.authenticated();
        Dossier d = dossiers.readable(code, caller);
        if (!caller.hasRole(d.communeCode(), Role.RECEPTION)) {
            throw new AccessDenied("Chỉ Bộ phận Một cửa của xã, phường ghi nhận đánh giá tại quầy");
        }
        return ratings.rate(d.code(), body, Ratings.Via.COUNTER, caller.name());
    }
}
