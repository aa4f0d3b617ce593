package vn.motcua.dossier;

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
class RatingController {

    private final Dossiers dossiers;
    private final Ratings ratings;

    RatingController(Dossiers dossiers, Ratings ratings) {
        this.dossiers = dossiers;
        this.ratings = ratings;
    }

    @PostMapping("/api/dossiers/{code}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    Ratings.Rating rate(@PathVariable String code, @RequestBody(required = false) Ratings.RatingRequest body) {
        Caller caller = Callers.authenticated();
        Dossier d = dossiers.readable(code, caller);
        if (!caller.hasRole(d.communeCode(), Role.RECEPTION)) {
            throw new AccessDenied("Chỉ Bộ phận Một cửa của xã, phường ghi nhận đánh giá tại quầy");
        }
        return ratings.rate(d.code(), body, Ratings.Via.COUNTER, caller.name());
    }
}
