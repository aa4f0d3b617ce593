package vn.motcua.catalog;

import java.util.List;
import java.util.stream.Collectors;
import vn.motcua.common.Formats;

/**
 * The fees one dossier owes, line by line, as the catalog's rules computed them at submission; it
 * is kept with the dossier, so a later change of the catalog does not change what a citizen was told.
 */
public record FeeQuote(List<Line> lines) {

    public FeeQuote {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static final FeeQuote FREE = new FeeQuote(List.of());

    /**
     * @param code        the catalog fee's code
     * @param name        its name
     * @param amount      what is owed, in đồng (0 when exempt or not due)
     * @param explanation how it was computed, in Vietnamese ("3 trang x 2 bản", "miễn: người thuộc hộ nghèo")
     */
    public record Line(String code, String name, long amount, String explanation) {
    }

    public long total() {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    /** As Mẫu 01 and the fee task state it: each fee with its amount and how it was computed, or that nothing is owed. */
    public String label() {
        if (total() == 0) {
            String why = lines.stream().map(Line::explanation).filter(e -> e != null && !e.isBlank()).distinct()
                    .collect(Collectors.joining("; "));
            return "Không thu phí, lệ phí" + (why.isEmpty() ? "" : " (" + why + ")");
        }
        String text = lines.stream()
                .map(l -> l.name() + ": " + Formats.money(l.amount()) + " đồng"
                        + (l.explanation() == null || l.explanation().isBlank() ? "" : " (" + l.explanation() + ")"))
                .collect(Collectors.joining("; "));
        return lines.size() > 1 ? text + " (tổng cộng " + Formats.money(total()) + " đồng)" : text;
    }
}
