package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.audit.report.DailyReport;
import fundexchange.audit.report.ListingCount;
import fundexchange.client.AuctionListing;
import fundexchange.client.ClientResponse;
import fundexchange.gateway.GatewayConfig;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.reference.Role;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Dutch auction over signed HTTP on a real node and gateway, on a clock only the test moves: the clock price falls
 * step by step, two investors each buy part of the lot at the clock of their acceptance, and the window's end
 * releases the rest to the holder. Whole event sequence, what each side learns, the registry, the audit bundle and the
 * daily report's mechanism.
 */
@Tag("slow")
class DutchAuctionSystemTest {
    private static final long STEP_MS = 20_000;
    private static final long WINDOW_MS = 100_000;
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path data;

    private final ManualClock clock = new ManualClock(System.currentTimeMillis());
    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final JournalPosition position = new JournalPosition();

    private Participant as(ExchangeNode node, String id, KeyPair keys) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "dutch")
                .sharing(position);
    }

    /** The listing's events in the viewer's feed, in journal order, each as "type key fields". */
    private static List<String> listingEvents(Participant viewer, long listingId) {
        List<String> found = new ArrayList<>();
        long cursor = 0;
        while (true) {
            JsonNode page = viewer.get("/feed?limit=1000&after=" + cursor).ok().body();
            if (page.path("entries").isEmpty()) {
                return found;
            }
            for (JsonNode entry : page.path("entries")) {
                for (JsonNode event : entry.path("data").path("events")) {
                    if (event.path("listingId").asLong() == listingId) {
                        found.add(summary(event));
                    }
                }
            }
            cursor = page.path("cursor").asLong();
        }
    }

    private static String summary(JsonNode e) {
        String type = e.path("type").asText();
        return switch (type) {
            case "ListingSubmitted" -> type + " " + e.path("mechanism").asText() + " " + e.path("units").asText() + " step "
                    + e.path("auction").path("stepMs").asLong();
            case "TradeExecuted" -> type + " " + e.path("seller").asText() + "->" + e.path("buyer").asText() + " "
                    + e.path("units").asText() + "@" + e.path("price").asText();
            case "AuctionClosed" -> type + " " + e.path("mechanism").asText() + " bids " + e.path("bids").size();
            case "ListingExpired" -> type + " " + e.path("unitsUnlocked").asText();
            default -> type;
        };
    }

    private static JsonNode holding(Participant viewer, String fund) {
        for (JsonNode h : viewer.get("/holdings").ok().body().path("holdings")) {
            if (fund.equals(h.path("fundCode").asText())) {
                return h;
            }
        }
        throw new AssertionError("no holding in " + fund);
    }

    @Test
    void aDutchAuctionSellsTwoPartsAtTheFallingClockAndReleasesTheRestAtTheWindowsEnd() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock);
        long listing;
        long t0;
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(),
                DB.password())), GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), clock)) {
            Participant s1 = as(node, "Staff-01", staff1);
            Participant s2 = as(node, "Staff-02", staff2);
            Participant regulator = as(node, "Regulator-01", regulatorKeys);
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
            KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair aliceKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair bobKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            script.onboard("Holder-01", "Dutch LP One", "HOLDER", holderKeys);
            script.onboard("Investor-07", "Alice Capital", "INVESTOR", aliceKeys);
            script.onboard("Investor-08", "Bob Partners", "INVESTOR", bobKeys);
            script.registerFundWithHolding("Holder-01");
            Participant holder = as(node, "Holder-01", holderKeys);
            Participant alice = as(node, "Investor-07", aliceKeys);
            Participant bob = as(node, "Investor-08", bobKeys);

            // 1,000 units on a clock from 1.0000 down 0.0500 every 20 s to the floor 0.8000, for 100 s.
            t0 = clock.millis();
            listing = holder.call(c -> c.listAuction(AuctionListing.dutch("DGF3", "1000.00", "1.0000", "0.8000", "0.0500",
                    STEP_MS, t0, t0 + WINDOW_MS), "list-dutch")).ok().sourceIndex();
            long id = listing;
            s2.post("/listings/" + id + "/approve", "{}").ok();
            JsonNode seen = alice.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("DUTCH", "1.0000", "1000.00", String.valueOf(t0 + STEP_MS), "true"),
                    List.of(seen.path("mechanism").asText(), seen.path("clockPrice").asText(), seen.path("unitsLeft").asText(),
                            seen.path("nextStepAt").asText(), String.valueOf(seen.path("reservePrice").isMissingNode())),
                    "an investor sees the clock but neither the floor nor the seller: " + seen);
            assertFalse(seen.toString().contains("Holder-01"), seen.toString());

            Participant.Reply low = alice.call(c -> c.placeUnitsBid(id, "0.9500", "300.00", "a-low"));
            assertEquals(List.of(409, 4030), List.of(low.status(), low.body().path("code").asInt()), low.body().toString());
            alice.call(c -> c.placeUnitsBid(id, "1.0000", "300.00", "a-1")).ok();
            clock.advance(2 * STEP_MS + 5_000);
            JsonNode later = bob.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("0.9000", "700.00", "OPEN", "false"), List.of(later.path("clockPrice").asText(),
                    later.path("unitsLeft").asText(), later.path("status").asText(), String.valueOf(later.has("tradePrice"))),
                    "another buyer's unsettled trade price stays hidden while the auction is open: " + later);
            assertEquals("1.0000", holder.call(c -> c.listing(id)).ok().body().path("tradePrice").asText(),
                    "the seller sees its latest trade's price");
            Participant.Reply tooMany = bob.call(c -> c.placeUnitsBid(id, "0.9000", "800.00", "b-many"));
            assertEquals(List.of(409, 4031), List.of(tooMany.status(), tooMany.body().path("code").asInt()));
            bob.call(c -> c.placeUnitsBid(id, "0.9500", "400.00", "b-1")).ok();

            clock.advance(WINDOW_MS - 2 * STEP_MS - 5_000 + 1_000);
            Participant.Reply late = alice.call(c -> c.placeUnitsBid(id, "1.0000", "100.00", "a-late"));
            assertEquals(List.of(409, 4003), List.of(late.status(), late.body().path("code").asInt()), late.body().toString());

            assertEquals(List.of("ListingSubmitted DUTCH 1000.00 step 20000", "ListingOpened",
                    "TradeExecuted Holder-01->Investor-07 300.00@1.0000", "TradeExecuted Holder-01->Investor-08 400.00@0.9000",
                    "AuctionClosed DUTCH bids 0", "ListingExpired 300.00"), listingEvents(s1, id));
            String aliceHears = alice.get("/feed?limit=1000").ok().body().toString();
            assertTrue(aliceHears.contains("Holder-01"), "the trade reveals the seller to its buyer");
            assertFalse(aliceHears.contains("Investor-08"), "but not the other buyer: " + aliceHears);
            JsonNode closed = regulator.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("EXPIRED", "300.00", "0.9000", "0.8000"), List.of(closed.path("status").asText(),
                    closed.path("unitsLeft").asText(), closed.path("tradePrice").asText(), closed.path("reservePrice").asText()));
            assertEquals("700.00", holding(holder, "DGF3").path("locked").asText(), "sold units stay locked until settled");
            assertEquals(2, regulator.get("/transfers").ok().body().path("transfers").size());

            Path bundle = data.resolveSibling("dutch-bundle.jsonl");
            ClientResponse raw = regulator.raw("/audit/bundle");
            assertEquals(200, raw.status(), raw.body());
            Files.writeString(bundle, raw.body());
            VerificationReport verified = AuditBundleVerifier.verify(bundle);
            assertTrue(verified.valid(), verified.message());
            assertTrue(node.audit().awaitIndex(node.engine().lastIndex(), Duration.ofSeconds(30)));
        }
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(t0), ZoneId.of("Asia/Shanghai"));
        try (Journals journals = Journals.open(data)) {
            DailyReport report = DailyReport.build(journals, day);
            long id = listing;
            assertEquals(List.of("DUTCH 300.00@1.0000", "DUTCH 400.00@0.9000"), report.trades().stream()
                    .filter(t -> t.listingId() == id).map(t -> t.mechanism() + " " + t.units() + "@" + t.price()).toList());
            assertTrue(report.listings().byMechanismAndState().contains(new ListingCount("DUTCH", "EXPIRED", 1)),
                    report.listings().byMechanismAndState().toString());
        }
    }
}
