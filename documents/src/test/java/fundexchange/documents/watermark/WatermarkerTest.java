package fundexchange.documents.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import fundexchange.documents.pdf.PdfAdmission;
import fundexchange.documents.pdf.PdfLimits;
import fundexchange.documents.pdf.PdfRefusedException;
import fundexchange.documents.pdf.TestPdfs;

class WatermarkerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-12-06T13:30:15.250Z. */
    private static final long AT = 1_796_563_815_250L;
    private final PdfAdmission admission = new PdfAdmission(PdfLimits.DEFAULT);
    private final Watermarker watermarker = new Watermarker(admission);

    @Test
    void writesTheViewerListingAndTimeInBothLanguagesOnEveryPage() throws IOException, PdfRefusedException {
        Watermark mark = new Watermark("INV-00042", "L-17", AT, SHANGHAI);
        byte[] served = watermarker.apply(TestPdfs.clean(3), mark);

        List<String> pages = pageTexts(served);
        assertEquals(3, pages.size());
        for (int page = 0; page < pages.size(); page++) {
            String text = pages.get(page);
            assertTrue(text.contains("Synthetic fund report 合成基金报告, page " + (page + 1)), text);
            assertTrue(text.contains("仅供 INV-00042 查阅 · 挂牌 L-17 · 2026-12-06T21:30:15+08:00 · 请勿转发"), text);
            assertTrue(text.contains("For INV-00042 only · listing L-17 · 2026-12-06T21:30:15+08:00 · do not forward"), text);
        }
    }

    @Test
    void theSameInputsGiveTheSameBytesAndAnotherViewerOthers() throws IOException, PdfRefusedException {
        byte[] source = TestPdfs.clean(2);
        Watermark mark = new Watermark("INV-00042", "L-17", AT, SHANGHAI);
        byte[] first = watermarker.apply(source, mark);
        assertArrayEquals(first, watermarker.apply(source, mark));
        byte[] other = watermarker.apply(source, new Watermark("INV-00043", "L-17", AT, SHANGHAI));
        assertFalse(java.util.Arrays.equals(first, other));
        assertTrue(pageTexts(other).stream().allMatch(text -> text.contains("For INV-00043 only")
                && !text.contains("INV-00042")));
    }

    @Test
    void theServedCopyStillPassesTheAdmissionPolicy() throws IOException, PdfRefusedException {
        byte[] served = watermarker.apply(TestPdfs.clean(2), new Watermark("INV-1", "L-1", AT, SHANGHAI));
        assertEquals(2, admission.admit(served).pages());
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        List<String> texts = new ArrayList<>();
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document));
            }
        }
        return texts;
    }
}
