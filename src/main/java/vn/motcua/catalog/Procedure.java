package vn.motcua.catalog;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
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
 * @param retention     how long the dossier's history (the engine's and motcua's own rows) is kept after
 *                      the dossier ends; the catalog's default when the entry names none
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
        SupplementRule supplementRule,
        Retention retention) {

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

    /** A procedure with no retention of its own (the catalog gives it its default). */
    public Procedure(String code, String name, String field, String department, Limit limit, List<Fee> fees,
                     List<Component> components, List<ReturnMethod> returnMethods, boolean interAgency, String processKey,
                     String resolution, List<String> agencyParts, boolean financialObligation, Map<String, Integer> steps,
                     SupplementRule supplementRule) {
        this(code, name, field, department, limit, fees, components, returnMethods, interAgency, processKey, resolution,
                agencyParts, financialObligation, steps, supplementRule, null);
    }

    /** The same procedure with the catalog's default retention when it names none of its own. */
    Procedure withDefaultRetention(Retention fallback) {
        return retention != null || fallback == null ? this : new Procedure(code, name, field, department, limit, fees, components,
                returnMethods, interAgency, processKey, resolution, agencyParts, financialObligation, steps, supplementRule, fallback);
    }

    /**
     * How long a dossier's history is kept once the dossier has ended: an ISO-8601 period
     * ({@code P20Y}, {@code P6M}, {@code P90D}) and the legal text or decision behind it. Counted in
     * Vietnam's calendar from the end of the dossier's process; the engine's history (Camunda's removal
     * time) and motcua's rows ({@code mc_dossier.retain_until}) follow the same rule.
     */
    public record Retention(String period, String basis) {

        /** The longest period a catalog may give: beyond it the rule is "permanent", which motcua does not keep. */
        public static final Period MAX = Period.ofYears(100);

        static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

        /** The period; only for a rule the catalog has checked ({@link #problems()} empty). */
        public Period asPeriod() {
            return Period.parse(period);
        }

        /** When history of a dossier that ended at {@code end} may be removed. */
        public Instant until(Instant end) {
            return end.atZone(ZONE).plus(asPeriod()).toInstant();
        }

        /** What is wrong with the rule, in the catalog's words; empty when it is usable. */
        List<String> problems() {
            List<String> problems = new java.util.ArrayList<>();
            if (period == null || period.isBlank()) {
                problems.add("retention period is missing (an ISO-8601 period such as P20Y)");
            } else {
                try {
                    Period p = Period.parse(period);
                    java.time.LocalDate from = java.time.LocalDate.of(2000, 1, 1);
                    if (p.isZero() || p.getYears() < 0 || p.getMonths() < 0 || p.getDays() < 0) {
                        problems.add("retention period " + period + " is not positive (thời hạn lưu phải lớn hơn 0)");
                    } else if (from.plus(p).isAfter(from.plus(MAX))) {
                        problems.add("retention period " + period + " is longer than " + MAX
                                + " (a permanent record is the register's, not motcua's)");
                    }
                } catch (java.time.format.DateTimeParseException e) {
                    problems.add("retention period " + period + " is not an ISO-8601 period such as P20Y, P6M or P90D"
                            + " (thời hạn lưu không đúng định dạng ISO-8601)");
                }
            }
            if (basis == null || basis.isBlank()) problems.add("the retention's legal basis is missing");
            return problems;
        }
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
