package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.ops.Participant;
import fundexchange.ops.portal.holder.HolderBrowser;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 21's browser journey in Debian's Chromium against a real node: the holder uploads an NDA and a quarterly
 * report into its offer's data room (the browser signs the raw PDF bytes), the investor reads the teaser, accepts the
 * NDA and opens the report, which is served watermarked with its id on every page, and the holder's page shows the
 * opening in the access log, as does the regulator's.
 */
@ServerTest
class DataRoomPortalSystemTest {
    private static ApiMarket market;
    private static URI uri;
    private static Path files;
    private static KeyPair holderKeys;
    private static KeyPair investorKeys;
    private static KeyPair regulatorKeys;
    private static Participant holder;
    private static KeyPair managerKeys;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("roomportal");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        files = Files.createTempDirectory("room-portal");
        holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        holder = market.newcomer(uri, "Holder-71", "HOLDER", false, holderKeys);
        investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Investor-71", "INVESTOR", true, investorKeys);
        regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Regulator-71", "REGULATOR", false, regulatorKeys);
        market.fund("RP1", holder);
        managerKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.newcomer(uri, "Manager-71", "MANAGER", false, managerKeys);
        market.fund("RP2", holder);
        long terms = market.staff1.post("/proposals", """
                {"action":{"type":"SetTransferTerms","fundCode":"RP2","manager":"Manager-71","consentRequired":false,\
                "priority":"NONE","documentDigest":"%s"}}""".formatted("ab".repeat(32))).ok().sourceIndex();
        market.staff2.post("/proposals/" + terms + "/approve", "{}").ok();
    }

    /**
     * The manager's "Fund documents" page (rules version 6): it uploads the fund's partnership agreement, which the
     * page lists with the manager as who registered it, and the data room of the fund's listing shows it.
     */
    @Test
    void theFundsManagerUploadsAFundDocumentThatTheFundsRoomShows() throws Exception {
        long listing = holder.post("/listings", """
                {"fundCode":"RP2","buyer":"Investor-71","units":"1000.00","price":"1.4000","expiresAt":0}""")
                .ok().sourceIndex();
        Path agreement = Files.write(files.resolve("lpa.pdf"), pdf("Demo Growth Partners limited partnership agreement", 2));
        try (HolderBrowser m = browser("Manager-71", managerKeys)) {
            m.go("#/fund-documents");
            m.awaitAttribute(By.id("fund-docs"), "data-fund", "RP2");
            m.find(By.id("fund-file")).sendKeys(agreement.toAbsolutePath().toString());
            m.choose(By.id("fund-kind"), "PARTNERSHIP_AGREEMENT");
            m.type(By.id("fund-title"), "Limited partnership agreement");
            m.click(By.id("fund-upload-submit"));
            m.awaitText(By.cssSelector("#room-documents tr[data-kind='PARTNERSHIP_AGREEMENT']"),
                    "Limited partnership agreement");
            String row = m.find(By.cssSelector("#room-documents tr[data-kind='PARTNERSHIP_AGREEMENT']")).getText();
            assertTrue(row.contains("Manager-71"), row);
            m.screenshot("fund-documents-manager-en");
            assertEquals(List.of(), m.consoleErrors());
        }
        var room = holder.get("/listings/" + listing + "/data-room").ok().body().path("documents");
        assertEquals(List.of("RP2"), ApiMarket.texts(room, "fundCode"));
        assertEquals(List.of("Manager-71"), ApiMarket.texts(room, "registeredBy"));
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> walk = Files.walk(files)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static HolderBrowser browser(String id, KeyPair keys) {
        return HolderBrowser.signedIn(uri.toString(), files, id, keys.getPrivate());
    }

    @Test
    void anInvestorAcceptsTheNdaAndOpensAWatermarkedDocumentAndTheHolderSeesTheAccess() throws Exception {
        long offer = holder.post("/offers", """
                {"fundCode":"RP1","units":"20000.00","minLot":"1000.00","askPrice":"1.4000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();
        Path nda = Files.write(files.resolve("nda.pdf"), pdf("Non-disclosure agreement (synthetic)", 1));
        Path report = Files.write(files.resolve("report.pdf"), pdf("Demo Growth Fund III quarterly report", 2));

        try (HolderBrowser h = browser("Holder-71", holderKeys); HolderBrowser i = browser("Investor-71", investorKeys);
             HolderBrowser r = browser("Regulator-71", regulatorKeys)) {
            h.go("#/holder-data-room");
            h.awaitAttribute(By.id("room"), "data-subject", Long.toString(offer));
            upload(h, nda, "NDA", "NDA v1");
            upload(h, report, "QUARTERLY_REPORT", "2026 Q3 report");
            h.screenshot("data-room-holder-en");

            i.go("#/investor-data-room");
            i.choose(By.id("room-subject"), Long.toString(offer));
            WebElement locked = i.find(By.cssSelector("#room-documents tr[data-kind='QUARTERLY_REPORT']"));
            assertTrue(locked.getText().contains("Accept the current NDA"), locked.getText());
            String reportDigest = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(report)));
            assertEquals(5, locked.findElements(By.tagName("td")).size(), "number, kind, title, time, and no button");
            assertTrue(!i.find(By.id("room")).getDomProperty("innerHTML").contains(reportDigest),
                    "no digest, size or pages of a document before the NDA");
            i.click(By.id("room-nda-accept"));
            i.find(By.id("room-nda-accepted"));
            i.click(By.cssSelector("#room-documents tr[data-kind='QUARTERLY_REPORT'] button"));
            i.find(By.id("room-viewer-frame"));
            assertTrue(i.find(By.id("room-viewer-controls")).getText().contains("the watermark and the access log are the controls"));
            i.screenshot("data-room-investor-viewer-en");
            List<String> pages = pageTexts(Base64.getDecoder().decode((String) ((JavascriptExecutor) i.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.querySelector('fx-investor-data-room').viewerBlob.arrayBuffer().then(buffer => {
                      let text = '';
                      for (const b of new Uint8Array(buffer)) text += String.fromCharCode(b);
                      done(btoa(text));
                    });""")));
            assertEquals(2, pages.size());
            for (String page : pages) {
                assertTrue(page.contains("Demo Growth Fund III quarterly report"), page);
                assertTrue(page.contains("For Investor-71 only · listing " + offer + " · "), page);
                assertTrue(page.contains("仅供 Investor-71 查阅 · 挂牌 " + offer + " · "), page);
            }
            String opened = i.find(By.id("room-outcome")).getDomAttribute("data-index");

            WebElement access = h.find(By.cssSelector("#room-access-log tr[data-index='" + opened + "']"));
            assertEquals("Investor-71", access.getDomAttribute("data-viewer"));
            assertTrue(access.getText().contains("2026 Q3 report"), access.getText());
            h.find(By.cssSelector("#room-acceptances td[data-investor='Investor-71']"));
            h.screenshot("data-room-holder-log-en");

            r.go("#/data-room-log");
            r.type(By.id("room-subject"), Long.toString(offer));
            r.click(By.id("room-find-submit"));
            assertEquals("Investor-71", r.find(By.cssSelector("#room-access-log tr[data-index='" + opened + "']"))
                    .getDomAttribute("data-viewer"));
            r.screenshot("data-room-regulator-en");
            for (HolderBrowser b : List.of(h, i, r)) {
                assertEquals(List.of(), b.consoleErrors());
            }
        }
    }

    /**
     * Uploads {@code file} on the holder's data-room page and waits for its row and for the form to be cleared (the
     * page clears it when the write is answered, which a live update's row can precede), so the next upload's file is
     * never chosen into a form about to be cleared.
     */
    private static void upload(HolderBrowser h, Path file, String kind, String title) {
        h.find(By.id("room-file")).sendKeys(file.toAbsolutePath().toString());
        h.choose(By.id("room-kind"), kind);
        h.type(By.id("room-title"), title);
        h.click(By.id("room-upload-submit"));
        h.awaitText(By.cssSelector("#room-documents tr[data-kind='" + kind + "']"), title);
        h.await(d -> d.findElement(By.id("room-title")).getDomProperty("value").isEmpty());
    }

    private static byte[] pdf(String title, int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 720);
                    content.showText(title + ", page " + p);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> pageTexts(byte[] pdf) throws IOException {
        List<String> texts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
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
