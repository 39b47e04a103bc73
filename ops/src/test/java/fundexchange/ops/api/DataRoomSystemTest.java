package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.client.DocumentResponse;
import fundexchange.documents.CjkFont;
import fundexchange.ops.Participant;
import fundexchange.ops.verify.Failure;
import fundexchange.ops.verify.JournalVerifier;
import fundexchange.ops.verify.Kind;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data room over signed HTTP (issue 21): a hostile upload refused, documents uploaded and registered by digest,
 * openings refused before the NDA and to an investor not directed, a watermarked PDF naming the viewer on every
 * page, the access log read by the holder and the regulator, and {@code exchange verify} catching a document whose
 * bytes are gone.
 */
@ServerTest
class DataRoomSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiMarket market;
    private static URI server;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("dataroom");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        server = uri;
        market.onboard(uri);
        market.fund("DR1", market.holder);
        market.fund("DR2", market.holder2);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    @Test
    void anInvestorGoesFromNdaToAWatermarkedDocumentAndTheHolderSeesTheAccess() throws Exception {
        Participant holder = market.holder;
        long offer = holder.post("/offers", """
                {"fundCode":"DR1","units":"50000.00","minLot":"1000.00","askPrice":"1.2000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();

        ClientResponse hostile = holder.client().uploadDocument(pdf(1, true), ApiMarket.rid());
        assertEquals(List.of(422, 7020), List.of(hostile.status(), JSON.readTree(hostile.body()).path("code").asInt()),
                hostile.body());
        assertEquals(403, market.investor.client().uploadDocument(pdf(1, false), ApiMarket.rid()).status());

        JsonNode report = upload(holder, pdf(3, false));
        JsonNode nda = upload(holder, pdf(1, false));
        assertEquals(3, report.path("pages").asInt());
        assertEquals(List.of(409, 7022), refusal(holder.client().registerDocument(offer, report.path("digest").asText(),
                "QUARTERLY_REPORT", "Q3", report.path("size").asLong(), 2, ApiMarket.rid())));
        assertEquals(List.of(409, 7021), refusal(holder.client().registerDocument(offer, "cd".repeat(32),
                "QUARTERLY_REPORT", "Q3", 10, 1, ApiMarket.rid())));
        long reportId = register(holder, offer, report, "QUARTERLY_REPORT", "2026 Q3 report 季度报告");
        assertEquals(List.of(409, 7008), refusal(market.investor.client().openDocument(reportId, ApiMarket.rid())));
        long ndaId = register(holder, offer, nda, "NDA", "NDA 保密协议");
        holder.post("/listings/" + offer + "/directed", "{\"investors\":[\"Investor-07\"]}").ok();

        assertEquals(List.of(409, 7011), refusal(market.investor2.client().openDocument(reportId, ApiMarket.rid())));
        assertEquals(List.of(409, 7010), refusal(market.investor.client().openDocument(reportId, ApiMarket.rid())));
        ClientResponse accepted = market.investor.client().acceptNda(offer, 1, nda.path("digest").asText(), ApiMarket.rid());
        assertEquals(200, accepted.status(), accepted.body());
        market.reached(accepted.journalIndex());

        String opening = ApiMarket.rid();
        DocumentResponse served = market.investor.client().openDocument(reportId, opening);
        assertTrue(served.pdf(), served.text());
        List<String> pages = pageTexts(served.bytes());
        assertEquals(3, pages.size());
        for (String page : pages) {
            assertTrue(page.contains("For Investor-07 only · listing " + offer + " · "), page);
            assertTrue(page.contains("仅供 Investor-07 查阅 · 挂牌 " + offer + " · "), page);
        }
        assertArrayEquals(served.bytes(), market.investor.client().openDocument(reportId, opening).bytes(),
                "a repeat is served the same bytes");

        market.reached(served.journalIndex());
        for (Participant reader : List.of(holder, market.regulator)) {
            JsonNode room = reader.get("/listings/" + offer + "/data-room").ok().body();
            assertEquals(List.of(reportId, ndaId), ApiMarket.longs(room.path("documents"), "documentId"));
            assertEquals(List.of("Investor-07"), ApiMarket.texts(room.path("ndaAcceptances"), "investor"));
            assertEquals(List.of(served.journalIndex()), ApiMarket.longs(room.path("accessLog"), "sourceIndex"));
            assertEquals(List.of("Investor-07"), ApiMarket.texts(room.path("accessLog"), "viewer"));
        }
        JsonNode investorView = market.investor.get("/listings/" + offer + "/data-room").ok().body();
        assertEquals(List.of("acceptedNdaVersion", "documents", "listingId"), List.copyOf(ApiMarket.fields(investorView)));
        assertEquals(404, market.investor2.get("/listings/" + offer + "/data-room").status());

        ClientResponse bundle = market.regulator.raw("/audit/bundle?toIndex=" + served.journalIndex());
        assertEquals(200, bundle.status(), bundle.body());
        List<String> openings = new ArrayList<>();
        for (String line : bundle.body().lines().toList()) {
            JsonNode event = JSON.readTree(line).path("event");
            if (event.isTextual()) {
                String document = new String(Base64.getDecoder().decode(event.asText()), StandardCharsets.UTF_8);
                if (document.contains("\"DocumentOpened\"")) {
                    openings.add(document);
                }
            }
        }
        assertEquals(1, openings.size(), "the bundle holds the access log: the one journaled opening");
        assertTrue(openings.get(0).contains("Investor-07") && openings.get(0).contains(report.path("digest").asText()),
                openings.get(0));

        Path copy = copyOfJournalsAndDocuments();
        assertEquals(Optional.empty(), JournalVerifier.verify(copy, true, index -> { }).failure());
        try (Stream<Path> files = Files.walk(copy.resolve("documents/sha256"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(report.path("digest").asText())).findFirst()
                    .orElseThrow();
            Files.delete(file);
        }
        Failure missing = JournalVerifier.verify(copy, true, index -> { }).failure().orElseThrow();
        assertEquals(List.of(reportId, Kind.DOCUMENT), List.of(missing.index(), missing.kind()), missing.reason());
    }

    /**
     * Rules version 6: the fund's manager uploads and registers a fund document, the room of its fund's listing shows
     * it behind the room's NDA, and it is opened there naming the room. Every opening, by anyone, is in the audit
     * bundle with who, what and when, exactly as the regulator's access log reads; the holder's access log and feed
     * show its investor's openings and its own, not oversight's.
     */
    @Test
    void aFundDocumentIsOpenedInItsFundsRoomsAndTheAuditBundleHoldsEveryOpeningWithWhoWhatAndWhen() throws Exception {
        Participant holder = market.holder;
        Participant manager = market.newcomer(server, "Manager-21", "MANAGER", false);
        market.fund("DR3", holder);
        long terms = market.staff1.post("/proposals", """
                {"action":{"type":"SetTransferTerms","fundCode":"DR3","manager":"Manager-21","consentRequired":false,\
                "priority":"NONE","documentDigest":"%s"}}""".formatted("ab".repeat(32))).ok().sourceIndex();
        market.staff2.post("/proposals/" + terms + "/approve", "{}").ok();
        long listing = holder.post("/listings", """
                {"fundCode":"DR3","buyer":"Investor-07","units":"1000.00","price":"1.2000","expiresAt":0}""")
                .ok().sourceIndex();
        market.staff2.post("/listings/" + listing + "/approve", "{}").ok();

        JsonNode lpa = upload(manager, pdf(2, false));
        String lpaDigest = lpa.path("digest").asText();
        assertEquals(List.of(409, 7027), refusal(manager.client().registerFundDocument("DR3", lpaDigest,
                "CAPITAL_ACCOUNT_STATEMENT", "Capital account", lpa.path("size").asLong(), 2, ApiMarket.rid())));
        assertEquals(403, holder.client().registerFundDocument("DR3", lpaDigest, "PARTNERSHIP_AGREEMENT", "LPA",
                lpa.path("size").asLong(), 2, ApiMarket.rid()).status());
        assertEquals(List.of(409, 7021), refusal(manager.client().registerFundDocument("DR3", "cd".repeat(32),
                "PARTNERSHIP_AGREEMENT", "LPA", 10, 1, ApiMarket.rid())));
        ClientResponse registered = manager.client().registerFundDocument("DR3", lpaDigest, "PARTNERSHIP_AGREEMENT",
                "Limited partnership agreement 合伙协议", lpa.path("size").asLong(), 2, ApiMarket.rid());
        assertEquals(200, registered.status(), registered.body());
        long lpaId = registered.journalIndex();
        market.reached(lpaId);
        JsonNode managed = manager.get("/fund-documents").ok().body().path("funds");
        assertEquals(List.of("DR3"), ApiMarket.texts(managed, "fundCode"));
        assertEquals(List.of("Manager-21"), ApiMarket.texts(managed.get(0).path("documents"), "registeredBy"));
        assertEquals(403, holder.get("/fund-documents").status());

        JsonNode nda = upload(holder, pdf(1, false));
        long ndaId = register(holder, listing, nda, "NDA", "NDA 保密协议");
        // Without a room named, only who may know the fund's documents hears 7029; an investor hears 7007, as for an
        // id never used, so it cannot tell that a fund document exists.
        assertEquals(List.of(409, 7007), refusal(market.investor.client().openDocument(lpaId, ApiMarket.rid())));
        assertEquals(List.of(409, 7029), refusal(holder.client().openDocument(lpaId, ApiMarket.rid())));
        assertEquals(List.of(409, 7010), refusal(market.investor.client().openDocument(lpaId, listing, ApiMarket.rid())));
        ClientResponse accepted = market.investor.client().acceptNda(listing, 1, nda.path("digest").asText(), ApiMarket.rid());
        assertEquals(200, accepted.status(), accepted.body());
        JsonNode investorRoom = market.investor.get("/listings/" + listing + "/data-room").ok().body();
        assertEquals(List.of(lpaId, ndaId), ApiMarket.longs(investorRoom.path("documents"), "documentId"));
        assertTrue(investorRoom.path("documents").get(0).path("fundDocument").asBoolean(), investorRoom.toString());
        assertTrue(investorRoom.path("documents").get(1).path("fundDocument").isMissingNode(), investorRoom.toString());

        List<Long> openings = new ArrayList<>();
        for (Participant viewer : List.of(market.investor, holder, market.regulator, market.staff1)) {
            DocumentResponse served = viewer.client().openDocument(lpaId, listing, ApiMarket.rid());
            assertTrue(served.pdf(), served.text());
            assertTrue(pageTexts(served.bytes()).getFirst().contains("For " + viewer.id() + " only · listing " + listing));
            openings.add(served.journalIndex());
        }
        DocumentResponse ndaRead = market.investor.client().openDocument(ndaId, ApiMarket.rid());
        assertTrue(ndaRead.pdf(), ndaRead.text());
        openings.add(ndaRead.journalIndex());
        market.reached(ndaRead.journalIndex());

        JsonNode log = market.regulator.get("/listings/" + listing + "/data-room").ok().body().path("accessLog");
        assertEquals(openings, ApiMarket.longs(log, "sourceIndex"));
        assertEquals(List.of("Investor-07", holder.id(), market.regulator.id(), market.staff1.id(), "Investor-07"),
                ApiMarket.texts(log, "viewer"));
        JsonNode holderLog = holder.get("/listings/" + listing + "/data-room").ok().body().path("accessLog");
        assertEquals(List.of(openings.get(0), openings.get(1), openings.get(4)), ApiMarket.longs(holderLog, "sourceIndex"),
                "the holder sees its investor's openings and its own, not oversight's");

        // The audit bundle holds every opening: who (viewer), what (document, digest, room) and when (journal time).
        ClientResponse bundle = market.regulator.raw("/audit/bundle?toIndex=" + ndaRead.journalIndex());
        assertEquals(200, bundle.status(), bundle.body());
        List<String> inBundle = new ArrayList<>();
        for (String line : bundle.body().lines().toList()) {
            JsonNode event = JSON.readTree(line).path("event");
            if (!event.isTextual()) {
                continue;
            }
            JsonNode document = JSON.readTree(Base64.getDecoder().decode(event.asText()));
            for (JsonNode e : document.path("events")) {
                if (e.path("type").asText().equals("DocumentOpened") && e.path("listingId").asLong() == listing) {
                    inBundle.add(document.path("sourceIndex").asLong() + " " + e.path("viewer").asText() + " "
                            + e.path("documentId").asLong() + " " + e.path("digest").asText() + " "
                            + document.path("time").asLong());
                }
            }
        }
        List<String> read = new ArrayList<>();
        for (JsonNode o : log) {
            read.add(o.path("sourceIndex").asLong() + " " + o.path("viewer").asText() + " " + o.path("documentId").asLong()
                    + " " + o.path("digest").asText() + " " + o.path("openedAt").asLong());
        }
        assertEquals(5, inBundle.size(), inBundle.toString());
        assertEquals(read, inBundle, "the bundle holds every opening, as the regulator's access log reads it");

        // A fund document's bytes are primary data too: exchange verify catches them missing.
        Path copy = copyOfJournalsAndDocuments();
        assertEquals(Optional.empty(), JournalVerifier.verify(copy, true, index -> { }).failure());
        try (Stream<Path> files = Files.walk(copy.resolve("documents/sha256"))) {
            Files.delete(files.filter(f -> f.getFileName().toString().startsWith(lpaDigest)).findFirst().orElseThrow());
        }
        Failure missing = JournalVerifier.verify(copy, true, index -> { }).failure().orElseThrow();
        assertEquals(List.of(lpaId, Kind.DOCUMENT), List.of(missing.index(), missing.kind()), missing.reason());
    }

    /**
     * A fund takes transfer terms (so a manager) only once its offers have ended, and the engine opens a fund document
     * only in a listing's room or an OPEN offer's: a withdrawn offer's room shows none of the documents its fund's
     * manager registers later, rather than an Open that would fail 7007.
     */
    @Test
    void aWithdrawnOffersRoomShowsNoFundDocumentAsTheEngineOpensNone() throws Exception {
        Participant holder = market.holder;
        Participant manager = market.newcomer(server, "Manager-22", "MANAGER", false);
        market.fund("DR4", holder);
        long offer = holder.post("/offers", """
                {"fundCode":"DR4","units":"1000.00","minLot":"1000.00","askPrice":"1.1000","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        holder.post("/offers/" + offer + "/withdraw", "{}").ok();
        long terms = market.staff1.post("/proposals", """
                {"action":{"type":"SetTransferTerms","fundCode":"DR4","manager":"Manager-22","consentRequired":false,\
                "priority":"NONE","documentDigest":"%s"}}""".formatted("ab".repeat(32))).ok().sourceIndex();
        market.staff2.post("/proposals/" + terms + "/approve", "{}").ok();
        JsonNode report = upload(manager, pdf(2, false));
        ClientResponse registered = manager.client().registerFundDocument("DR4", report.path("digest").asText(),
                "QUARTERLY_REPORT", "Q3 report 季度报告", report.path("size").asLong(), 2, ApiMarket.rid());
        assertEquals(200, registered.status(), registered.body());
        long reportId = registered.journalIndex();
        market.reached(reportId);
        assertEquals(List.of(), ApiMarket.longs(holder.get("/listings/" + offer + "/data-room").ok().body()
                .path("documents"), "documentId"), "a withdrawn offer's room shows no fund document");
        assertEquals(List.of(409, 7007), refusal(holder.client().openDocument(reportId, offer, ApiMarket.rid())),
                "as the engine opens none there");
    }

    @Test
    void aHolderCannotClaimAnotherRoomsDocumentByItsDigest() throws Exception {
        long offer = market.holder.post("/offers", """
                {"fundCode":"DR1","units":"10000.00","minLot":"1000.00","askPrice":"1.1000","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        JsonNode report = upload(market.holder, pdf(2, false));
        JsonNode nda = upload(market.holder, pdf(1, false));
        register(market.holder, offer, report, "QUARTERLY_REPORT", "Report 报告");
        long ndaId = register(market.holder, offer, nda, "NDA", "NDA 保密协议");

        JsonNode before = market.investor2.get("/listings/" + offer + "/data-room").ok().body();
        JsonNode hidden = before.path("documents").get(0);
        assertEquals(List.of("documentId", "kind", "ndaVersion", "registeredAt", "title"),
                List.copyOf(ApiMarket.fields(hidden)), "before the NDA an investor sees no digest, size or pages");
        assertEquals(List.of(ndaId, 1L), List.of(before.path("documents").get(1).path("documentId").asLong(),
                before.path("documents").get(1).path("pages").asLong()), "the NDA itself is shown whole");

        long own = market.holder2.post("/offers", """
                {"fundCode":"DR2","units":"10000.00","minLot":"1000.00","askPrice":"1.1000","visibility":"PUBLIC_TEASER"}""")
                .ok().sourceIndex();
        assertEquals(List.of(409, 7021), refusal(market.holder2.client().registerDocument(own,
                report.path("digest").asText(), "QUARTERLY_REPORT", "Copied", report.path("size").asLong(),
                report.path("pages").asInt(), ApiMarket.rid())), "bytes another holder uploaded are not the signer's");
    }

    @Test
    void onlyInvestorsWhoMaySeeTheOfferReadItsRoomAndItsHolderReadsItBeforeTheFirstDocument() throws Exception {
        long offer = market.holder.post("/offers", """
                {"fundCode":"DR1","units":"10000.00","minLot":"1000.00","askPrice":"1.1000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();
        JsonNode empty = market.holder.get("/listings/" + offer + "/data-room").ok().body();
        assertEquals(List.of(0, 0), List.of(empty.path("documents").size(), empty.path("accessLog").size()));
        register(market.holder, offer, upload(market.holder, pdf(1, false)), "NDA", "NDA 保密协议");
        assertEquals(List.of(200, 404, 404), List.of(
                market.investor.get("/listings/" + offer + "/data-room").status(),
                market.unqualified.get("/listings/" + offer + "/data-room").status(),
                market.investor.get("/listings/" + (offer + 100_000) + "/data-room").status()),
                "an investor not qualified does not see a QUALIFIED_ONLY offer, nor its room");
        assertEquals(List.of(400, 400, 400), List.of(
                market.holder.get("/listings/" + offer + "/data-room?after=1x").status(),
                market.holder.get("/listings/" + offer + "/data-room?after=-1").status(),
                market.holder.get("/listings/" + offer + "/data-room?since=1").status()), "the query is parsed strictly");
    }

    @Test
    void aClosedOffersRoomIsClosedToInvestorsInTheReadAsInTheEngineThoughTheOfferReadStillShowsItToItsQuoter()
            throws Exception {
        long offer = market.holder.post("/offers", """
                {"fundCode":"DR1","units":"10000.00","minLot":"1000.00","askPrice":"1.1000","visibility":"QUALIFIED_ONLY"}""")
                .ok().sourceIndex();
        JsonNode nda = upload(market.holder, pdf(1, false));
        long ndaId = register(market.holder, offer, nda, "NDA", "NDA 保密协议");
        market.investor.post("/offers/" + offer + "/quotes", "{\"price\":\"1.0500\",\"units\":\"1000.00\"}").ok();
        assertEquals(200, market.investor.get("/listings/" + offer + "/data-room").status());
        market.holder.post("/offers/" + offer + "/withdraw", "{}").ok();

        assertEquals("WITHDRAWN", market.investor.get("/offers/" + offer).ok().body().path("status").asText(),
                "the quoter still reads the offer");
        assertEquals(List.of(404, 200), List.of(market.investor.get("/listings/" + offer + "/data-room").status(),
                market.holder.get("/listings/" + offer + "/data-room").status()), "but no longer its room");
        assertEquals(List.of(409, 7001), refusal(market.investor.client().acceptNda(offer, 1, nda.path("digest").asText(),
                ApiMarket.rid())), "as the engine refuses it");
        assertEquals(List.of(409, 7007), refusal(market.investor.client().openDocument(ndaId, ApiMarket.rid())));
    }

    @Test
    void anUploadWithAnUnknownKeyOrAQueryIsRefusedBeforeItsBodyIsRead() throws Exception {
        assertEquals(List.of("HTTP/1.1 401 Unauthorized", "HTTP/1.1 400 Bad Request"),
                List.of(headersOnlyUpload("/documents"), headersOnlyUpload("/documents?x=1")),
                "refused on the request line and headers, with no body sent");
    }

    /** The status line answering a PUT that declares a 10 MB body, signed with no known key, whose body never comes. */
    private static String headersOnlyUpload(String target) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(60_000); // a guard only: the answer comes before any body byte is sent
            String head = "PUT " + target + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\n"
                    + "Content-Type: application/pdf\r\nContent-Length: 10000000\r\n"
                    + "X-Participant: Holder-01\r\nX-Key-Id: no-such-key\r\nX-Algorithm: ED25519\r\n"
                    + "X-Timestamp: " + System.currentTimeMillis() + "\r\nX-Client-Request-Id: " + ApiMarket.rid()
                    + "\r\nX-Signature: " + Base64.getEncoder().encodeToString(new byte[64]) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static JsonNode upload(Participant holder, byte[] pdf) throws IOException, InterruptedException {
        ClientResponse stored = holder.client().uploadDocument(pdf, ApiMarket.rid());
        assertEquals(201, stored.status(), stored.body());
        return JSON.readTree(stored.body());
    }

    private static long register(Participant holder, long offer, JsonNode stored, String kind, String title)
            throws IOException, InterruptedException {
        ClientResponse registered = holder.client().registerDocument(offer, stored.path("digest").asText(), kind, title,
                stored.path("size").asLong(), stored.path("pages").asInt(), ApiMarket.rid());
        assertEquals(200, registered.status(), registered.body());
        market.reached(registered.journalIndex());
        return registered.journalIndex();
    }

    private static List<Integer> refusal(ClientResponse response) throws IOException {
        return List.of(response.status(), JSON.readTree(response.body()).path("code").asInt());
    }

    private static List<Integer> refusal(DocumentResponse response) throws IOException {
        return List.of(response.status(), JSON.readTree(response.text()).path("code").asInt());
    }

    /** A synthetic PDF of {@code pages} pages, made here; with {@code script}, JavaScript runs when it opens. */
    private static byte[] pdf(int pages, boolean script) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = CjkFont.load(document);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(72, 700);
                    content.showText("Synthetic data-room document 合成资料, page " + i + " of " + pages);
                    content.endText();
                }
            }
            if (script) {
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x');"));
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

    private static Path copyOfJournalsAndDocuments() throws IOException {
        Path copy = Files.createTempDirectory("dataroom-verify");
        for (String part : List.of("journal", "documents")) {
            Path from = market.data().resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(part).resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }
        return copy;
    }
}
