package fundexchange.documents.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import fundexchange.documents.CjkFont;

/**
 * Renders a transaction certificate (交易凭证): one A4 page in Chinese and English stating {@link CertificateFacts},
 * in the vendored CJK font ({@link CjkFont}, embedded as a subset with its ToUnicode map, so the Chinese text can be
 * extracted), with a QR code of the facts' content digest. Deterministic: the document information's dates are the
 * settlement's journal time, the producer is {@link #RENDERER}, the trailer's {@code /ID} is derived from the facts,
 * and nothing reads a clock or randomness, so the same trade always gives the same bytes.
 */
public final class CertificateRenderer {

    /** The renderer's name and version, written as the PDF's producer and on the page. */
    public static final String RENDERER = "fund-exchange certificate renderer " + CertificateFacts.VERSION + ".1";
    private static final float MARGIN = 56f;
    private static final float LABEL_WIDTH = 190f;
    private static final float ROW = 21f;
    private static final float QR_SIZE = 120f;

    private CertificateRenderer() {
    }

    /** The certificate of {@code facts}. */
    public static byte[] render(CertificateFacts facts) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = CjkFont.load(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                draw(content, font, facts, page.getMediaBox());
            }
            information(document.getDocumentInformation(), facts);
            byte[] id = documentId(facts);
            document.getDocument().getTrailer().setItem(COSName.ID,
                    new COSArray(List.of(new COSString(id), new COSString(id))));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the certificate could not be written", e);
        }
    }

    /** The rows of the certificate: Chinese label, English label, value. */
    static List<String[]> rows(CertificateFacts f) {
        String currency = f.currency() + " ";
        return List.of(
                new String[] {"交易编号", "Trade id", Long.toString(f.tradeId())},
                new String[] {"基金代码", "Fund code", f.fundCode()},
                new String[] {"基金名称", "Fund name", f.fundName()},
                new String[] {"转让份额", "Units", FixedPoint.format(f.units(), 2)},
                new String[] {"每份价格", "Price per unit", currency + FixedPoint.format(f.price(), 4)},
                new String[] {"成交金额", "Consideration", currency + FixedPoint.format(f.consideration(), 2)},
                new String[] {"价格占净值比例", "Price as % of NAV", FixedPoint.format(f.percentOfNavBasisPoints(), 2) + "%"},
                new String[] {"成本倍数", "Multiple of cost", FixedPoint.format(f.multipleOfCost(), 4) + "x"},
                new String[] {"卖方（参与者编号）", "Seller (participant id)", f.seller()},
                new String[] {"买方（参与者编号）", "Buyer (participant id)", f.buyer()},
                new String[] {"成交日期", "Trade date", f.tradeDate()},
                new String[] {"结算时间", "Settled at", f.settlementTime() + " " + f.zone().getId()},
                new String[] {"结算日志序号", "Journal index of settlement", Long.toString(f.settledIndex())},
                new String[] {"审计链头", "Audit chain head", f.chainLink()},
                new String[] {"平台编号", "Platform id", f.platformId()},
                new String[] {"内容摘要 (SHA-256)", "Content digest (SHA-256)", f.contentDigest()},
                new String[] {"生成程序版本", "Renderer version", RENDERER});
    }

    private static void draw(PDPageContentStream content, PDType0Font font, CertificateFacts facts, PDRectangle box)
            throws IOException {
        float top = box.getHeight() - MARGIN;
        text(content, font, 22f, MARGIN, top - 22f, "交易凭证");
        text(content, font, 14f, MARGIN, top - 42f, "Transaction Certificate");
        text(content, font, 9f, MARGIN, top - 60f, "本凭证证明下列基金份额转让已在交易所最终结算。");
        text(content, font, 9f, MARGIN, top - 72f,
                "This certifies that the transfer of fund units below was finally settled on the exchange.");
        content.setLineWidth(0.6f);
        content.moveTo(MARGIN, top - 82f);
        content.lineTo(box.getWidth() - MARGIN, top - 82f);
        content.stroke();
        float y = top - 102f;
        float valueWidth = box.getWidth() - 2 * MARGIN - LABEL_WIDTH;
        for (String[] row : rows(facts)) {
            text(content, font, 9.5f, MARGIN, y, row[0]);
            text(content, font, 7.5f, MARGIN, y - 9f, row[1]);
            String value = visible(font, row[2]);
            text(content, font, fitting(font, value, valueWidth, 10.5f), MARGIN + LABEL_WIDTH, y - 4f, value);
            y -= ROW;
        }
        float qrY = y - QR_SIZE - 4f;
        QrCode.draw(content, facts.qrText(), box.getWidth() - MARGIN - QR_SIZE, qrY, QR_SIZE);
        float noteY = qrY + QR_SIZE - 10f;
        String[] notes = {
            "二维码内容：FXCERT1:平台编号:交易编号:内容摘要。",
            "本凭证由交易所密钥以分离签名（.sig 文件）签署，",
            "签名覆盖本文件全部字节、平台编号与密钥指纹。离线核验：",
            "exchange certificate verify 凭证.pdf 凭证.sig",
            "    --platform-id 平台编号 --key-fingerprint 密钥指纹",
            "",
            "QR code: FXCERT1:platform id:trade id:content digest.",
            "Signed by the exchange's key in a detached signature (the .sig file)",
            "over every byte of this file, the platform id and the key fingerprint.",
            "Verify offline against the exchange's published keys:",
            "exchange certificate verify file.pdf file.sig --platform-id ID --key-fingerprint FP"};
        for (String note : notes) {
            text(content, font, 7.5f, MARGIN, noteY, note);
            noteY -= 10f;
        }
    }

    private static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /**
     * {@code text} with every character the font has no glyph for (an emoji in a fund's name) shown as U+FFFD's
     * stand-in {@code ?}, so no name can stop a certificate from rendering; the content digest keeps the name as
     * journaled.
     */
    static String visible(PDType0Font font, String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            try {
                font.encode(one);
                shown.append(one);
            } catch (IllegalArgumentException | IOException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    /** The largest size up to {@code max} at which {@code text} fits {@code width}. */
    private static float fitting(PDType0Font font, String text, float width, float max) throws IOException {
        float units = font.getStringWidth(text) / 1000f;
        return units == 0 ? max : Math.max(4f, Math.min(max, width / units));
    }

    private static void information(PDDocumentInformation info, CertificateFacts facts) {
        GregorianCalendar settled = new GregorianCalendar(TimeZone.getTimeZone(facts.zone()), Locale.ROOT);
        settled.setTimeInMillis(facts.settledAt());
        info.setTitle("交易凭证 Transaction Certificate " + facts.tradeId());
        info.setSubject(facts.qrText());
        info.setProducer(RENDERER);
        info.setCreator(RENDERER);
        info.setCreationDate(settled);
        info.setModificationDate(settled);
    }

    private static byte[] documentId(CertificateFacts facts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(RENDERER.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(facts.canonicalText().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
