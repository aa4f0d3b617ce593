package vn.motcua.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Provisioning from a file, for the command line ({@code java -jar motcua.jar provision FILE}) and
 * the admin API: an org chart (YAML) or the officials' list (CSV). New officials' initial passwords
 * go to a file only the admin can read.
 */
@Service
public class Provisioning {

    private final Provisioner provisioner;
    private final JdbcClient jdbc;
    private final Path passwordFile;
    private final PasswordLetters letters;

    Provisioning(Provisioner provisioner, JdbcClient jdbc, PasswordLetters letters,
                 @Value("${motcua.provisioning.password-file:data/initial-passwords.txt}") String passwordFile) {
        this.provisioner = provisioner;
        this.jdbc = jdbc;
        this.letters = letters;
        this.passwordFile = Path.of(passwordFile);
    }

    /** Initial passwords as configured: mailed when SMTP is set up, else written to the admin's file. */
    InitialPasswords passwords() {
        return new GeneratedPasswords(passwordFile, letters);
    }

    public enum Format { YAML, CSV;

        public static Format of(String nameOrType) {
            String s = nameOrType == null ? "" : nameOrType.toLowerCase(Locale.ROOT);
            return s.endsWith(".csv") || s.contains("csv") ? CSV : YAML;
        }
    }

    /** @throws OrgChartException with every problem when the file cannot be applied; nothing is applied then */
    public Report run(String source, byte[] content, Format format) {
        long start = System.nanoTime();
        OrgChart chart;
        try {
            chart = format == Format.CSV
                    ? OfficialsCsv.read(new ByteArrayInputStream(content), knownCommunes())
                    : OrgChartReader.parse(new ByteArrayInputStream(content), source);
        } catch (IOException e) {
            throw new OrgChartException(List.of(source + ": " + e.getMessage()));
        }
        GeneratedPasswords passwords = new GeneratedPasswords(passwordFile, letters);
        Applied applied = apply(chart, passwords);
        chart = applied.chart();
        List<String> changes = applied.changes();
        int officials = chart.communes().stream().mapToInt(c -> c.officials().size()).sum();
        return new Report(source, chart.communes().size(), officials, changes, (System.nanoTime() - start) / 1_000_000,
                passwords.filed() == 0 ? null : passwords.file().toAbsolutePath().toString(), passwords.issued(), passwords.mailed());
    }

    /**
     * Applies a chart whose officials may lack logins: each is matched with the official on record
     * in the same commune, role and department with the same name (or e-mail); the others get the
     * next free login of the pattern, so reordering HR's spreadsheet never renames an account.
     */
    public Applied apply(OrgChart chart, InitialPasswords passwords) {
        OrgChart withLogins = OrgChartReader.check(LoginMatcher.assign(chart, onRecord()));
        return new Applied(withLogins, provisioner.apply(withLogins, passwords));
    }

    public record Applied(OrgChart chart, List<String> changes) {
    }

    private List<LoginMatcher.OnRecord> onRecord() {
        return jdbc.sql("select user_id, commune_code, role, department_code, full_name, email, active from mc_official")
                .query((rs, n) -> new LoginMatcher.OnRecord(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .list();
    }

    private List<OfficialsCsv.KnownCommune> knownCommunes() {
        Map<String, Map<String, String>> departments = new LinkedHashMap<>();
        jdbc.sql("select commune_code, code, name from mc_department order by commune_code, code").query(rs -> {
            departments.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        });
        List<OfficialsCsv.KnownCommune> communes = new ArrayList<>();
        jdbc.sql("select code, name, agency_id, province_code, province_name from mc_commune order by code").query(rs -> {
            communes.add(new OfficialsCsv.KnownCommune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), departments.getOrDefault(rs.getString(1), Map.of())));
        });
        return communes;
    }

    /**
     * @param passwordFile where the new officials' initial passwords were written, if any were
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProvisioningReport")
    public record Report(String source, int communes, int officials, List<String> changes, long millis,
                         String passwordFile, int passwordsIssued, int passwordsMailed) {

        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append("Provisioned ").append(source).append(": ").append(communes).append(" communes, ")
                    .append(officials).append(" officials, ").append(changes.size()).append(" changes in ")
                    .append(millis).append(" ms\n");
            if (changes.isEmpty()) {
                text.append("  nothing changed\n");
            }
            changes.forEach(c -> text.append("  ").append(c).append('\n'));
            if (passwordsMailed > 0) {
                text.append(passwordsMailed).append(" initial passwords mailed to the officials\n");
            }
            if (passwordFile != null) {
                text.append(passwordsIssued - passwordsMailed).append(" initial passwords written to ").append(passwordFile)
                        .append(" (readable by its owner only)\n");
            }
            return text.toString();
        }
    }
}
