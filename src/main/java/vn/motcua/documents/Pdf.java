package vn.motcua.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A Vietnamese administrative document in PDF: A4, Times-like type (Liberation Serif, embedded,
 * every diacritic), the two-column heading of the agency and the national motto, titles, lines,
 * tables, signatures and a QR code.
 */
final class Pdf {

    private static final BaseFont REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSerif-Bold.ttf");
    private static final BaseFont ITALIC = font("liberation/LiberationSerif-Italic.ttf");

    final Font text = new Font(REGULAR, 12);
    final Font small = new Font(REGULAR, 10);
    final Font bold = new Font(BOLD, 12);
    final Font title = new Font(BOLD, 14);
    final Font italic = new Font(ITALIC, 11);

    private final Document document;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Pdf(boolean landscape, String documentTitle) {
        document = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 56, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        document.addTitle(documentTitle);
        document.addCreator("motcua");
        document.open();
    }

    private static BaseFont font(String resource) {
        return Fonts.load(resource);
    }

    /** The agency on the left, the national motto on the right, then place and date. */
    Pdf heading(String superior, String agency, String number, String placeAndDate) {
        PdfPTable table = new PdfPTable(new float[] {1f, 1.3f});
        table.setWidthPercentage(100);
        table.addCell(cell(superior + "\n", agency, Element.ALIGN_CENTER));
        table.addCell(cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "Độc lập - Tự do - Hạnh phúc", Element.ALIGN_CENTER));
        PdfPCell left = new PdfPCell(new Phrase(number == null ? "" : number, text));
        left.setBorder(Rectangle.NO_BORDER);
        left.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(left);
        PdfPCell right = new PdfPCell(new Phrase(placeAndDate, italic));
        right.setBorder(Rectangle.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(right);
        add(table);
        return this;
    }

    private PdfPCell cell(String first, String second, int align) {
        Phrase phrase = new Phrase();
        phrase.add(new Phrase(first, small));
        phrase.add(new Phrase(second, bold));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setPaddingBottom(6);
        return cell;
    }

    Pdf title(String... lines) {
        Paragraph p = new Paragraph();
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(14);
        p.setSpacingAfter(8);
        for (int i = 0; i < lines.length; i++) {
            p.add(new Phrase(lines[i] + (i < lines.length - 1 ? "\n" : ""), i == 0 ? title : bold));
        }
        add(p);
        return this;
    }

    Pdf line(String text) {
        return line(text, this.text);
    }

    Pdf line(String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Phrase(label, text));
        p.add(new Phrase(value == null ? "" : value, bold));
        p.setSpacingAfter(3);
        add(p);
        return this;
    }

    Pdf line(String content, Font font) {
        Paragraph p = new Paragraph(content, font);
        p.setSpacingAfter(3);
        add(p);
        return this;
    }

    Pdf table(float[] widths, List<String> header, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String h : header) {
            PdfPCell c = new PdfPCell(new Phrase(h, bold));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPadding(4);
            table.addCell(c);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, small));
                c.setPadding(4);
                table.addCell(c);
            }
        }
        add(table);
        return this;
    }

    /** Signature blocks side by side: title, "(Ký, ghi rõ họ tên)", room to sign, the name. */
    Pdf signatures(Map<String, String> titleToName) {
        PdfPTable table = new PdfPTable(titleToName.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(16);
        for (Map.Entry<String, String> s : titleToName.entrySet()) {
            Phrase phrase = new Phrase();
            phrase.add(new Phrase(s.getKey() + "\n", bold));
            phrase.add(new Phrase("(Ký và ghi rõ họ tên)\n\n\n\n", italic));
            phrase.add(new Phrase(s.getValue() == null ? "" : s.getValue(), bold));
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        add(table);
        return this;
    }

    Pdf qr(String content, String caption) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            Image qr = Image.getInstance(image, null);
            qr.scaleAbsolute(96, 96);
            PdfPTable table = new PdfPTable(new float[] {1f, 4f});
            table.setWidthPercentage(100);
            PdfPCell image1 = new PdfPCell(qr);
            image1.setBorder(Rectangle.NO_BORDER);
            table.addCell(image1);
            PdfPCell text1 = new PdfPCell(new Phrase(caption, small));
            text1.setBorder(Rectangle.NO_BORDER);
            text1.setVerticalAlignment(Element.ALIGN_MIDDLE);
            table.addCell(text1);
            add(table);
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code", e);
        }
        return this;
    }

    private void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] bytes() {
        document.close();
        return out.toByteArray();
    }
}
