package vn.motcua.workflow;

import java.util.List;

/**
 * Where a dossier goes in its commune: the competent department, its heads' group and, when the
 * department has exactly one head, that head; the specialists the head may choose from.
 */
public record Routing(String department, String departmentName, String headGroup, String headAssignee,
                      String specialistGroup, List<Option> specialists) {

    /** A choice in a Camunda Form select: {@code {"label": ..., "value": ...}}. */
    public record Option(String label, String value) {
    }
}
