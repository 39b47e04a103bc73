package fundexchange.documents.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.ZoneId;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificateRendererTest {

    /** A synthetic settled trade: 1,000 units at 1.0500 (87.50% of NAV, 1.2500x cost), settled 2026-12-07 15:30 +08:00. */
    static CertificateFacts demoTrade() {
        return new CertificateFacts("demo-platform", 57_348_097L, "DGF3", "演示成长基金三期 Demo Growth Fund III", "CNY",
                100_000L, 10_500L, 105_000L, 8_750L, 12_500L, "Investor-07", "Investor-03", 1_796_610_600_000L,
                1_796_628_600_000L, 14_012L, "ab".repeat(32), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theSameTradeAlwaysGivesTheSameBytes() {
        byte[] first = CertificateRenderer.render(demoTrade());
        byte[] second = CertificateRenderer.render(demoTrade());
        assertArrayEquals(first, second);
        CertificateFacts other = demoTrade();
        CertificateFacts laterIndex = new CertificateFacts(other.platformId(), other.tradeId(), other.fundCode(),
                other.fundName(), other.currency(), other.units(), other.price(), other.consideration(),
                other.percentOfNavBasisPoints(), other.multipleOfCost(), other.seller(), other.buyer(),
                other.executedAt(), other.settledAt(), other.settledIndex() + 1, other.chainLink(), other.zone());
        assertFalse(java.util.Arrays.equals(first, CertificateRenderer.render(laterIndex)));
        assertNotEquals(demoTrade().contentDigest(), laterIndex.contentDigest());
    }

    /**
     * The demo trade's PDF bytes, pinned across processes, JVMs, default time zones and locales (a render twice in one
     * process cannot show that). It moves when the layout, the facts' canonical text, the vendored font or the
     * PDFBox or ZXing version moves: then the same trade's certificate is no longer the same file, so a party's earlier
     * copy and a fresh one differ. Change it only together with {@link CertificateRenderer#RENDERER} (and
     * {@link CertificateFacts#VERSION} when the canonical text changes), note the new renderer version in
     * docs/rules.md, and paste the new digest the failure prints.
     */
    private static final String DEMO_TRADE_PDF_SHA256 = "e02f79723b609e20c7c27a495e91b0fb7d993720c1874ffaa42e1e60238b627e";

    @Test
    void theDemoTradesBytesAreTheGoldenOnes() throws Exception {
        byte[] pdf = CertificateRenderer.render(demoTrade());
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        assertEquals(DEMO_TRADE_PDF_SHA256, digest, "the demo trade's certificate bytes moved (renderer "
                + CertificateRenderer.RENDERER + "; see DEMO_TRADE_PDF_SHA256)");
    }

    @Test
    void theChineseAndEnglishTextIsExtractable() throws IOException {
        try (PDDocument document = Loader.loadPDF(CertificateRenderer.render(demoTrade()))) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : new String[] {"交易凭证", "Transaction Certificate", "基金名称", "演示成长基金三期 Demo Growth Fund III",
                    "转让份额", "1,000.00", "CNY 1.0500", "CNY 1,050.00", "87.50%", "1.2500x", "买方（参与者编号）", "Investor-03",
                    "卖方（参与者编号）", "Investor-07", "2026-12-07", "2026-12-07 15:30:00 +08:00 Asia/Shanghai", "14012",
                    "ab".repeat(32), "demo-platform", demoTrade().contentDigest(), CertificateRenderer.RENDERER,
                    "exchange certificate verify"}) {
                assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
            }
            assertEquals(1, document.getNumberOfPages());
            assertEquals(CertificateRenderer.RENDERER, document.getDocumentInformation().getProducer());
            assertEquals(1_796_628_600_000L, document.getDocumentInformation().getCreationDate().getTimeInMillis());
        }
    }

    @Test
    void theQrCodeCarriesTheContentDigest() throws Exception {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(CertificateRenderer.render(demoTrade()))) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 150);
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        assertEquals("FXCERT1:demo-platform:57348097:" + demoTrade().contentDigest(), decoded);
    }

    @Test
    void factsOutsideTheirGrammarAreRefused() {
        CertificateFacts f = demoTrade();
        assertThrows(IllegalArgumentException.class, () -> new CertificateFacts(f.platformId(), f.tradeId(), f.fundCode(),
                "name\nwith a line break", f.currency(), f.units(), f.price(), f.consideration(), f.percentOfNavBasisPoints(),
                f.multipleOfCost(), f.seller(), f.buyer(), f.executedAt(), f.settledAt(), f.settledIndex(), f.chainLink(), f.zone()));
        assertThrows(IllegalArgumentException.class, () -> new CertificateFacts(f.platformId(), f.tradeId(), f.fundCode(),
                f.fundName(), f.currency(), f.units(), f.price(), f.consideration(), f.percentOfNavBasisPoints(),
                f.multipleOfCost(), f.seller(), f.buyer(), f.executedAt(), f.settledAt(), f.settledIndex(), "AB", f.zone()));
    }

    @Test
    void aSettlementWithoutItsJournalTimeIsRefused() {
        CertificateFacts f = demoTrade();
        for (long[] times : new long[][] {{f.executedAt(), 0}, {f.executedAt(), -1}, {0, f.settledAt()},
                {f.settledAt() + 1, f.settledAt()}}) {
            assertThrows(IllegalArgumentException.class, () -> new CertificateFacts(f.platformId(), f.tradeId(),
                    f.fundCode(), f.fundName(), f.currency(), f.units(), f.price(), f.consideration(),
                    f.percentOfNavBasisPoints(), f.multipleOfCost(), f.seller(), f.buyer(), times[0], times[1],
                    f.settledIndex(), f.chainLink(), f.zone()), () -> java.util.Arrays.toString(times));
        }
    }

    @Test
    void aNameTheFontCannotShowStillRendersWithItsCharactersReplaced() throws IOException {
        CertificateFacts f = demoTrade();
        CertificateFacts emoji = new CertificateFacts(f.platformId(), f.tradeId(), f.fundCode(), "Demo \uD83D\uDE80 Fund",
                f.currency(), f.units(), f.price(), f.consideration(), f.percentOfNavBasisPoints(), f.multipleOfCost(),
                f.seller(), f.buyer(), f.executedAt(), f.settledAt(), f.settledIndex(), f.chainLink(), f.zone());
        try (PDDocument document = Loader.loadPDF(CertificateRenderer.render(emoji))) {
            assertTrue(new PDFTextStripper().getText(document).contains("Demo ? Fund"));
        }
        assertTrue(emoji.canonicalText().contains("fundName=Demo \uD83D\uDE80 Fund"));
    }

    @Test
    void fixedPointIsWrittenWithItsScaleAndSeparators() {
        assertEquals("1,234.56", FixedPoint.format(123_456, 2));
        assertEquals("0.0005", FixedPoint.format(5, 4));
        assertEquals("-1,000.0000", FixedPoint.format(-10_000_000, 4));
        assertEquals("-92,233,720,368,547.75808", FixedPoint.format(Long.MIN_VALUE, 5));
        assertEquals("7", FixedPoint.format(7, 0));
    }
}
