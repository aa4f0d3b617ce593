package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/**
 * The citizen rates a finished dossier once (Rất hài lòng, Hài lòng, Không hài lòng, and a comment):
 * online with the lookup secret, or at the counter on the official's screen. A second rating is
 * refused; the one row per dossier (its primary key) keeps it so on every node.
 */
@Service
public class Ratings {

    public static final int MAX_COMMENT = 1000;
    /** A dossier may be rated once it is finished: resolved, returned, or stopped. */
    static final Set<DossierStatus> RATEABLE = EnumSet.of(DossierStatus.FINISHED, DossierStatus.RETURNED, DossierStatus.STOPPED);

    public enum Via { ONLINE, COUNTER }

    public record Rating(String dossierCode, RatingLevel level, String levelLabel, String comment, Via via, OffsetDateTime ratedAt) {
    }

    /** What a client sends: {@code {"level": "HAI_LONG", "comment": "…"}}. */
    public record RatingRequest(String level, String comment) {
    }

    private final DossierRepository dossiers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Ratings(DossierRepository dossiers, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The request's level, or a 400 naming each wrong field. */
    static RatingLevel validate(RatingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        RatingLevel level = null;
        if (request == null || request.level() == null || request.level().isBlank()) {
            errors.add(new FieldError("level", "Bắt buộc chọn mức đánh giá: RAT_HAI_LONG, HAI_LONG hoặc KHONG_HAI_LONG"));
        } else {
            level = RatingLevel.of(request.level()).orElse(null);
            if (level == null) errors.add(new FieldError("level", "Phải là RAT_HAI_LONG, HAI_LONG hoặc KHONG_HAI_LONG"));
        }
        if (request != null && request.comment() != null && request.comment().length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "Tối đa " + MAX_COMMENT + " ký tự"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return level;
    }

    /**
     * Records the rating of the dossier.
     *
     * @throws DossierStateConflict when the dossier is not finished, or was rated already
     */
    @Transactional
    public Rating rate(String code, RatingRequest request, Via via, String actor) {
        RatingLevel level = validate(request);
        Dossier d = dossiers.require(code);
        if (!RATEABLE.contains(d.status())) {
            throw new DossierStateConflict("Hồ sơ " + code + " chưa giải quyết xong (" + d.status().label() + "): chưa đánh giá được");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted;
        try {
            inserted = jdbc.sql("""
                            insert into mc_rating (dossier_id, level, comment, via, recorded_by, rated_at)
                            select ?, ?, ?, ?, ?, ? where not exists (select 1 from mc_rating where dossier_id = ?)""")
                    .params(d.id(), level.name(), comment, via.name(), actor, now, d.id()).update();
        } catch (DuplicateKeyException raced) {
            inserted = 0;   // another request rated it between the check and the insert: the primary key keeps one
        }
        if (inserted == 0) {
            throw new DossierStateConflict("Hồ sơ " + code + " đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần");
        }
        jdbc.sql("update mc_dossier set rating_level = ? where id = ?").params(level.name(), d.id()).update();
        audit.record(code, actor, "RATE", level.name() + (via == Via.COUNTER ? " tại quầy" : " trực tuyến"));
        return new Rating(code, level, level.label(), comment, via, now);
    }

    /** The dossier's rating, if it has one. */
    public Optional<Rating> of(String code) {
        return jdbc.sql("""
                        select d.code, r.level, r.comment, r.via, r.rated_at from mc_rating r join mc_dossier d on d.id = r.dossier_id
                        where d.code = ?""").param(code)
                .query((rs, n) -> {
                    RatingLevel level = RatingLevel.valueOf(rs.getString(2));
                    return new Rating(rs.getString(1), level, level.label(), rs.getString(3), Via.valueOf(rs.getString(4)),
                            rs.getObject(5, OffsetDateTime.class));
                }).optional();
    }
}
