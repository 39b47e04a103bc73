package fundexchange.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one CJK font every PDF the exchange writes uses (watermarks, certificates): WenQuanYi Micro Hei, vendored from
 * Debian's {@code fonts-wqy-microhei} as a class-path resource with its licence and NOTICE
 * ({@code fundexchange/documents/font/}). It has TrueType outlines, which PDFBox embeds as a subset; no system font is
 * ever read at run time.
 */
public final class CjkFont {

    /** The resource folder holding the font, its NOTICE and its licence. */
    public static final String RESOURCE_DIR = "/fundexchange/documents/font/";
    /** The font collection's file name. */
    public static final String FILE = "wqy-microhei.ttc";
    /** The face used: the proportional one of the collection's two. */
    public static final String FACE = "WenQuanYiMicroHei";

    private CjkFont() {
    }

    /** Loads the face into {@code document} as a Type 0 font, embedding only the glyphs it uses. */
    public static PDType0Font load(PDDocument document) {
        try {
            TrueTypeFont face = face();
            return PDType0Font.load(document, face, true);
        } catch (IOException e) {
            throw new UncheckedIOException("the vendored CJK font cannot be read", e);
        }
    }

    private static TrueTypeFont face() throws IOException {
        // The collection stays open: the face reads its glyphs from it until the document is saved.
        TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(Bytes.FONT));
        TrueTypeFont face = collection.getFontByName(FACE);
        if (face == null) {
            throw new IOException("no face " + FACE + " in " + FILE);
        }
        return face;
    }

    /** The collection's bytes, read once from the class path. */
    private static final class Bytes {
        static final byte[] FONT = read();

        private static byte[] read() {
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE_DIR + FILE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE_DIR + FILE);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the vendored CJK font cannot be read", e);
            }
        }
    }
}
