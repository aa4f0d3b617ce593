package vn.motcua.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;

/** The procedure catalog ({@code processes/catalog.yaml}): every procedure the province runs. */
public class ProcedureCatalog {

    private final Map<String, Procedure> byCode;

    ProcedureCatalog(List<Procedure> procedures) {
        List<String> problems = new ArrayList<>();
        Map<String, Procedure> map = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            String where = "procedure " + (p.code() == null ? "#" + (map.size() + 1) : p.code());
            if (blank(p.code())) problems.add(where + ": code is missing");
            if (blank(p.name())) problems.add(where + ": name is missing");
            if (blank(p.department())) problems.add(where + ": department is missing");
            if (blank(p.processKey())) problems.add(where + ": processKey is missing");
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
            return new ProcedureCatalog(file.procedures() == null ? List.of() : file.procedures());
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    record CatalogFile(List<Procedure> procedures) {
    }
}
