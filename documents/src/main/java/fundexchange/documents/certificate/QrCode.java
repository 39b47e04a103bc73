package fundexchange.documents.certificate;

import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a QR code as vector squares (ZXing's encoder, error correction M, a quiet zone of four modules): the same text
 * always gives the same drawing, with no image and nothing to decode at run time.
 */
final class QrCode {
    private static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    /** Draws {@code text} as a QR code whose lower-left corner is at ({@code x}, {@code y}), {@code size} points wide. */
    static void draw(PDPageContentStream content, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix = encode(text);
        int modules = matrix.getWidth();
        float module = size / modules;
        content.saveGraphicsState();
        content.setNonStrokingColor(1f, 1f, 1f);
        content.addRect(x, y, size, size);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            int column = 0;
            while (column < modules) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules && matrix.get(column, row)) {
                    column++;
                }
                // Row 0 is the top of the code; PDF's y grows upwards.
                content.addRect(x + start * module, y + size - (row + 1) * module, (column - start) * module, module);
            }
        }
        content.fill();
        content.restoreGraphicsState();
    }

    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }
}
