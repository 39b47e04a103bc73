package fundexchange.ops.api;

import static fundexchange.ops.api.ApiMarket.event;
import static fundexchange.ops.api.ApiMarket.rid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.client.DocumentResponse;
import fundexchange.ops.Participant;
import fundexchange.signing.CertificateSignature;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction certificates over signed HTTP (issue 23): a settled trade's parties, staff and regulators download the same
 * certificate and its detached signature, which verifies offline against the exchange's published keys; nobody else
 * learns whether the trade exists; before final settlement there is none.
 */
@ServerTest
class CertificateSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiMarket market;
    private static URI base;
    @TempDir
    Path temp;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        // An SM2 exchange key: its SPKI as journaled is what the gateway signs with and fingerprints (the demo and
        // DemoSystemTest cover an Ed25519 one).
        market = ApiMarket.start("certificates", fundexchange.signing.SignatureAlgorithm.SM2_SM3);
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        base = uri;
        market.onboard(uri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    private static DocumentResponse certificate(Participant reader, long tradeId) throws Exception {
        return reader.client().withMinIndex(reader.position().index()).certificate(tradeId);
    }

    private static ClientResponse signature(Participant reader, long tradeId) throws Exception {
        return reader.client().withMinIndex(reader.position().index()).certificateSignature(tradeId);
    }

    /** An error body's code and message, its fields exactly {code, message, requestId}. */
    private static List<String> error(String body) throws IOException {
        JsonNode error = JSON.readTree(body);
        List<String> fields = new java.util.ArrayList<>();
        error.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("code", "message", "requestId"), fields, body);
        return List.of(error.path("code").asText(), error.path("message").asText());
    }

    @Test
    void partiesAndRegulatorsReadTheSameSignedCertificateAndNobodyElseLearnsTheTradeExists() throws Exception {
        Participant holder = market.holder;
        market.fund("CT1", holder);
        long listing = holder.call(c -> c.listNegotiated("CT1", "Investor-07", "1000.00", "1.4000", Optional.empty(),
                rid())).ok().sourceIndex();
        market.staff2.call(c -> c.approveListing(listing, rid())).ok();
        long tradeId = event(market.investor.call(c -> c.acceptListing(listing, rid())).ok(), "TradeExecuted")
                .path("tradeId").asLong();
        long unknown = (tradeId / 4096 + 1_000_000) * 4096;

        DocumentResponse early = certificate(market.investor, tradeId);
        assertEquals(409, early.status(), early.text());
        assertEquals("7050", error(early.text()).get(0));
        assertEquals(409, signature(market.regulator, tradeId).status());
        assertEquals(409, certificate(market.staff1, tradeId).status());
        for (Participant outsider : List.of(market.holder2, market.investor2, market.unqualified)) {
            DocumentResponse refused = certificate(outsider, tradeId);
            assertEquals(404, refused.status(), outsider.id());
            assertEquals(List.of("107", "no certificate for trade " + tradeId), error(refused.text()), outsider.id());
        }

        market.staff1.call(c -> c.confirmSettlement(tradeId, rid())).ok();
        DocumentResponse forSeller = certificate(holder, tradeId);
        assertTrue(forSeller.pdf(), forSeller.text());
        assertEquals(List.of("no-store", "nosniff"), List.of(forSeller.header("Cache-Control").orElse(""),
                forSeller.header("X-Content-Type-Options").orElse("")), "neither cached nor sniffed");
        assertArrayEquals(forSeller.bytes(), certificate(market.investor, tradeId).bytes(), "the buyer's copy");
        assertArrayEquals(forSeller.bytes(), certificate(market.regulator, tradeId).bytes(), "the regulator's copy");
        assertArrayEquals(forSeller.bytes(), certificate(market.staff2, tradeId).bytes(), "staff's copy");
        assertEquals(200, signature(market.staff1, tradeId).status(), "staff read the signature too");
        try (PDDocument document = Loader.loadPDF(forSeller.bytes())) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("交易凭证", "Transaction Certificate", "Demo Fund CT1", "1,000.00", "CNY 1.4000",
                    "CNY 1,400.00", "93.33%", "1.4000x", "Holder-01", "Investor-07", "Asia/Shanghai",
                    platformId())) {
                assertTrue(text.contains(expected), () -> "missing " + expected + " in\n" + text);
            }
        }
        // Anyone else, settled or not, and a trade that does not exist: the same answer.
        for (Participant outsider : List.of(market.holder2, market.investor2, market.unqualified)) {
            for (long id : new long[] {tradeId, unknown}) {
                DocumentResponse refused = certificate(outsider, id);
                assertEquals(404, refused.status(), outsider.id());
                assertEquals(List.of("107", "no certificate for trade " + id), error(refused.text()), outsider.id());
                ClientResponse sig = signature(outsider, id);
                assertEquals(404, sig.status(), outsider.id());
                assertEquals(List.of("107", "no certificate for trade " + id), error(sig.body()), outsider.id());
            }
        }
        assertEquals(404, certificate(market.regulator, unknown).status());
        assertEquals(404, certificate(market.staff1, unknown).status());
        assertEquals(400, market.regulator.get("/trades/x1/certificate").status());
        for (String path : List.of("/trades/" + tradeId + "/certificate?zone=UTC", "/trades/" + tradeId + "/certificate.sig?x=1")) {
            ClientResponse refused = market.regulator.client().get(path);
            assertEquals(400, refused.status(), path);
            assertEquals("109", error(refused.body()).get(0), path);
        }

        // The detached signature verifies offline against the published key; a flipped byte is refused.
        ClientResponse signed = signature(market.investor, tradeId);
        assertEquals(200, signed.status(), signed.body());
        CertificateSignature parsed = CertificateSignature.parse(signed.body());
        ClientResponse keys = market.investor.client().exchangeKeys();
        assertEquals(200, keys.status());
        JsonNode published = JSON.readTree(keys.body());
        assertEquals(platformId(), published.path("platformId").asText());
        JsonNode key = published.path("keys").get(0);
        assertEquals(List.of("algorithm", "fingerprint", "keyId", "publicKey", "registeredAtIndex"),
                iterable(key.fieldNames()));
        assertEquals(List.of(key.path("keyId").asText(), key.path("fingerprint").asText(), key.path("publicKey").asText()),
                List.of(parsed.keyId(), parsed.keyFingerprint(), parsed.publicKey()));
        assertEquals("SM2-SM3", key.path("algorithm").asText());
        assertEquals(fundexchange.signing.KeyFingerprint.of(java.util.Base64.getDecoder().decode(
                key.path("publicKey").asText())), parsed.keyFingerprint(), "the journaled SPKI's fingerprint");
        Path pdf = Files.write(temp.resolve("certificate.pdf"), forSeller.bytes());
        Path sig = Files.writeString(temp.resolve("certificate.pdf.sig"), signed.body());
        StringWriter out = new StringWriter();
        assertEquals(0, verify(out, pdf, sig, key.path("fingerprint").asText()), out.toString());
        byte[] flipped = forSeller.bytes().clone();
        flipped[flipped.length / 3] ^= 0x20;
        Files.write(pdf, flipped);
        out.getBuffer().setLength(0);
        assertEquals(1, verify(out, pdf, sig, key.path("fingerprint").asText()));
        assertTrue(out.toString().contains("凭证无效") && out.toString().contains("certificate INVALID"), out.toString());

        // A later change of the platform zone does not re-date the certificate: the zone is the one at settlement.
        market.script.approve("{\"type\":\"SetPlatformParameter\",\"name\":\"zone\",\"value\":\"Europe/London\"}");
        long changed = market.staff2.position().index();
        DocumentResponse later = holder.client().withMinIndex(changed).certificate(tradeId);
        assertArrayEquals(forSeller.bytes(), later.bytes(), "the same bytes after the zone changed");
        market.script.approve("{\"type\":\"SetPlatformParameter\",\"name\":\"zone\",\"value\":\"Asia/Shanghai\"}");
    }

    @Test
    void theExchangeKeysAreAnUnsignedReadThatTakesNoQuery() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> keys = http.send(java.net.http.HttpRequest.newBuilder(
                base.resolve("/exchange/keys")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, keys.statusCode(), keys.body());
        assertEquals(platformId(), JSON.readTree(keys.body()).path("platformId").asText());
        java.net.http.HttpResponse<String> queried = http.send(java.net.http.HttpRequest.newBuilder(
                base.resolve("/exchange/keys?all=1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, queried.statusCode());
        assertEquals("109", error(queried.body()).get(0));
    }

    private static int verify(StringWriter out, Path pdf, Path sig, String fingerprint) {
        picocli.CommandLine cli = fundexchange.ops.ExchangeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute("certificate", "verify", pdf.toString(), sig.toString(), "--platform-id", platformId(),
                "--key-fingerprint", fingerprint);
    }

    private static String platformId() {
        try {
            return market.regulator.client().platformId();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
