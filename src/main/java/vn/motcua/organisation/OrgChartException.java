package vn.motcua.organisation;

import java.util.List;

/** An org chart that cannot be applied; nothing of it was applied. */
public class OrgChartException extends RuntimeException {

    private final List<String> problems;

    public OrgChartException(List<String> problems) {
        super("The org chart cannot be applied:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
