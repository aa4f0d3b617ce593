package vn.motcua.documents;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The fonts of motcua's PDFs (Liberation, from openpdf-fonts-extra): embedded, with every Vietnamese letter. */
public final class Fonts {

    private Fonts() {
    }

    /** A font of the classpath, e.g. {@code liberation/LiberationSans-Regular.ttf}. */
    public static BaseFont load(String resource) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
