package fundexchange.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CjkFontTest {

    @Test
    void writesChineseAndEnglishThatReadBackAsWritten() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font font = CjkFont.load(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(50, 700);
                content.showText("仅供查阅 For viewing only");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertEquals("仅供查阅 For viewing only", new PDFTextStripper().getText(read).strip());
            var resources = read.getPage(0).getResources();
            var name = resources.getFontNames().iterator().next();
            var font = (PDType0Font) resources.getFont(name);
            assertNotNull(font.getDescendantFont().getFontDescriptor().getFontFile2(), "embedded as TrueType (FontFile2)");
        }
    }
}
