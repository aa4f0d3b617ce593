package vn.motcua.catalog;

import java.util.List;
import java.util.Map;

/**
 * One administrative procedure (thủ tục hành chính) of the catalog.
 *
 * @param code          the national procedure code (mã TTHC), e.g. {@code 1.001193}
 * @param name          its Vietnamese name
 * @param field         its field (lĩnh vực)
 * @param department    the competent department's code in every commune (vp, kt, vhxh)
 * @param limit         the statutory time limit
 * @param fees          fees and charges; empty when free
 * @param components    the papers a dossier holds; a submission without one that is {@code required} is
 *                      refused, naming it
 * @param returnMethods how the result may be returned
 * @param interAgency   whether the procedure is inter-agency (liên thông); used by the inter-agency
 *                      bundles (next issue), nothing reads it yet
 * @param processKey    the BPMN process that runs it
 * @param steps         each user task's share of the limit, in percent
 * @param supplementRule how a supplement requested during processing moves the appointment
 */
public record Procedure(
        String code,
        String name,
        String field,
        String department,
        Limit limit,
        List<Fee> fees,
        List<Component> components,
        List<ReturnMethod> returnMethods,
        boolean interAgency,
        String processKey,
        Map<String, Integer> steps,
        SupplementRule supplementRule) {

    public Procedure {
        if (supplementRule == null) supplementRule = SupplementRule.RESTART;
        fees = fees == null ? List.of() : List.copyOf(fees);
        components = components == null ? List.of() : List.copyOf(components);
        returnMethods = returnMethods == null ? List.of() : List.copyOf(returnMethods);
        steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    public boolean allowsReturn(ReturnMethod method) {
        return returnMethods.contains(method);
    }

    public record Limit(int value, LimitUnit unit) {
    }

    /**
     * RESTART: the limit counts again from the day the complete dossier is received (Decree 61
     * Art. 17); EXTEND: the appointment moves by the working time the dossier waited.
     */
    public enum SupplementRule { RESTART, EXTEND }

    public record Fee(String code, String name, long amount) {
    }

    public record Component(String name, boolean required) {
    }
}
