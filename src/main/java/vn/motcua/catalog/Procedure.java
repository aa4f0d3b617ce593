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
 * @param processKey    the BPMN process that runs it: {@code thu-tuc}, the shared composition
 *                      (processes/chung/thu-tuc.bpmn: reception, resolution, return), unless the
 *                      procedure has steps of its own
 * @param resolution    the resolution block its dossiers go through: giai-quyet-phong (head assigns,
 *                      specialist appraises, head reviews, leader approves), giai-quyet-rut-gon
 *                      (specialist, leader), giai-quyet-tai-cho (decided at the one-stop) or
 *                      giai-quyet-lien-thong (the commune's part, then the other agencies' parts)
 * @param agencyParts   the other agencies' parts of an inter-agency bundle (giai-quyet-lien-thong only)
 * @param financialObligation whether the appraisal may send the dossier to the tax authority for the
 *                      financial obligations (status 6, the clock paused until they are met)
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
        String resolution,
        List<String> agencyParts,
        boolean financialObligation,
        Map<String, Integer> steps,
        SupplementRule supplementRule) {

    public Procedure {
        if (supplementRule == null) supplementRule = SupplementRule.RESTART;
        fees = fees == null ? List.of() : List.copyOf(fees);
        components = components == null ? List.of() : List.copyOf(components);
        returnMethods = returnMethods == null ? List.of() : List.copyOf(returnMethods);
        agencyParts = agencyParts == null ? List.of() : List.copyOf(agencyParts);
        steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    public boolean allowsReturn(ReturnMethod method) {
        return returnMethods.contains(method);
    }

    /** Whether a fee counts the pages of the paper (the submission must say how many). */
    public boolean countsPages() {
        return fees.stream().anyMatch(f -> f.per() == Fee.Per.PAGE);
    }

    /** Whether a fee is owed only on late registration (the submission must give the event's day). */
    public boolean needsEventDate() {
        return fees.stream().anyMatch(f -> f.dueAfterDays() != null);
    }

    /** The exemptions any of its fees allows. */
    public java.util.Set<FeeExemption> exemptions() {
        java.util.Set<FeeExemption> all = java.util.EnumSet.noneOf(FeeExemption.class);
        fees.forEach(f -> all.addAll(f.exemptions()));
        return all;
    }

    /** The statutory limit and the legal text that sets it. */
    public record Limit(int value, LimitUnit unit, String basis) {
    }

    /**
     * RESTART: the limit counts again from the day the complete dossier is received (Decree 61
     * Art. 17); EXTEND: the appointment moves by the working time the dossier waited.
     */
    public enum SupplementRule { RESTART, EXTEND }

    /**
     * A fee or charge and its rule. {@code per}: DOSSIER (the amount once), COPY (the amount per copy
     * of the result), PAGE (per page of the paper, by {@code tiers}: each tier's amount from its first
     * page on, e.g. 2,000 đồng for pages 1–2 and 1,000 from page 3), capped per copy by
     * {@code capPerCopy}. {@code onlineAmount}: what a dossier filed online pays instead (a province's
     * incentive). {@code dueAfterDays}: owed only when the registration is later than this many days
     * after the event (a birth, a death), free on time. {@code exemptions}: who is exempt.
     * {@code provinceSet}: the figure is the province's to set (HĐND tỉnh); {@code basis}: the legal text.
     */
    public record Fee(String code, String name, long amount, Per per, List<Tier> tiers, Long capPerCopy, Long onlineAmount,
                      Integer dueAfterDays, List<FeeExemption> exemptions, boolean provinceSet, String basis) {

        public Fee {
            per = per == null ? Per.DOSSIER : per;
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
            exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        }

        /** A flat fee per dossier. */
        public Fee(String code, String name, long amount) {
            this(code, name, amount, Per.DOSSIER, List.of(), null, null, null, List.of(), false, null);
        }

        public enum Per { DOSSIER, COPY, PAGE }

        /** From page {@code fromPage} on, {@code amount} đồng a page. */
        public record Tier(int fromPage, long amount) {
        }
    }

    public record Component(String name, boolean required) {
    }
}
