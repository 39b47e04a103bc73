package fundexchange.documents.watermark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import fundexchange.documents.CjkFont;
import fundexchange.documents.pdf.PdfAdmission;
import fundexchange.documents.pdf.PdfRefusedException;

/**
 * Writes a {@link Watermark} on every page of an admitted PDF: both lines diagonally across the page, translucent,
 * and both again at the foot of the page, in the vendored CJK font ({@link CjkFont}). The output is a function of the
 * source bytes and the watermark: the trailer's {@code /ID} is derived from both, nothing depends on a clock or
 * randomness, so serving the same opening again gives the same bytes.
 */
public final class Watermarker {

    private static final float FOOTER_SIZE = 7f;
    private static final float DIAGONAL_ALPHA = 0.18f;

    private final PdfAdmission loader;

    /** {@code loader} loads the source with its bounded scratch memory. */
    public Watermarker(PdfAdmission loader) {
        this.loader = loader;
    }

    /** The watermarked copy of {@code pdf}. */
    public byte[] apply(byte[] pdf, Watermark mark) throws IOException, PdfRefusedException {
        try (PDDocument document = loader.load(pdf)) {
            PDType0Font font = CjkFont.load(document);
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(DIAGONAL_ALPHA);
            for (PDPage page : document.getPages()) {
                mark(document, page, font, translucent, mark);
            }
            byte[] id = documentId(pdf, mark);
            document.getDocument().getTrailer().setItem(COSName.ID,
                    new COSArray(java.util.List.of(new COSString(id), new COSString(id))));
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void mark(PDDocument document, PDPage page, PDType0Font font, PDExtendedGraphicsState translucent,
                             Watermark mark) throws IOException {
        PDRectangle box = page.getCropBox();
        float width = box.getWidth();
        float height = box.getHeight();
        try (PDPageContentStream content = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            content.saveGraphicsState();
            content.setGraphicsStateParameters(translucent);
            content.setNonStrokingColor(0.55f, 0.0f, 0.0f);
            double angle = Math.atan2(height, width);
            float diagonal = (float) Math.hypot(width, height);
            float size = fittingSize(font, mark, diagonal * 0.8f, 28f);
            for (int i = 0; i < 2; i++) {
                String line = mark.lines().get(i);
                float lineWidth = font.getStringWidth(line) / 1000f * size;
                float offset = (i == 0 ? 0.6f : -0.6f) * size;
                content.beginText();
                content.setFont(font, size);
                Matrix matrix = Matrix.getRotateInstance(angle, box.getLowerLeftX() + width / 2f, box.getLowerLeftY() + height / 2f);
                matrix.translate(-lineWidth / 2f, offset);
                content.setTextMatrix(matrix);
                content.showText(line);
                content.endText();
            }
            content.restoreGraphicsState();
            content.saveGraphicsState();
            content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            float footerSize = Math.min(FOOTER_SIZE, fittingSize(font, mark, width - 24f, FOOTER_SIZE));
            for (int i = 0; i < 2; i++) {
                content.beginText();
                content.setFont(font, footerSize);
                content.newLineAtOffset(box.getLowerLeftX() + 12f, box.getLowerLeftY() + 6f + (1 - i) * (footerSize + 2f));
                content.showText(mark.lines().get(i));
                content.endText();
            }
            content.restoreGraphicsState();
        }
    }

    /** The largest size up to {@code max} at which both lines fit {@code width}. */
    private static float fittingSize(PDType0Font font, Watermark mark, float width, float max) throws IOException {
        float widest = 0;
        for (String line : mark.lines()) {
            widest = Math.max(widest, font.getStringWidth(line) / 1000f);
        }
        return widest == 0 ? max : Math.max(1f, Math.min(max, width / widest));
    }

    private static byte[] documentId(byte[] pdf, Watermark mark) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pdf);
            for (String line : mark.lines()) {
                sha.update((byte) 0);
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
