package vn.motcua.catalog;

import java.util.List;

/** The catalog, the BPMN files and the forms disagree; the service must not start. */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("The procedure catalog is inconsistent:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
