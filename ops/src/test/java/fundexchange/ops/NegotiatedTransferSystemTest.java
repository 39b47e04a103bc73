package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.registry.audit.AuditChainCheck;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** From an empty directory: init, serve, one negotiated transfer over signed HTTP by every role, restart. */
class NegotiatedTransferSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();
    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
    private final KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair investorKeys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);

    private ExchangeNode start() {
        return ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), clock);
    }

    /** The journal index of the test's last write; every read waits for it (minIndex). */
    private final JournalPosition position = new JournalPosition();

    private Participant as(ExchangeNode node, String id, KeyPair keys) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "sys")
                .sharing(position);
    }

    private static JsonNode errorBody(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void checkRegulatorExportsAndObservability(ExchangeNode node, Participant regulator, Participant holder) {
        fundexchange.client.ClientResponse bundle = regulator.raw("/audit/bundle");
        assertEquals(200, bundle.status());
        Path file = data.resolveSibling("exported.jsonl");
        try {
            java.nio.file.Files.writeString(file, bundle.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        fundexchange.audit.bundle.VerificationReport report = fundexchange.audit.bundle.AuditBundleVerifier.verify(file);
        assertTrue(report.valid(), report.message());
        assertTrue(report.checkpointsVerified() >= 1 && report.signaturesVerified() > 20, report.message());
        assertEquals(403, holder.raw("/audit/bundle").status());
        assertEquals(403, holder.raw("/reports/daily?date=2026-01-01").status());
        assertEquals(403, holder.raw("/audit/checkpoints").status());
        String today = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(node.journals().lastEvents().orElseThrow().time()),
                java.time.ZoneId.of(fundexchange.protocol.reference.PlatformParameters.DEFAULTS.zone())).toString();
        fundexchange.client.ClientResponse html = regulator.raw("/reports/daily?date=" + today + "&format=html");
        assertEquals(200, html.status());
        assertTrue(html.body().contains("<svg"), "the HTML report has charts");
        assertTrue(regulator.raw("/reports/daily?date=" + today).body().contains("\"trades\""));
        assertTrue(regulator.raw("/reports/daily?date=" + today + "&format=html&lang=zh-CN").body()
                .contains("<html lang=\"zh-CN\">"), "the HTML report in Chinese");
        assertEquals(400, regulator.raw("/reports/daily?date=" + today + "&format=html&lang=fr").status());
        for (String query : List.of("date=" + today + "&colour=blue", "date=2026-1-1", "date=" + today + "&format=pdf",
                "format=json", "date=" + today + "&lang=en&lang=zh-CN", "date=" + today + "&after=1")) {
            fundexchange.client.ClientResponse refused = regulator.raw("/reports/daily?" + query);
            assertEquals(400, refused.status(), query);
            JsonNode error = errorBody(refused.body());
            List<String> fields = new java.util.ArrayList<>();
            error.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("code", "message", "requestId"), fields, query);
            assertTrue(error.path("code").asInt() == 109 || error.path("code").asInt() == 123, query + ": " + error);
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://localhost:" + node.port();
        String management = "http://127.0.0.1:" + node.managementPort();
        String metrics = unsigned(http, management + "/observe/metrics");
        assertTrue(metrics.contains("exchange_lag_commands{") && metrics.contains("exchange_gateway_open_connections"), metrics);
        assertTrue(unsigned(http, management + "/observe/health").contains("writes"));
        com.fasterxml.jackson.databind.JsonNode health;
        try {
            health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(unsigned(http, management + "/observe/health"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        com.fasterxml.jackson.databind.JsonNode build = java.util.stream.StreamSupport.stream(health.get("checks").spliterator(), false)
                .filter(check -> check.get("name").asText().equals("build")).findFirst().orElseThrow();
        assertEquals("{\"commit\":\"" + fundexchange.build.BuildInfo.current().commit() + "\",\"version\":\""
                + fundexchange.build.BuildInfo.current().version() + "\"}", build.get("data").toString(), health.toString());
        String openapi = unsigned(http, base + "/openapi");
        assertTrue(openapi.startsWith("openapi: 3"));
        for (String path : List.of("/listings", "/listings/{listingId}/accept", "/audit/records", "/audit/bundle", "/reports/daily")) {
            assertTrue(openapi.contains("\n  " + path + ":\n"), path + " is documented");
        }
    }

    private static String unsigned(java.net.http.HttpClient http, String uri) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(URI.create(uri)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void negotiatedTransferEndToEndOverSignedHttpSurvivesRestart() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock);
        assertThrows(IllegalStateException.class, () -> GenesisWriter.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock));

        String stateHash;
        long tradeId;
        try (ExchangeNode node = start()) {
            Participant s1 = as(node, "Staff-01", staff1);
            Participant s2 = as(node, "Staff-02", staff2);
            Participant regulator = as(node, "Regulator-01", regulatorKeys);
            Participant holder = as(node, "Holder-01", holderKeys);
            Participant investor = as(node, "Investor-07", investorKeys);
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
            script.onboard("Holder-01", "Demo LP Holder One", "HOLDER", holderKeys);
            script.onboard("Investor-07", "Demo S Fund Investor Seven", "INVESTOR", investorKeys);
            script.registerFundWithHolding("Holder-01");

            long listingId = holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"400000.00","price":"0.9000"}""", "list-1").ok().sourceIndex();
            Participant.Reply again = holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"400000.00","price":"0.9000"}""", "list-1").ok();
            assertEquals(listingId, again.sourceIndex(), "a repeated clientRequestId returns the original outcome");
            assertEquals(409, holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"1.00","price":"0.9000"}""", "list-1").status());
            assertEquals(403, holder.post("/listings/" + listingId + "/approve", "{}").status(), "holders cannot approve");
            s2.post("/listings/" + listingId + "/approve", "{}").ok();

            JsonNode offer = investor.get("/feed").ok().body().path("entries");
            String investorFeed = offer.toString();
            assertTrue(investorFeed.contains("\"seller\":\"P1\""), investorFeed);
            assertFalse(investorFeed.contains("Holder-01"), "the buyer sees a pseudonym before the trade: " + investorFeed);

            JsonNode executed = NegotiatedTransferScript.eventOfType(investor.post("/listings/" + listingId + "/accept", "{}").ok(), "TradeExecuted");
            assertEquals("TradeExecuted", executed.path("type").asText());
            assertEquals("360000.00", executed.path("consideration").asText());
            assertEquals(6000, executed.path("percentOfNavBasisPoints").asInt());
            assertEquals("0.9000", executed.path("multipleOfCost").asText());
            tradeId = executed.path("tradeId").asLong();
            JsonNode settled = s1.post("/trades/" + tradeId + "/settle", "{}").ok().body().path("events").path(0);
            assertEquals("TradeSettled", settled.path("type").asText());

            JsonNode investorHoldings = investor.get("/holdings").ok().body().path("holdings");
            assertEquals(1, investorHoldings.size());
            assertEquals("400000.00", investorHoldings.path(0).path("units").asText());
            assertEquals("360000.00", investorHoldings.path(0).path("cost").asText());
            JsonNode holderHoldings = holder.get("/holdings").ok().body().path("holdings");
            assertEquals("600000.00", holderHoldings.path(0).path("units").asText());
            assertEquals("600000.00", holderHoldings.path(0).path("cost").asText());
            JsonNode transfer = regulator.get("/transfers").ok().body().path("transfers").path(0);
            assertEquals("0.9000", transfer.path("price").asText());
            assertEquals("SETTLED", transfer.path("status").asText());
            assertEquals(1, regulator.get("/transfers").ok().body().path("transfers").size());
            assertEquals(403, holder.get("/funds/DGF3/register").status(), "only staff and regulators read a register");
            JsonNode standing = investor.get("/participants/Investor-07").ok().body();
            assertEquals("QUALIFIED", standing.path("qualification").asText());
            assertEquals("ACTIVE", standing.path("status").asText());
            assertEquals(403, investor.get("/participants/Holder-01").status(), "another participant's standing is not yours to read");
            assertEquals("HOLDER", regulator.get("/participants/Holder-01").ok().body().path("roles").path(0).asText());
            assertEquals(2, regulator.get("/funds/DGF3/register").ok().body().path("holdings").size());
            assertTrue(investor.get("/feed").ok().body().toString().contains("Holder-01"), "identities revealed at the trade");

            long declined = holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"2000.00","price":"0.9500"}""").ok().sourceIndex();
            s2.post("/listings/" + declined + "/approve", "{}").ok();
            assertEquals(403, holder.post("/listings/" + declined + "/decline", "{}").status());
            investor.post("/listings/" + declined + "/decline", "{}").ok();
            long withdrawn = holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"3000.00","price":"0.9500"}""").ok().sourceIndex();
            holder.post("/listings/" + withdrawn + "/withdraw", "{}").ok();
            assertEquals("0.00", holder.get("/holdings").ok().body().path("holdings").path(0).path("locked").asText(),
                    "declined and withdrawn listings unlock their units in the registry");
            assertFalse(investor.get("/feed").ok().body().toString().contains("\"seller\":\"Holder-01\",\"type\":\"ListingDeclined"));

            long expiring = holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"1000.00","price":"1.0000","expiresAt":%d}"""
                    .formatted(clock.millis() + 1_000)).ok().sourceIndex();
            long waitUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!holder.get("/feed?after=" + expiring).ok().body().toString().contains("ListingExpired")) {
                assertTrue(System.nanoTime() < waitUntil, "the sequencer ticks and the listing expires at its deadline");
                Thread.sleep(200);
            }

            assertTrue(node.audit().awaitIndex(node.engine().lastIndex(), Duration.ofSeconds(30)));
            JsonNode checkpoint = regulator.post("/audit/checkpoints", "{}").ok().body().path("events").path(0);
            assertEquals("CheckpointRecorded", checkpoint.path("type").asText());
            fundexchange.protocol.command.Genesis genesis = (fundexchange.protocol.command.Genesis)
                    node.journals().commandReader().next().orElseThrow().value().command();
            byte[] message = new fundexchange.signing.CheckpointMessage(checkpoint.path("keyId").asText(),
                    checkpoint.path("chainIndex").asLong(), checkpoint.path("chainHead").asText(),
                    checkpoint.path("signedAt").asLong()).bytes();
            assertTrue(fundexchange.signing.Signatures.verify(SignatureAlgorithm.ED25519,
                    java.util.Base64.getDecoder().decode(genesis.exchangePublicKey()), message,
                    java.util.Base64.getDecoder().decode(checkpoint.path("signature").asText())), "checkpoint signed by the exchange key");
            assertEquals(1, regulator.get("/audit/checkpoints").ok().body().path("checkpoints").size());
            assertEquals(403, holder.post("/audit/checkpoints", "{}").status());
            assertTrue(node.audit().awaitIndex(node.engine().lastIndex(), Duration.ofSeconds(30)));
            AuditChainCheck.Result audit = AuditChainCheck.verify(node.journals(), node.dataSource());
            assertTrue(audit.intact(), audit.firstProblem());
            assertEquals(node.engine().lastIndex(), audit.checkedThrough());
            assertEquals(0, ExchangeCommand.commandLine().execute("reconcile", "--data-dir", data.toString(),
                    "--db-url", DB.url(), "--db-user", DB.user(), "--db-password", DB.password()), "registry equals engine");
            assertEquals(403, holder.post("/ops/snapshot", "{}").status());
            assertTrue(s1.post("/ops/snapshot", "{}").ok().body().path("snapshotIndex").asLong() > 20, "staff take a snapshot");
            stateHash = regulator.get("/engine/state").ok().body().path("stateHash").asText();
            checkRegulatorExportsAndObservability(node, regulator, holder);
        }
        assertTrue(java.nio.file.Files.list(data.resolve("snapshots")).findAny().isPresent(), "the snapshot is on disk");
        try (ExchangeNode restarted = start()) {
            Participant regulator = as(restarted, "Regulator-01", regulatorKeys);
            assertEquals(stateHash, regulator.get("/engine/state").ok().body().path("stateHash").asText());
            assertEquals(409, as(restarted, "Staff-01", staff1).post("/trades/" + tradeId + "/settle", "{}").status());
        }
    }
}
