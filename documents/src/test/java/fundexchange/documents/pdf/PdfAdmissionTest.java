package fundexchange.documents.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import fundexchange.documents.Sha256;

class PdfAdmissionTest {

    private static final PdfLimits SMALL = new PdfLimits(4L << 20, 3, 8L << 20, 1_000, 16L << 20);
    private final PdfAdmission admission = new PdfAdmission(SMALL);

    @Test
    void admitsACleanPdfWithItsDigestSizeAndPages() throws PdfRefusedException {
        byte[] pdf = TestPdfs.clean(2);
        assertEquals(new AdmittedPdf(Sha256.hex(pdf), pdf.length, 2), admission.admit(pdf));
    }

    @Test
    void refusesJavaScriptAsTheOpenAction() {
        assertRefused(PdfRefusal.JAVASCRIPT, TestPdfs.withOpenActionScript());
    }

    @Test
    void refusesJavaScriptInALinkOnAPage() {
        assertRefused(PdfRefusal.JAVASCRIPT, TestPdfs.withLinkScript());
    }

    @Test
    void refusesJavaScriptInTheNamesTree() {
        assertRefused(PdfRefusal.JAVASCRIPT, TestPdfs.withNamedScript());
    }

    @Test
    void refusesAnEmbeddedFile() {
        assertRefused(PdfRefusal.EMBEDDED_FILE, TestPdfs.withEmbeddedFile());
    }

    @Test
    void refusesALaunchAction() {
        assertRefused(PdfRefusal.LAUNCH_ACTION, TestPdfs.withLaunchAction());
    }

    @Test
    void refusesAUriOpenedWithTheDocumentAndAutomaticPageActions() {
        assertRefused(PdfRefusal.LAUNCH_ACTION, TestPdfs.withUriOnOpen());
        assertRefused(PdfRefusal.LAUNCH_ACTION, TestPdfs.withPageOpenAction());
    }

    @Test
    void admitsALinkTheReaderClicks() throws PdfRefusedException {
        assertEquals(1, admission.admit(TestPdfs.withClickedLink()).pages());
    }

    @Test
    void refusesAnXfaForm() {
        assertRefused(PdfRefusal.XFA, TestPdfs.withXfa());
    }

    @Test
    void refusesEncryptionEvenWhenAnyoneMayOpenIt() {
        assertRefused(PdfRefusal.ENCRYPTED, TestPdfs.encryptedOpenToAll());
    }

    @Test
    void refusesEncryptionWithAPassword() {
        assertRefused(PdfRefusal.ENCRYPTED, TestPdfs.encryptedWithPassword());
    }

    @Test
    void refusesAFlateBombBeforeAnyParserDecodesIt() {
        assertRefused(PdfRefusal.DECOMPRESSION_LIMIT, TestPdfs.flateBomb(64 << 20));
    }

    @Test
    void refusesABombHiddenBehindAnotherEncodingWhenItsStreamIsDecoded() {
        assertRefused(PdfRefusal.DECOMPRESSION_LIMIT, TestPdfs.hexFlateBomb(64 << 20));
    }

    @Test
    void admitsAStreamThatDecodesWithinTheBudget() throws PdfRefusedException {
        assertEquals(1, admission.admit(TestPdfs.flateBomb(1 << 20)).pages());
    }

    @Test
    void refusesAnEncodingItDoesNotBound() {
        assertRefused(PdfRefusal.UNSUPPORTED_FILTER, TestPdfs.withLzwStream());
    }

    @Test
    void refusesMorePagesThanTheLimit() {
        assertRefused(PdfRefusal.TOO_MANY_PAGES, TestPdfs.clean(4));
    }

    @Test
    void refusesAFileBeyondTheSizeLimitUnread() {
        assertRefused(PdfRefusal.TOO_LARGE, new byte[(4 << 20) + 1]);
    }

    @Test
    void refusesWhatIsNotAPdf() {
        assertRefused(PdfRefusal.NOT_A_PDF, "hello".getBytes(StandardCharsets.US_ASCII));
        assertRefused(PdfRefusal.NOT_A_PDF, "%PDF-1.7\n garbage".getBytes(StandardCharsets.US_ASCII));
    }

    private void assertRefused(PdfRefusal reason, byte[] pdf) {
        assertEquals(reason, assertThrows(PdfRefusedException.class, () -> admission.admit(pdf)).reason());
    }
}
