package vn.motcua.serviceindex;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.motcua.organisation.OrgDirectory;

/**
 * The province's weekly review: the communes ranked by their index with the change since the week
 * before, the trend of the last twelve weeks, the indicators below target, and the late dossiers of
 * the week with their step and reason; as JSON and as the one-page PDF of the leadership's Monday
 * meeting.
 */
@Service
public class WeeklyReview {

    static final int WEEKS = 12;
    static final int LATE_LINES = 200;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM");

    public record RankedCommune(Integer rank, String code, String name, Double score, Integer previousRank, Double previousScore,
                                Double change, long handled) {
    }

    public record TrendPoint(LocalDate weekStart, Double score) {
    }

    public record Review(LocalDate weekStart, LocalDate weekEnd, String scope, String scopeName, Double score, Double previousScore,
                         List<RankedCommune> ranking, List<TrendPoint> trend, List<ServiceIndex.IndicatorValue> indicators,
                         List<ServiceIndex.LateDossier> late) {
    }

    private final ServiceIndex index;
    private final OrgDirectory directory;

    WeeklyReview(ServiceIndex index, OrgDirectory directory) {
        this.index = index;
        this.directory = directory;
    }

    /** The Monday of the week that holds the day. */
    public static LocalDate monday(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** The review of the week that starts on monday: the province's, or one commune's (commune not null). */
    public Review of(LocalDate monday, String commune) {
        LocalDate sunday = monday.plusDays(6);
        // the twelve weeks of the trend, the oldest first, from one pass over their dossiers; the ranking
        // and the change since the week before are the province's (every commune) of the last two
        List<ServiceIndex.Period> weeks = new ArrayList<>();
        for (int w = WEEKS - 1; w >= 0; w--) {
            weeks.add(new ServiceIndex.Period(monday.minusWeeks(w), sunday.minusWeeks(w)));
        }
        List<ServiceIndex.Report> reports = index.compute(weeks, null);
        ServiceIndex.Report now = reports.get(WEEKS - 1);
        ServiceIndex.Report before = reports.get(WEEKS - 2);
        Map<String, ServiceIndex.Scope> previous = new HashMap<>();
        before.communes().forEach(s -> previous.put(s.code(), s));
        List<RankedCommune> ranking = new ArrayList<>();
        for (ServiceIndex.Scope s : now.communes()) {
            if (commune != null && !commune.equals(s.code())) continue;
            ServiceIndex.Scope p = previous.get(s.code());
            Double change = s.score() == null || p == null || p.score() == null ? null : round(s.score() - p.score());
            ranking.add(new RankedCommune(s.rank(), s.code(), s.name(), s.score(), p == null ? null : p.rank(),
                    p == null ? null : p.score(), change, s.handled()));
        }
        ServiceIndex.Scope scope = scopeOf(now, commune);
        ServiceIndex.Scope scopeBefore = scopeOf(before, commune);
        List<TrendPoint> trend = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            ServiceIndex.Scope s = scopeOf(reports.get(w), commune);
            trend.add(new TrendPoint(weeks.get(w).from(), s == null ? null : s.score()));
        }
        List<ServiceIndex.IndicatorValue> indicators = scope == null ? List.of()
                : scope.groups().stream().flatMap(g -> g.indicators().stream()).toList();
        String name = commune == null ? "Toàn tỉnh" : directory.commune(commune).map(OrgDirectory.CommuneInfo::name).orElse(commune);
        return new Review(monday, sunday, commune, name, scope == null ? null : scope.score(),
                scopeBefore == null ? null : scopeBefore.score(), ranking, trend, indicators,
                index.late(monday, sunday, commune, LATE_LINES));
    }

    /** The province's scope of a province-wide report, or one commune's (none when it handled nothing). */
    private static ServiceIndex.Scope scopeOf(ServiceIndex.Report report, String commune) {
        if (commune == null) return report.province();
        return report.communes().stream().filter(s -> s.code().equals(commune)).findFirst().orElse(null);
    }

    // --- the one-page PDF --------------------------------------------------------------------

    private static final BaseFont SANS = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont SANS_BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    private static final Color GREEN = new Color(0x1B, 0x5E, 0x20);
    private static final Color GREY = new Color(0x75, 0x75, 0x75);
    private static final Color BLUE = new Color(0x15, 0x65, 0xC0);

    /** The review on one A4 landscape page: trend chart, indicators, ranking, late dossiers. */
    public byte[] pdf(Review r, String provinceName) {
        Font text = new Font(SANS, 8.5f);
        Font bold = new Font(SANS_BOLD, 8.5f);
        Font red = new Font(SANS, 8.5f, Font.NORMAL, RED);
        Font title = new Font(SANS_BOLD, 13);
        Font heading = new Font(SANS_BOLD, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 24, 20);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Báo cáo chỉ số phục vụ tuần " + r.weekStart().format(DAY));
            doc.open();
            Paragraph head = new Paragraph("BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", title);
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            Paragraph sub = new Paragraph((provinceName == null ? "" : provinceName + " – ") + r.scopeName() + " – tuần từ "
                    + r.weekStart().format(DAY) + " đến " + r.weekEnd().format(DAY) + " (Quyết định 766/QĐ-TTg)", text);
            sub.setAlignment(Element.ALIGN_CENTER);
            doc.add(sub);
            Paragraph summary = new Paragraph(8, "", text);
            summary.add(new Phrase("Điểm chỉ số: " + number(r.score()) + "/100", bold));
            summary.add(new Phrase("   (tuần trước: " + number(r.previousScore()) + change(r.score(), r.previousScore()) + ")   "
                    + "Hồ sơ trễ hạn trong tuần: " + r.late().size() + (r.late().size() >= LATE_LINES ? "+" : ""), text));
            summary.setSpacingBefore(6);
            summary.setSpacingAfter(4);
            doc.add(summary);

            // top: the trend (drawn) beside the indicators
            PdfPTable top = new PdfPTable(new float[] {46, 54});
            top.setWidthPercentage(100);
            PdfPCell chartCell = new PdfPCell(new Phrase("Xu hướng điểm chỉ số 12 tuần gần nhất", heading));
            chartCell.setFixedHeight(165);
            chartCell.setBorderColor(GREY);
            chartCell.setCellEvent((cell, position, canvases) -> trend(canvases[PdfPTable.LINECANVAS], position, r.trend()));
            top.addCell(chartCell);
            PdfPTable indicators = new PdfPTable(new float[] {8, 52, 14, 12, 14});
            indicators.setWidthPercentage(100);
            for (String h : List.of("Mã", "Chỉ tiêu", "Giá trị", "Mức đạt", "Tử số/mẫu số")) indicators.addCell(cell(h, bold));
            for (ServiceIndex.IndicatorValue i : r.indicators()) {
                Font f = Boolean.TRUE.equals(i.belowTarget()) ? red : text;
                indicators.addCell(cell(i.code(), f));
                indicators.addCell(cell(i.name() + (i.fullAt() == null ? "" : " (đạt tối đa từ " + number(i.fullAt()) + " %)"), f));
                indicators.addCell(cell(i.value() == null ? "—" : number(i.value()) + (i.unit().equals("%") ? " %" : " ngày"), f));
                indicators.addCell(cell(i.achievement() == null ? "—" : number(100 * i.achievement()) + " %", f));
                indicators.addCell(cell(i.numerator() + "/" + i.denominator(), f));
            }
            PdfPCell right = new PdfPCell();
            right.setBorderColor(GREY);
            right.addElement(new Paragraph("Các chỉ tiêu (chữ đỏ: dưới mức đạt tối đa)", heading));
            right.addElement(indicators);
            top.addCell(right);
            doc.add(top);

            // bottom: the ranking beside the late dossiers
            PdfPTable bottom = new PdfPTable(new float[] {46, 54});
            bottom.setWidthPercentage(100);
            bottom.setSpacingBefore(6);
            PdfPTable ranking = new PdfPTable(new float[] {9, 34, 27, 15, 15});
            ranking.setWidthPercentage(100);
            for (String h : List.of("Hạng", "Xã, phường", "Điểm", "Tuần trước", "Thay đổi")) ranking.addCell(cell(h, bold));
            List<RankedCommune> shown = r.ranking().size() <= 14 ? r.ranking()
                    : concat(r.ranking().subList(0, 9), r.ranking().subList(r.ranking().size() - 5, r.ranking().size()));
            for (RankedCommune c : shown) {
                Font f = c.change() != null && c.change() < 0 ? red : text;
                ranking.addCell(cell(c.rank() == null ? "—" : String.valueOf(c.rank()), f));
                ranking.addCell(cell(c.name(), f));
                PdfPCell score = cell(number(c.score()), f);
                // the ranking as a bar chart: each commune's score drawn behind its figure, on 100
                Double value = c.score();
                score.setCellEvent((cell, position, canvases) -> bar(canvases[PdfPTable.BACKGROUNDCANVAS], position, value));
                ranking.addCell(score);
                ranking.addCell(cell(c.previousRank() == null ? "—" : "hạng " + c.previousRank(), f));
                ranking.addCell(cell(c.change() == null ? "—" : (c.change() > 0 ? "+" : "") + number(c.change()), f));
            }
            PdfPCell left = new PdfPCell();
            left.setBorderColor(GREY);
            left.addElement(new Paragraph("Xếp hạng xã, phường (thanh: điểm trên 100)" + (r.ranking().size() > shown.size()
                    ? " (9 đầu, 5 cuối trong " + r.ranking().size() + ")" : ""), heading));
            left.addElement(ranking);
            bottom.addCell(left);
            PdfPTable late = new PdfPTable(new float[] {24, 18, 22, 36});
            late.setWidthPercentage(100);
            for (String h : List.of("Hồ sơ", "Hẹn trả", "Bước", "Lý do")) late.addCell(cell(h, bold));
            for (ServiceIndex.LateDossier d : r.late().stream().limit(10).toList()) {
                late.addCell(cell(d.code() + "\n" + d.communeName(), text));
                late.addCell(cell(d.dueAt() == null ? "—" : d.dueAt().atZoneSameInstant(ServiceIndex.ZONE).format(DAY), text));
                late.addCell(cell(d.step() == null ? "—" : d.step(), text));
                late.addCell(cell(d.reason(), text));
            }
            if (r.late().isEmpty()) {
                PdfPCell none = cell("Không có hồ sơ trễ hạn trong tuần.", text);
                none.setColspan(4);
                late.addCell(none);
            }
            PdfPCell lateCell = new PdfPCell();
            lateCell.setBorderColor(GREY);
            lateCell.addElement(new Paragraph("Hồ sơ trễ hạn trong tuần" + (r.late().size() > 10 ? " (10 đầu trong " + r.late().size() + ")" : ""), heading));
            lateCell.addElement(late);
            bottom.addCell(lateCell);
            doc.add(bottom);
            writer.setPageEmpty(false);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the weekly review", e);
        }
        return out.toByteArray();
    }

    /** The trend as a line chart inside the cell: 0–100 on the y axis, one point a week, the last one labelled. */
    private static void trend(PdfContentByte canvas, com.lowagie.text.Rectangle box, List<TrendPoint> points) {
        float left = box.getLeft() + 30;
        float right = box.getRight() - 14;
        float bottom = box.getBottom() + 22;
        float top = box.getTop() - 22;
        canvas.saveState();
        canvas.setColorStroke(GREY);
        canvas.setLineWidth(0.4f);
        canvas.beginText();
        canvas.setFontAndSize(SANS, 7);
        canvas.setColorFill(GREY);
        for (int v = 0; v <= 100; v += 25) {
            float y = bottom + (top - bottom) * v / 100f;
            canvas.showTextAligned(Element.ALIGN_RIGHT, String.valueOf(v), left - 4, y - 2, 0);
        }
        float step = (right - left) / Math.max(1, points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            if ((points.size() - 1 - i) % 2 == 0) {
                canvas.showTextAligned(Element.ALIGN_CENTER, points.get(i).weekStart().format(SHORT), left + i * step, bottom - 11, 0);
            }
        }
        canvas.endText();
        for (int v = 0; v <= 100; v += 25) {
            float y = bottom + (top - bottom) * v / 100f;
            canvas.moveTo(left, y);
            canvas.lineTo(right, y);
        }
        canvas.stroke();
        canvas.setColorStroke(BLUE);
        canvas.setColorFill(BLUE);
        canvas.setLineWidth(1.6f);
        boolean drawing = false;
        for (int i = 0; i < points.size(); i++) {
            Double s = points.get(i).score();
            if (s == null) {
                drawing = false;
                continue;
            }
            float x = left + i * step;
            float y = bottom + (top - bottom) * s.floatValue() / 100f;
            if (drawing) canvas.lineTo(x, y);
            else canvas.moveTo(x, y);
            drawing = true;
        }
        canvas.stroke();
        for (int i = 0; i < points.size(); i++) {
            Double s = points.get(i).score();
            if (s == null) continue;
            canvas.circle(left + i * step, bottom + (top - bottom) * s.floatValue() / 100f, 2.2f);
            canvas.fill();
        }
        TrendPoint last = points.get(points.size() - 1);
        if (last.score() != null) {
            canvas.beginText();
            canvas.setFontAndSize(SANS_BOLD, 8);
            canvas.setColorFill(last.score() >= 80 ? GREEN : RED);
            canvas.showTextAligned(Element.ALIGN_RIGHT, number(last.score()), right, bottom + (top - bottom) * last.score().floatValue() / 100f + 5, 0);
            canvas.endText();
        }
        canvas.restoreState();
    }

    private static void bar(PdfContentByte canvas, com.lowagie.text.Rectangle box, Double score) {
        if (score == null) return;
        canvas.saveState();
        canvas.setColorFill(score >= 80 ? new Color(0xC8, 0xE6, 0xC9) : score >= 50 ? new Color(0xBB, 0xDE, 0xFB) : new Color(0xFF, 0xCD, 0xD2));
        canvas.rectangle(box.getLeft() + 1, box.getBottom() + 1, (box.getWidth() - 2) * (float) Math.min(100, score) / 100f, box.getHeight() - 2);
        canvas.fill();
        canvas.restoreState();
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(2.2f);
        cell.setBorderColor(new Color(0xBD, 0xBD, 0xBD));
        return cell;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String number(Double value) {
        if (value == null) return "—";
        return String.format(Locale.forLanguageTag("vi-VN"), "%.2f", value);
    }

    private static String change(Double now, Double before) {
        if (now == null || before == null) return "";
        double d = round(now - before);
        return "; " + (d > 0 ? "tăng " : d < 0 ? "giảm " : "không đổi") + (d == 0 ? "" : number(Math.abs(d)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static BaseFont font(String resource) {
        return vn.motcua.documents.Fonts.load(resource);
    }
}
