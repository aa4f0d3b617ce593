package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.motcua.catalog.Procedure.Fee;
import vn.motcua.common.Formats;

/**
 * The catalog's fee rules, evaluated: what a dossier owes ({@link #quote}), the rule in words for
 * the public catalog ({@link #describe}), and what makes a rule impossible to evaluate
 * ({@link #problems}), which the start-up check refuses.
 *
 * <pre>{@code
 * // certification of a 5-page copy, 2 copies: (2 x 2,000 + 3 x 1,000) x 2 = 14,000 đồng
 * FeeQuote q = Fees.quote(certification, new FeeRequest(2, 5, null, null, today, false));
 * }</pre>
 */
public final class Fees {

    /** The most pages a paper to certify may have (a bound for the arithmetic and for clumsy clients). */
    public static final int MAX_PAGES = vn.motcua.process.ProcessContract.MAX_PAGES;

    private Fees() {
    }

    public static FeeQuote quote(Procedure procedure, FeeRequest request) {
        List<FeeQuote.Line> lines = new ArrayList<>();
        for (Fee fee : procedure.fees()) {
            lines.add(line(fee, request));
        }
        return new FeeQuote(lines);
    }

    private static FeeQuote.Line line(Fee fee, FeeRequest request) {
        if (fee.dueAfterDays() != null && request.eventDate() != null
                && !request.filedOn().isAfter(request.eventDate().plusDays(fee.dueAfterDays()))) {
            return new FeeQuote.Line(fee.code(), fee.name(), 0, "miễn: đăng ký đúng hạn, trong " + fee.dueAfterDays() + " ngày");
        }
        if (request.exemption() != null && fee.exemptions().contains(request.exemption())) {
            return new FeeQuote.Line(fee.code(), fee.name(), 0, "miễn: " + request.exemption().label());
        }
        long unit = request.online() && fee.onlineAmount() != null ? fee.onlineAmount() : fee.amount();
        int copies = Math.max(1, request.copies());
        return switch (fee.per()) {
            case DOSSIER -> new FeeQuote.Line(fee.code(), fee.name(), unit, request.online() && fee.onlineAmount() != null ? "nộp trực tuyến" : "");
            case COPY -> new FeeQuote.Line(fee.code(), fee.name(), Math.multiplyExact(unit, copies),
                    copies + " bản x " + Formats.money(unit) + " đồng");
            case PAGE -> {
                int pages = request.pages() == null ? 1 : Math.max(1, request.pages());
                long perCopy = perCopy(fee, pages);
                String explanation = pages + " trang" + (perCopy < uncapped(fee, pages) ? " (tối đa " + Formats.money(fee.capPerCopy()) + " đồng/bản)" : "")
                        + ", " + copies + " bản";
                yield new FeeQuote.Line(fee.code(), fee.name(), Math.multiplyExact(perCopy, copies), explanation);
            }
        };
    }

    private static long perCopy(Fee fee, int pages) {
        long sum = uncapped(fee, pages);
        return fee.capPerCopy() == null ? sum : Math.min(sum, fee.capPerCopy());
    }

    private static long uncapped(Fee fee, int pages) {
        List<Fee.Tier> tiers = fee.tiers().stream().sorted(Comparator.comparingInt(Fee.Tier::fromPage)).toList();
        long sum = 0;
        for (int i = 0; i < tiers.size(); i++) {
            int from = tiers.get(i).fromPage();
            int to = i + 1 < tiers.size() ? tiers.get(i + 1).fromPage() - 1 : pages;
            if (from > pages) break;
            sum += (long) (Math.min(to, pages) - from + 1) * tiers.get(i).amount();
        }
        return sum;
    }

    /** The rule in words: "2.000 đồng/trang từ trang 1, 1.000 đồng/trang từ trang 3, tối đa 200.000 đồng/bản". */
    public static String describe(Fee fee) {
        StringBuilder text = new StringBuilder();
        switch (fee.per()) {
            case DOSSIER -> text.append(Formats.money(fee.amount())).append(" đồng/hồ sơ");
            case COPY -> text.append(Formats.money(fee.amount())).append(" đồng/bản");
            case PAGE -> {
                for (Fee.Tier tier : fee.tiers()) {
                    if (text.length() > 0) text.append(", ");
                    text.append(Formats.money(tier.amount())).append(" đồng/trang từ trang ").append(tier.fromPage());
                }
            }
        }
        if (fee.capPerCopy() != null) text.append(", tối đa ").append(Formats.money(fee.capPerCopy())).append(" đồng/bản");
        if (fee.onlineAmount() != null) text.append("; nộp trực tuyến: ").append(Formats.money(fee.onlineAmount())).append(" đồng");
        if (fee.dueAfterDays() != null) text.append("; chỉ thu khi đăng ký quá hạn (sau ").append(fee.dueAfterDays()).append(" ngày), đúng hạn miễn");
        if (!fee.exemptions().isEmpty()) {
            text.append("; miễn cho ").append(String.join(", ", fee.exemptions().stream().map(FeeExemption::label).toList()));
        }
        if (fee.provinceSet()) text.append(" (mức do Hội đồng nhân dân tỉnh quy định)");
        return text.toString();
    }

    /** Why a rule cannot be evaluated, for the start-up check; empty when it can. */
    public static List<String> problems(Fee fee) {
        List<String> problems = new ArrayList<>();
        if (fee.code() == null || fee.code().isBlank()) problems.add("a fee has no code");
        if (fee.name() == null || fee.name().isBlank()) problems.add("fee " + fee.code() + " has no name");
        String at = "fee " + fee.code() + ": ";
        if (fee.amount() < 0) problems.add(at + "amount is negative");
        if (fee.per() == Fee.Per.PAGE) {
            if (fee.tiers().isEmpty()) {
                problems.add(at + "per PAGE needs tiers");
            } else {
                if (fee.tiers().get(0).fromPage() != 1) problems.add(at + "the first tier must start at page 1");
                for (int i = 0; i < fee.tiers().size(); i++) {
                    Fee.Tier t = fee.tiers().get(i);
                    if (t.amount() < 0) problems.add(at + "tier from page " + t.fromPage() + " has a negative amount");
                    if (i > 0 && t.fromPage() <= fee.tiers().get(i - 1).fromPage()) problems.add(at + "tiers must start on ascending pages");
                }
            }
            if (fee.amount() != 0) problems.add(at + "per PAGE takes its amounts from the tiers, not amount");
        } else if (!fee.tiers().isEmpty()) {
            problems.add(at + "tiers only apply per PAGE");
        }
        if (fee.capPerCopy() != null && (fee.capPerCopy() <= 0 || fee.per() == Fee.Per.DOSSIER)) {
            problems.add(at + "capPerCopy must be positive and applies per COPY or PAGE");
        }
        if (fee.onlineAmount() != null && (fee.onlineAmount() < 0 || fee.onlineAmount() > fee.amount() || fee.per() == Fee.Per.PAGE)) {
            problems.add(at + "onlineAmount must be between 0 and amount, and not per PAGE");
        }
        if (fee.dueAfterDays() != null && fee.dueAfterDays() < 1) problems.add(at + "dueAfterDays must be at least 1");
        if (fee.basis() == null || fee.basis().isBlank()) problems.add(at + "the legal basis is missing");
        return problems;
    }
}
