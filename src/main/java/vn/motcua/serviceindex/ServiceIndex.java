package vn.motcua.serviceindex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.organisation.OrgDirectory;

/**
 * The service index of Decision 766/QĐ-TTg for a period, per commune, per procedure and for the
 * province: each indicator motcua holds the facts for (1.4, 2.1, 2.2, 3.3, 3.6, 4.2, 5.4, see
 * {@link Indicator}), its value, its achievement on the index's scale and the points of its group.
 *
 * <p>One SQL statement sums the period's dossiers by commune and procedure ({@code mc_dossier} keeps
 * each dossier's facts as they happen: its end, its working minutes, its supplements after acceptance,
 * its digitized papers); every scope is a sum of those rows.
 *
 * <p>The scale: a rate counts in proportion, or fully from the value the index names (3.3 from 50 %,
 * 4.2 from 80 %, 5.4 from 90 %); 2.2 fully while the average stays within the statutory limit, else
 * in proportion (limit / time); a group has its points (18, 20, 12, 10, 18, 22) times the mean of its
 * indicators' achievements; a group with no dossier to judge is left out and the score is out of the
 * groups that are judged, on 100.
 */
@Service
public class ServiceIndex {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public record IndicatorValue(String code, String name, String group, long numerator, long denominator, Double value,
                                 String unit, Double achievement, Double fullAt, Boolean belowTarget, String dossiers) {
    }

    public record GroupValue(String code, String name, int maxPoints, Double points, boolean judged, List<IndicatorValue> indicators) {
    }

    public record Scope(String kind, String code, String name, Integer rank, Double score, long handled, long received,
                        List<GroupValue> groups) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ServiceIndexReport")
    public record Report(LocalDate from, LocalDate to, OffsetDateTime computedAt, String commune, Scope province,
                         List<Scope> communes, List<Scope> procedures) {
    }

    /** The sums of one commune's dossiers of one procedure. */
    record Counts(String commune, String procedure, long handled, long[] numerators, long[] denominators, long minutes,
                  long dissatisfied) {

        Counts plus(Counts o) {
            long[] n = numerators.clone();
            long[] d = denominators.clone();
            for (int i = 0; i < n.length; i++) {
                n[i] += o.numerators[i];
                d[i] += o.denominators[i];
            }
            return new Counts(commune, procedure, handled + o.handled, n, d, minutes + o.minutes, dissatisfied + o.dissatisfied);
        }
    }

    private final JdbcClient jdbc;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final Deadlines deadlines;
    private final Clock clock;

    ServiceIndex(JdbcClient jdbc, ProcedureCatalog catalog, OrgDirectory directory, Deadlines deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A period of days, [from, to] in Vietnam time. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** The period [from, to] (days, Vietnam time), for the province, or for one commune when commune is given. */
    @Transactional(readOnly = true)
    public Report compute(LocalDate from, LocalDate to, String commune) {
        return compute(List.of(new Period(from, to)), commune).get(0);
    }

    /**
     * The reports of several periods, in their order, from one pass over their dossiers (the weekly
     * review's twelve weeks): each the same as {@link #compute(LocalDate, LocalDate, String)} of its period.
     */
    @Transactional(readOnly = true)
    public List<Report> compute(List<Period> periods, String commune) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Integer, List<Counts>> rows = counts(periods, commune);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            reports.add(report(periods.get(i), commune, rows.getOrDefault(i, List.of()), now));
        }
        return reports;
    }

    private Report report(Period period, String commune, List<Counts> rows, OffsetDateTime now) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        Counts all = total(rows);
        Map<String, List<Counts>> byCommune = group(rows, Counts::commune);
        Map<String, List<Counts>> byProcedure = group(rows, Counts::procedure);
        String suffix = "&from=" + from + "&to=" + to;
        Scope province = commune != null ? null : scope("PROVINCE", null, "Toàn tỉnh", all, rows, suffix);
        List<Scope> communes = new ArrayList<>();
        byCommune.forEach((code, parts) -> communes.add(scope("COMMUNE", code,
                directory.commune(code).map(OrgDirectory.CommuneInfo::name).orElse(code), total(parts), parts,
                suffix + "&commune=" + code)));
        List<Scope> ranked = rank(communes);
        List<Scope> procedures = new ArrayList<>();
        byProcedure.forEach((code, parts) -> procedures.add(scope("PROCEDURE", code,
                catalog.find(code).map(Procedure::name).orElse(code), total(parts), parts,
                suffix + "&procedure=" + code + (commune == null ? "" : "&commune=" + commune))));
        procedures.sort(Comparator.comparing(Scope::code));
        return new Report(from, to, now, commune, province, ranked, procedures);
    }

    /** Communes by score, best first (equal scores share a rank); unjudged ones last, unranked. */
    static List<Scope> rank(List<Scope> scopes) {
        List<Scope> sorted = new ArrayList<>(scopes);
        sorted.sort(Comparator.comparing((Scope s) -> s.score() == null ? Double.NEGATIVE_INFINITY : s.score()).reversed()
                .thenComparing(Scope::code));
        List<Scope> ranked = new ArrayList<>();
        Integer rank = null;
        Double previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Scope s = sorted.get(i);
            if (s.score() != null && !s.score().equals(previous)) rank = i + 1;
            previous = s.score();
            ranked.add(new Scope(s.kind(), s.code(), s.name(), s.score() == null ? null : rank, s.score(), s.handled(), s.received(), s.groups()));
        }
        return ranked;
    }

    private Scope scope(String kind, String code, String name, Counts c, List<Counts> parts, String query) {
        Map<Indicator.Group, List<IndicatorValue>> byGroup = new EnumMap<>(Indicator.Group.class);
        Map<Indicator.Group, List<Double>> achievements = new EnumMap<>(Indicator.Group.class);
        for (Indicator.Group g : Indicator.Group.values()) {
            byGroup.put(g, new ArrayList<>());
            achievements.put(g, new ArrayList<>());
        }
        for (Indicator indicator : Indicator.values()) {
            IndicatorValue v = value(indicator, c, parts, query);
            byGroup.get(indicator.group).add(v);
            if (v.achievement() != null) achievements.get(indicator.group).add(v.achievement());
        }
        List<GroupValue> groups = new ArrayList<>();
        double points = 0;
        double judged = 0;
        for (Indicator.Group g : Indicator.Group.values()) {
            List<Double> a = achievements.get(g);
            Double p = a.isEmpty() ? null : round(g.points * a.stream().mapToDouble(Double::doubleValue).average().orElse(0), 2);
            if (p != null) {
                points += p;
                judged += g.points;
            }
            groups.add(new GroupValue(g.code, g.label, g.points, p, p != null, byGroup.get(g)));
        }
        Double score = judged == 0 ? null : round(100 * points / judged, 2);
        return new Scope(kind, code, name, null, score, c.handled(), c.denominators()[Indicator.SYNCED.ordinal()], groups);
    }

    private IndicatorValue value(Indicator i, Counts c, List<Counts> parts, String query) {
        long num = c.numerators()[i.ordinal()];
        long den = c.denominators()[i.ordinal()];
        String href = "/api/service-index/dossiers?indicator=" + i.code + query;
        Double value = null;
        Double achievement = null;
        String unit = "%";
        switch (i.kind) {
            case RATE -> {
                if (den > 0) {
                    value = (double) num / den;
                    achievement = i.fullAt == null ? value : Math.min(1, value / i.fullAt);
                }
            }
            case DAYS -> {
                unit = "ngày làm việc";
                if (den > 0) {
                    value = (double) c.minutes() / den / deadlines.time().minutesPerDay();
                    double limit = 0;
                    for (Counts part : parts) {
                        limit += part.denominators()[i.ordinal()] * (double) limitMinutes(part.procedure());
                    }
                    double share = limit == 0 ? 0 : c.minutes() / limit;
                    achievement = share <= 1 ? 1.0 : 1 / share;
                }
            }
            case SATISFACTION -> {
                if (den > 0) {
                    long late = c.handled() - c.numerators()[Indicator.ON_TIME.ordinal()];
                    value = Math.max(0, 1 - ((double) late / den + (double) c.dissatisfied() / den));
                    achievement = Math.min(1, value / i.fullAt);
                }
            }
        }
        Double shown = value == null ? null : round(i.kind == Indicator.Kind.DAYS ? value : 100 * value, 2);
        Boolean below = value == null || i.fullAt == null ? null : value < i.fullAt;
        return new IndicatorValue(i.code, i.label, i.group.code, num, den, shown, unit,
                achievement == null ? null : round(achievement, 4), i.fullAt == null ? null : 100 * i.fullAt, below, href);
    }

    /** The statutory limit of a procedure in working minutes (same day: one working day). */
    private long limitMinutes(String procedure) {
        Procedure p = catalog.find(procedure).orElse(null);
        if (p == null) return deadlines.time().minutesPerDay();
        return switch (p.limit().unit()) {
            case SAME_DAY -> deadlines.time().minutesPerDay();
            case WORKING_DAYS -> p.limit().value() * deadlines.time().minutesPerDay();
            case WORKING_HOURS -> p.limit().value() * 60L;
        };
    }

    /**
     * The sums by period (its index in periods), commune and procedure of the dossiers handled in each
     * period (optionally of one commune), in one statement: the periods are a table joined on the
     * predicates of {@link Indicator} with its bounds in place of {@code :from} and {@code :end}, and
     * the dossiers are first narrowed to those handled in the span of all the periods.
     */
    Map<Integer, List<Counts>> counts(List<Period> periods, String commune) {
        withoutJit();
        StringBuilder sql = new StringBuilder("select w.n, d.commune_code, d.procedure_code, count(*)");
        for (Indicator i : Indicator.values()) {
            sql.append(", sum(case when ").append(perPeriod(i.denominator)).append(" then 1 else 0 end)");
            sql.append(", sum(case when ").append(perPeriod(i.denominator)).append(" and ").append(perPeriod(i.numerator))
                    .append(" then 1 else 0 end)");
        }
        sql.append(", sum(case when ").append(perPeriod(Indicator.Sql.RESOLVED)).append(" then d.processing_minutes else 0 end)");
        sql.append(", sum(case when d.rating_level = 'KHONG_HAI_LONG' then 1 else 0 end)");
        sql.append(" from mc_dossier d join (values ");
        for (int p = 0; p < periods.size(); p++) {
            sql.append(p == 0 ? "" : ", ").append("(").append(p).append(", cast(:from").append(p)
                    .append(" as timestamp with time zone), cast(:end").append(p).append(" as timestamp with time zone))");
        }
        sql.append(") w (n, p_from, p_end) on ").append(perPeriod(Indicator.Sql.HANDLED));
        sql.append(" where ").append(Indicator.Sql.HANDLED);
        if (commune != null) sql.append(" and d.commune_code = :commune");
        sql.append(" group by w.n, d.commune_code, d.procedure_code");
        LocalDate first = periods.stream().map(Period::from).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = periods.stream().map(Period::to).max(Comparator.naturalOrder()).orElseThrow();
        var statement = period(jdbc.sql(sql.toString()), first, last);
        for (int p = 0; p < periods.size(); p++) {
            statement = statement.param("from" + p, start(periods.get(p).from())).param("end" + p, end(periods.get(p).to()));
        }
        if (commune != null) statement = statement.param("commune", commune);
        int n = Indicator.values().length;
        Map<Integer, List<Counts>> rows = new HashMap<>();
        statement.query(rs -> {
            long[] dens = new long[n];
            long[] nums = new long[n];
            for (int i = 0; i < n; i++) {
                dens[i] = rs.getLong(5 + 2 * i);
                nums[i] = rs.getLong(6 + 2 * i);
            }
            rows.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Counts(rs.getString(2), rs.getString(3),
                    rs.getLong(4), nums, dens, rs.getLong(5 + 2 * n), rs.getLong(6 + 2 * n)));
        });
        rows.values().forEach(list -> list.sort(Comparator.comparing(Counts::commune).thenComparing(Counts::procedure)));
        return rows;
    }

    /** A predicate of {@link Indicator} over the joined period's bounds instead of the statement's. */
    private static String perPeriod(String predicate) {
        return predicate.replace(":from", "w.p_from").replace(":end", "w.p_end");
    }

    /** One dossier behind a figure. */
    public record DossierLine(String code, String commune, String communeName, String procedure, String procedureName,
                              int status, OffsetDateTime acceptedAt,
                              OffsetDateTime dueAt, OffsetDateTime endedAt, int supplementsAfterAcceptance, String channel,
                              long feeAmount, String rating, String href) {
    }

    /**
     * The dossiers behind an indicator's figure: its numerator's, or (numerator false) its
     * denominator's, at most {@code limit} from {@code offset}, in code order.
     */
    @Transactional(readOnly = true)
    public List<DossierLine> dossiers(Indicator indicator, boolean numerator, LocalDate from, LocalDate to, String commune,
                                      String procedure, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                select d.code, d.commune_code, d.procedure_code, d.status, d.accepted_at,
                       coalesce(d.original_appointment_at, d.appointment_at), d.ended_at, d.processing_supplements, d.channel,
                       d.fee_amount, d.rating_level
                from mc_dossier d where""").append(" ").append(Indicator.Sql.HANDLED)
                .append(" and ").append(indicator.denominator);
        if (numerator) sql.append(" and ").append(indicator.numerator);
        if (commune != null) sql.append(" and d.commune_code = :commune");
        if (procedure != null) sql.append(" and d.procedure_code = :procedure");
        sql.append(" order by d.code offset ").append(offset).append(" rows fetch next ").append(limit).append(" rows only");
        var statement = period(jdbc.sql(sql.toString()), from, to);
        if (commune != null) statement = statement.param("commune", commune);
        if (procedure != null) statement = statement.param("procedure", procedure);
        return statement.query((rs, row) -> new DossierLine(rs.getString(1), rs.getString(2),
                directory.commune(rs.getString(2)).map(OrgDirectory.CommuneInfo::name).orElse(rs.getString(2)), rs.getString(3),
                catalog.find(rs.getString(3)).map(Procedure::name).orElse(rs.getString(3)), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getInt(8), rs.getString(9), rs.getLong(10), rs.getString(11), "/api/dossiers/" + rs.getString(1))).list();
    }

    /** A late dossier of the period: where it stands (or stood last) and why, as its apology says. */
    public record LateDossier(String code, String commune, String communeName, String procedure, String procedureName,
                              OffsetDateTime dueAt, OffsetDateTime endedAt, int status, String step, String reason) {
    }

    /** The dossiers handled in the period and late by the index's rule (2.1), in due-date order. */
    @Transactional(readOnly = true)
    public List<LateDossier> late(LocalDate from, LocalDate to, String commune, int limit) {
        String sql = "select d.code, d.commune_code, d.procedure_code, coalesce(d.original_appointment_at, d.appointment_at), d.ended_at,"
                + " d.status, d.processing_supplements,"
                + " (select h.step_name from mc_handover h where h.dossier_id = d.id order by h.handed_at desc, h.id desc fetch first 1 rows only),"
                + " (select a.reason from mc_apology a where a.dossier_id = d.id)"
                + " from mc_dossier d where " + Indicator.Sql.HANDLED + " and not " + Indicator.Sql.ON_TIME
                + (commune == null ? "" : " and d.commune_code = :commune")
                + " order by 4, d.code fetch first " + limit + " rows only";
        var statement = period(jdbc.sql(sql), from, to);
        if (commune != null) statement = statement.param("commune", commune);
        return statement.query((rs, n) -> {
            String c = rs.getString(2);
            String p = rs.getString(3);
            String reason = rs.getString(9);
            if (reason == null) {
                reason = rs.getInt(7) > 1 ? "Yêu cầu bổ sung hồ sơ " + rs.getInt(7) + " lần sau khi tiếp nhận"
                        : "Quá hạn, chưa có văn bản xin lỗi, hẹn lại";
            }
            return new LateDossier(rs.getString(1), c, directory.commune(c).map(OrgDirectory.CommuneInfo::name).orElse(c), p,
                    catalog.find(p).map(Procedure::name).orElse(p), rs.getObject(4, OffsetDateTime.class),
                    rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getString(8), reason);
        }).list();
    }

    /**
     * PostgreSQL compiles a statement this wide with its JIT before running it, which costs more than it
     * saves on a scan of a million rows (about 0.2 s measured): off for this transaction only.
     */
    private void withoutJit() {
        if (postgres == null) {
            postgres = jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
                    .single().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        if (postgres && org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("set local jit = off").update();
        }
    }

    private volatile Boolean postgres;

    private JdbcClient.StatementSpec period(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to) {
        return statement.param("from", start(from)).param("end", end(to));
    }

    /** The first instant of the day, Vietnam time. */
    private static OffsetDateTime start(LocalDate from) {
        return from.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The instant after the day, Vietnam time, or now if that is sooner. */
    private OffsetDateTime end(LocalDate to) {
        OffsetDateTime end = to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return end.isAfter(now) ? now : end;
    }

    private static Map<String, List<Counts>> group(List<Counts> rows, Function<Counts, String> key) {
        Map<String, List<Counts>> groups = new LinkedHashMap<>();
        for (Counts r : rows) groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        return groups;
    }

    private static Counts total(List<Counts> parts) {
        return parts.stream().reduce(Counts::plus).orElse(empty());
    }

    private static Counts empty() {
        int n = Indicator.values().length;
        return new Counts(null, null, 0, new long[n], new long[n], 0, 0);
    }

    private static double round(double value, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }
}
