package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exchange staff ...} and {@code exchange snapshot} against a running node: each is one signed request whose
 * answer is printed as JSON; a refusal exits 1 with {@code code message} (a pending 202 would exit 2).
 */
class StaffCommandSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path data;
    @TempDir
    Path keys;

    private final Clock clock = Clock.systemUTC();
    private String url;

    /** One CLI run: its exit code, standard output and standard error. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        boolean hasEvent(String type) throws IOException {
            for (JsonNode event : json().path("events")) {
                if (type.equals(event.path("type").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    private Run exchange(String signer, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url, "--participant", signer, "--key", keys.resolve(signer + ".key.pem").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = ExchangeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void staffApproveBrokerSettleFreezeSnapshotAndStateFromTheCommandLine() throws IOException {
        KeyPair staff1 = KeyFiles.generate(keys, "Staff-01", SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyFiles.generate(keys, "Staff-02", SignatureAlgorithm.SM2_SM3);
        KeyPair regulator = KeyFiles.generate(keys, "Regulator-01", SignatureAlgorithm.ED25519);
        KeyPair holderKeys = KeyFiles.generate(keys, "Holder-01", SignatureAlgorithm.ED25519);
        KeyPair investorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        String platformId = TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), clock)) {
            url = "http://localhost:" + node.port();
            URI uri = URI.create(url);
            Participant s1 = new Participant(uri, "Staff-01", "Staff-01-k1", staff1, clock, "t");
            Participant s2 = new Participant(uri, "Staff-02", "Staff-02-k1", staff2, clock, "t");
            Participant holder = new Participant(uri, "Holder-01", "Holder-01-k1", holderKeys, clock, "t");
            Participant investor = new Participant(uri, "Investor-07", "Investor-07-k1", investorKeys, clock, "t");
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
            script.onboard("Holder-01", "Demo LP One", "HOLDER", holderKeys);
            script.onboard("Investor-07", "Demo S Fund Seven", "INVESTOR", investorKeys);
            s1.post("/funds", """
                    {"fundCode":"DGF5","shortName":"Demo Buyout Fund V","manager":"Demo Capital Management",
                     "strategy":"BUYOUT","vintage":2018,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL",
                     "nav":"1.2000","navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""").ok();

            long custody = holder.post("/custody", """
                    {"fundCode":"DGF5","documentDigest":"%s","entries":[
                     {"holder":"Holder-01","units":"10000.00","subscribed":"10000.00","paidIn":"8000.00"}]}"""
                    .formatted("cd".repeat(32))).ok().sourceIndex();
            Run approvedCustody = exchange("Staff-02", "staff", "approve-custody", String.valueOf(custody));
            assertEquals(0, approvedCustody.exit(), approvedCustody.err());
            assertTrue(approvedCustody.hasEvent("CustodyApproved"), approvedCustody.out());
            holder.post("/custody/" + custody + "/confirm", "{}").ok();

            long listing = holder.post("/listings", """
                    {"fundCode":"DGF5","buyer":"Investor-07","units":"2000.00","price":"1.0000"}""").ok().sourceIndex();
            Run byHolder = exchange("Holder-01", "staff", "approve-listing", String.valueOf(listing));
            assertEquals(1, byHolder.exit());
            assertTrue(byHolder.err().startsWith("106 "), byHolder.err());
            Run approved = exchange("Staff-01", "staff", "approve-listing", String.valueOf(listing));
            assertEquals(0, approved.exit(), approved.err());
            assertTrue(approved.hasEvent("ListingOpened"), approved.out());
            long trade = NegotiatedTransferScript.eventOfType(investor.post("/listings/" + listing + "/accept", "{}").ok(),
                    "TradeExecuted").path("tradeId").asLong();
            Run settled = exchange("Staff-02", "staff", "settle", String.valueOf(trade));
            assertEquals(0, settled.exit(), settled.err());
            assertTrue(settled.hasEvent("TradeSettled"), settled.out());
            Run again = exchange("Staff-02", "staff", "settle", String.valueOf(trade));
            assertEquals(1, again.exit());
            assertEquals("4008 trade is SETTLED", again.err().strip());

            investor.post("/intents", """
                    {"fundCodes":["DGF5"],"minAmount":"0.00","maxAmount":"5000.00","maxPercentOfNavBasisPoints":9000,
                     "expiresAt":0}""").ok();
            long offer = holder.post("/offers", """
                    {"fundCode":"DGF5","units":"3000.00","minLot":"1000.00","askPrice":"1.0000",
                     "visibility":"QUALIFIED_ONLY","expiresAt":0}""").ok().sourceIndex();
            long match = offer * 4096; // the offer's first proposal (CONTRACTS.md 11)
            Run brokered = exchange("Staff-01", "staff", "broker", String.valueOf(match), "--units", "2000.00");
            assertEquals(0, brokered.exit(), brokered.err());
            assertTrue(brokered.hasEvent("MatchBrokered"), brokered.out());
            assertEquals("2000.00", brokered.json().path("events").path(0).path("units").asText(), brokered.out());

            Path order = Files.writeString(data.resolveSibling("order.txt"), "Demo freezing order (2026) Demo Civil 0001");
            Run proposed = exchange("Staff-01", "staff", "freeze", "--fund", "DGF5", "--holder", "Holder-01",
                    "--units", "1000.00", "--authority", "Demo Intermediate Court", "--case-number", "(2026) Demo Civil 0001",
                    "--document", order.toString());
            assertEquals(0, proposed.exit(), proposed.err());
            String proposal = proposed.json().path("sourceIndex").asText();
            Run ownApproval = exchange("Staff-01", "staff", "approve-proposal", proposal);
            assertEquals(1, ownApproval.exit());
            assertTrue(ownApproval.err().startsWith("2009 "), ownApproval.err());
            Run frozen = exchange("Staff-02", "staff", "approve-proposal", proposal);
            assertEquals(0, frozen.exit(), frozen.err());
            assertTrue(frozen.hasEvent("UnitsFrozen"), frozen.out());

            Run snapshot = exchange("Staff-01", "snapshot");
            assertEquals(0, snapshot.exit(), snapshot.err());
            assertTrue(snapshot.out().matches("snapshot at index \\d+\\R"), snapshot.out());
            Run state = exchange("Regulator-01", "staff", "state");
            assertEquals(0, state.exit(), state.err());
            String expected = node.engine().query(e -> "last index " + e.lastIndex() + "; state hash " + e.stateHash()).join();
            assertEquals(expected, state.out().strip());
            Run pinned = exchange("Regulator-01", "staff", "state", "--platform-id", platformId);
            assertEquals(List.of(0, expected), List.of(pinned.exit(), pinned.out().strip()), pinned.err());
            Run elsewhere = exchange("Regulator-01", "staff", "state", "--platform-id", "fx-elsewhere");
            assertEquals(1, elsewhere.exit(), elsewhere.out());
            assertTrue(elsewhere.err().startsWith("102 "), "signed for another platform: " + elsewhere.err());
            Run notStaff = exchange("Holder-01", "snapshot");
            assertEquals(1, notStaff.exit());
            assertTrue(notStaff.err().startsWith("106 "), notStaff.err());
        }
    }
}
