package vn.motcua.dossier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/**
 * The dossier's papers as files (digitization, indicator 4.2 of Decision 766): a PDF, JPEG or PNG
 * for a paper, recognised by its content and never by its name or the declared type alone, kept in
 * the database so every node of a cluster serves it. Uploading again replaces the paper's file; the
 * audit log keeps who uploaded what and when.
 */
@Service
public class ComponentFiles {

    /** A file's kind, read from its first bytes. */
    public enum Kind {
        PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

        private final String contentType;
        private final String extension;

        Kind(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** The kind the bytes are, if one of the three. */
        public static Optional<Kind> of(byte[] content) {
            if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D)) return Optional.of(PDF);           // %PDF-
            if (startsWith(content, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
            if (startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
            return Optional.empty();
        }

        private static boolean startsWith(byte[] content, int... magic) {
            if (content.length < magic.length) return false;
            for (int i = 0; i < magic.length; i++) {
                if ((content[i] & 0xFF) != magic[i]) return false;
            }
            return true;
        }
    }

    /** A paper of the dossier and its file, if it has one. */
    public record Paper(int index, String name, int copies, boolean digitized, String contentType, Long sizeBytes,
                        OffsetDateTime uploadedAt, String href) {
    }

    public record StoredFile(byte[] content, String contentType, String fileName) {
    }

    private final DossierRepository dossiers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final StatusLog statusLog;

    ComponentFiles(DossierRepository dossiers, JdbcClient jdbc, AuditLog audit, Clock clock, StatusLog statusLog) {
        this.statusLog = statusLog;
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Attaches the file of the dossier's paper number {@code index} (1-based).
     *
     * @param declared the request's Content-Type (without parameters), or null
     */
    @Transactional
    public Paper attach(String code, int index, byte[] content, String declared, String actor) {
        Dossier d = dossiers.require(code);
        List<SubmissionRequest.Component> papers = dossiers.components(d.id());
        if (index < 1 || index > papers.size()) {
            throw new DossierNotFoundException(code + "/components/" + index);
        }
        if (content == null || content.length == 0) {
            throw new InvalidRequestException(List.of(new FieldError("body", "Tệp rỗng")));
        }
        Kind kind = Kind.of(content).orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("body",
                "Tệp phải là PDF, JPEG hoặc PNG (nhận biết theo nội dung tệp)"))));
        if (declared != null && !declared.equals("application/octet-stream") && !declared.equalsIgnoreCase(kind.contentType())) {
            throw new InvalidRequestException(List.of(new FieldError("Content-Type",
                    "Khai là " + declared + " nhưng nội dung tệp là " + kind.contentType())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("delete from mc_component_file where dossier_id = ? and position = ?").params(d.id(), index).update();
        jdbc.sql("""
                        insert into mc_component_file (dossier_id, position, content, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), index, content, kind.contentType(), (long) content.length, sha256(content), actor, now).update();
        dossiers.countDigitizedPapers(d.id());
        statusLog.syncToPortal(d);   // the portal learns the paper is digitized (DuocSoHoa)
        audit.record(code, actor, "ATTACH_PAPER", index + ": " + papers.get(index - 1).name() + " (" + kind.contentType() + ", "
                + content.length + " bytes)");
        return papers(d, papers).get(index - 1);
    }

    /** The file of the paper, if it has one. */
    public Optional<StoredFile> file(String code, int index) {
        return jdbc.sql("""
                        select f.content, f.content_type from mc_component_file f join mc_dossier d on d.id = f.dossier_id
                        where d.code = ? and f.position = ?""").params(code, index)
                .query((rs, n) -> {
                    String type = rs.getString(2);
                    String extension = java.util.Arrays.stream(Kind.values()).filter(k -> k.contentType().equals(type))
                            .map(Kind::extension).findFirst().orElse("bin");
                    return new StoredFile(rs.getBytes(1), type, code + "-giay-to-" + index + "." + extension);
                }).optional();
    }

    /** Every paper of the dossier, with whether its file is attached. */
    public List<Paper> papers(String code) {
        Dossier d = dossiers.require(code);
        return papers(d, dossiers.components(d.id()));
    }

    private List<Paper> papers(Dossier d, List<SubmissionRequest.Component> components) {
        String code = d.code();
        java.util.Map<Integer, Object[]> files = new java.util.HashMap<>();
        jdbc.sql("select position, content_type, size_bytes, uploaded_at from mc_component_file where dossier_id = ?")
                .param(d.id()).query((rs, n) -> files.put(rs.getInt(1),
                        new Object[] {rs.getString(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class)})).list();
        List<Paper> papers = new java.util.ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Object[] f = files.get(i + 1);
            String href = "/api/dossiers/" + code + "/components/" + (i + 1) + "/file";
            papers.add(new Paper(i + 1, components.get(i).name(), components.get(i).copies(), f != null,
                    f == null ? null : (String) f[0], f == null ? null : (Long) f[1], f == null ? null : (OffsetDateTime) f[2], href));
        }
        return papers;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
