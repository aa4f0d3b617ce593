package vn.motcua.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.engine.DossierEngine;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.ElectronicResult;
import vn.motcua.dossier.ResultDelivery;

/**
 * The documents of a dossier: which forms it has come to have, each printed on request
 * ({@link DossierForms}), and the signed result file that replaces the printed result.
 */
@Service
public class Documents implements ElectronicResult {

    private final Dossiers dossiers;
    private final ResultDelivery results;
    private final DossierForms forms;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DossierEngine engine;

    Documents(Dossiers dossiers, ResultDelivery results, DossierForms forms, JdbcClient jdbc, Clock clock, DossierEngine engine) {
        this.engine = engine;
        this.dossiers = dossiers;
        this.results = results;
        this.forms = forms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The forms this dossier has come to have. */
    public List<DocumentKind> available(DossierView d) {
        List<DocumentKind> kinds = new ArrayList<>();
        if (d.acceptedAt() != null) kinds.add(DocumentKind.MAU_01);
        if (DossierForms.last(d, DossierStatus.SUPPLEMENT_REQUESTED).isPresent()) kinds.add(DocumentKind.MAU_02);
        if (d.status() == DossierStatus.NOT_RECEIVED.code()) kinds.add(DocumentKind.MAU_03);
        if (d.apology() != null) kinds.add(DocumentKind.MAU_04);
        kinds.add(DocumentKind.MAU_05);
        if (d.status() == DossierStatus.STOPPED.code()) kinds.add(DocumentKind.THONG_BAO_DUNG);
        if ((d.finishedAt() != null && results.approvedResult(d.code()).isPresent()) || signedResult(d.code()).isPresent()) {
            kinds.add(DocumentKind.KET_QUA);
        } else if (d.finishedAt() == null && engine.draftResult(d.code()).isPresent()) {
            // drafted, not yet approved: the head and the leader read it before deciding
            kinds.add(DocumentKind.DU_THAO);
        }
        return kinds;
    }

    @Override
    public Optional<byte[]> pdf(String code) {
        return render(code, DocumentKind.KET_QUA);
    }

    public Optional<byte[]> render(String code, DocumentKind kind) {
        DossierView d = dossiers.get(code);
        if (kind == DocumentKind.KET_QUA) {
            Optional<byte[]> signed = signedResult(code);
            if (signed.isPresent()) return signed;
        }
        if (!available(d).contains(kind)) return Optional.empty();
        return Optional.of(switch (kind) {
            case MAU_01 -> forms.appointmentSlip(d);
            case MAU_02 -> forms.supplementRequest(d);
            case MAU_03 -> forms.refusal(d);
            case MAU_04 -> forms.apology(d);
            case MAU_05 -> forms.controlSlip(d);
            case THONG_BAO_DUNG -> forms.stopNotice(d);
            case KET_QUA -> forms.result(d, results.approvedResult(code).orElseThrow());
            case DU_THAO -> forms.draft(d, engine.draftResult(code).orElseThrow());
        });
    }

    /**
     * Attaches the signed result (the PDF the leader signed with their certificate in the document
     * system); it replaces the printed electronic result everywhere, the citizen's download included.
     */
    public void attachSignedResult(String code, byte[] pdf, String fileName, String uploadedBy) {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalArgumentException("Tệp kết quả phải là PDF");
        }
        jdbc.sql("delete from mc_result_file where dossier_code = ?").param(code).update();
        jdbc.sql("insert into mc_result_file (dossier_code, content, file_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)")
                .params(code, pdf, fileName, uploadedBy, OffsetDateTime.now(clock)).update();
        // the result is digitized (index 4.2), kept on the dossier for the index's sums
        jdbc.sql("update mc_dossier set result_digitized = true where code = ?").param(code).update();
    }

    Optional<byte[]> signedResult(String code) {
        return jdbc.sql("select content from mc_result_file where dossier_code = ?").param(code)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }
}
