package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.common.Formats;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/**
 * The appointment slips an official issued today: where the one-stop finds Mẫu 01 to print right
 * after accepting a dossier, although the reception task is gone from Tasklist (its "Phiếu hẹn vừa
 * cấp" menu reads this). Only the official's own acceptances, newest first, at most 50.
 */
@RestController
class RecentSlipsController {

    static final int MAX = 50;
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProcedureCatalog catalog;

    RecentSlipsController(JdbcClient jdbc, Clock clock, ProcedureCatalog catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
    }

    record Slip(String code, String procedure, String applicant, String acceptedAt, Map<String, String> _links) {
    }

    @GetMapping("/api/me/appointment-slips")
    @Tag(name = DossierController.TAG)
    @Operation(summary = "Phiếu hẹn cán bộ đã cấp hôm nay",
            description = "Các hồ sơ người gọi đã tiếp nhận hôm nay, mới nhất trước, tối đa 50, mỗi hồ sơ có liên kết in Mẫu 01.")
    @ApiResponse(responseCode = "200", description = "Các phiếu hẹn, mới nhất trước")
    @ApiResponse(responseCode = "403", description = "Chỉ cán bộ, công chức (không phải khóa API)")
    List<Slip> today() {
        Caller caller = Callers.authenticated();
        if (!(caller instanceof Caller.Official official)) {
            throw new AccessDenied("Chỉ cán bộ, công chức có phiếu hẹn đã cấp");
        }
        OffsetDateTime startOfDay = OffsetDateTime.now(clock).atZoneSameInstant(VN).toLocalDate().atStartOfDay(VN).toOffsetDateTime();
        return jdbc.sql("""
                        select d.code, d.procedure_code, d.applicant_name, s.changed_at
                        from mc_dossier_status s join mc_dossier d on d.id = s.dossier_id
                        where s.status = ? and s.actor = ? and s.changed_at >= ?
                        order by s.changed_at desc, s.id desc
                        fetch first %d rows only""".formatted(MAX))
                .params(DossierStatus.RECEIVED.code(), official.userId(), startOfDay)
                .query((rs, n) -> new Slip(rs.getString(1),
                        catalog.find(rs.getString(2)).map(Procedure::name).orElse(rs.getString(2)), rs.getString(3),
                        Formats.dateTime(rs.getObject(4, OffsetDateTime.class)),
                        Map.of("mau01", "/api/dossiers/" + rs.getString(1) + "/documents/mau-01",
                                "dossier", "/api/dossiers/" + rs.getString(1))))
                .list();
    }
}
