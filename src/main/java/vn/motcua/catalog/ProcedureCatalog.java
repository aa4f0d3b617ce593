package vn.motcua.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;

/** The procedure catalog ({@code processes/catalog.yaml}): every procedure the province runs. */
public class ProcedureCatalog {

    private final Map<String, Procedure> byCode;

    private final Map<String, String> departments;

    private final Procedure.Retention defaultRetention;

    ProcedureCatalog(Map<String, String> departments, List<Procedure> procedures) {
        this(departments, null, procedures);
    }

    ProcedureCatalog(Map<String, String> departments, Procedure.Retention defaultRetention, List<Procedure> procedures) {
        List<String> problems = new ArrayList<>();
        this.departments = departments == null ? Map.of() : Map.copyOf(departments);
        this.defaultRetention = defaultRetention;
        if (defaultRetention != null) {
            defaultRetention.problems().forEach(problem -> problems.add("catalog default: " + problem));
        }
        Map<String, Procedure> map = new LinkedHashMap<>();
        for (Procedure entry : procedures) {
            Procedure p = entry.withDefaultRetention(defaultRetention);
            String where = "procedure " + (p.code() == null ? "#" + (map.size() + 1) : p.code());
            if (p.retention() == null) {
                problems.add(where + ": retention is missing (give the procedure one, or the catalog a default retention at the top)");
            } else if (p.retention() != defaultRetention) {
                p.retention().problems().forEach(problem -> problems.add(where + ": " + problem));
            }
            if (blank(p.code())) problems.add(where + ": code is missing");
            if (blank(p.name())) problems.add(where + ": name is missing");
            if (blank(p.department())) {
                problems.add(where + ": department is missing");
            } else if (!this.departments.containsKey(p.department())) {
                problems.add(where + ": department " + p.department() + " is not one of the catalog's departments " + this.departments.keySet());
            }
            if (p.limit() != null && blank(p.limit().basis())) problems.add(where + ": the limit's legal basis is missing");
            Set<String> feeCodes = new HashSet<>();
            for (Procedure.Fee fee : p.fees()) {
                Fees.problems(fee).forEach(problem -> problems.add(where + ": " + problem));
                if (fee.code() != null && !feeCodes.add(fee.code())) problems.add(where + ": fee " + fee.code() + " is listed twice");
            }
            Set<String> papers = new HashSet<>();
            for (Procedure.Component c : p.components()) {
                if (blank(c.name())) problems.add(where + ": a paper has no name");
                else if (!papers.add(c.name().strip().toLowerCase(java.util.Locale.ROOT))) problems.add(where + ": paper \"" + c.name() + "\" is listed twice");
            }
            if (blank(p.processKey())) problems.add(where + ": processKey is missing");
            problems.addAll(resolutionProblems(where, p));
            if (p.limit() == null || p.limit().unit() == null || p.limit().value() < 1) {
                problems.add(where + ": limit needs a value of at least 1 and a unit");
            }
            if (p.returnMethods().isEmpty()) problems.add(where + ": returnMethods is empty");
            if (p.code() != null && map.put(p.code(), p) != null) problems.add(where + ": listed twice");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        this.byCode = Map.copyOf(map);
    }

    public static ProcedureCatalog load(Resource resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = resource.getInputStream()) {
            CatalogFile file = yaml.readValue(in, CatalogFile.class);
            return new ProcedureCatalog(file.departments(), file.retention(), file.procedures() == null ? List.of() : file.procedures());
        } catch (IOException e) {
            throw new CatalogException(List.of("cannot read " + resource.getDescription() + ": " + e.getMessage()));
        }
    }

    public Optional<Procedure> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public Collection<Procedure> all() {
        return byCode.values();
    }

    /**
     * How long the history of a dossier of this procedure is kept: the procedure's rule; for a code the
     * catalog no longer lists (a dossier outlives catalog changes) the catalog's default, or without one
     * the longest rule of the catalog. Empty only for an empty catalog.
     */
    public Optional<Procedure.Retention> retention(String procedureCode) {
        java.time.LocalDate from = java.time.LocalDate.of(2000, 1, 1);
        return find(procedureCode).map(Procedure::retention)
                .or(() -> Optional.ofNullable(defaultRetention))
                .or(() -> byCode.values().stream().map(Procedure::retention)
                        .max(java.util.Comparator.comparing(r -> from.plus(r.asPeriod()))));
    }

    /** The catalog's default retention, for procedures that name none. */
    public Optional<Procedure.Retention> defaultRetention() {
        return Optional.ofNullable(defaultRetention);
    }

    /** The resolution variants a procedure may name; the inter-agency one needs the other agencies' parts. */
    static final List<String> RESOLUTIONS = List.of(vn.motcua.process.DossierProcess.Block.DEPARTMENT, vn.motcua.process.DossierProcess.Block.SHORT,
            vn.motcua.process.DossierProcess.Block.ON_THE_SPOT, vn.motcua.process.DossierProcess.Block.INTER_AGENCY_RESOLUTION);

    static final List<String> AGENCY_PARTS = vn.motcua.process.ProcessContract.agencyPartCodes();

    private static List<String> resolutionProblems(String where, Procedure p) {
        List<String> problems = new ArrayList<>();
        if (blank(p.resolution())) {
            problems.add(where + ": resolution is missing (one of " + RESOLUTIONS + ")");
            return problems;
        }
        if (!RESOLUTIONS.contains(p.resolution())) {
            problems.add(where + ": resolution " + p.resolution() + " is not one of " + RESOLUTIONS);
        }
        boolean bundle = vn.motcua.process.DossierProcess.Block.INTER_AGENCY_RESOLUTION.equals(p.resolution());
        if (bundle && p.agencyParts().isEmpty()) {
            problems.add(where + ": an inter-agency resolution needs agencyParts");
        }
        if (!bundle && !p.agencyParts().isEmpty()) {
            problems.add(where + ": agencyParts belong to the inter-agency resolution (" + vn.motcua.process.DossierProcess.Block.INTER_AGENCY_RESOLUTION + ")");
        }
        Set<String> seen = new HashSet<>();
        for (String part : p.agencyParts()) {
            if (!AGENCY_PARTS.contains(part)) {
                problems.add(where + ": agency part " + part + " is not one of " + AGENCY_PARTS);
            } else if (!seen.add(part)) {
                problems.add(where + ": agency part " + part + " is listed twice");
            }
        }
        if (p.financialObligation() && !vn.motcua.process.DossierProcess.Block.DEPARTMENT.equals(p.resolution())) {
            problems.add(where + ": financialObligation needs the department resolution (" + vn.motcua.process.DossierProcess.Block.DEPARTMENT
                    + "), whose appraisal sends the dossier to the tax authority");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The competent departments' codes and names, as every commune's org chart names them. */
    public Map<String, String> departments() {
        return departments;
    }

    record CatalogFile(Map<String, String> departments, Procedure.Retention retention, List<Procedure> procedures) {
    }
}
