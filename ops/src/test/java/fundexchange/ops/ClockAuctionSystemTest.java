package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.client.AuctionListing;
import fundexchange.client.ClientResponse;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.listing.ClockTerms.ClockBid;
import fundexchange.protocol.listing.ClockTerms.ClockListing;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.Role;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ascending clock auction (issue 17's proof mechanism) over signed HTTP on a real node and gateway, on a clock only
 * the test moves: the holder lists with the clock's own terms through the client, two investors stay in round by round
 * with {@code ClockBid} terms, the clock's refusals come back with their codes, and the window's end awards the lot to
 * the last bidder standing at its own price. Whole event sequence, what each side reads of the terms and the clock,
 * the registry's projection of the terms and the audit bundle.
 */
@Tag("slow")
class ClockAuctionSystemTest {
    private static final long ROUND_MS = 20_000;
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
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "clock")
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
            case "ListingSubmitted" -> type + " " + e.path("mechanism").asText() + " " + e.path("units").asText() + " "
                    + e.path("terms");
            case "BidPlaced" -> type + " " + e.path("bidder").asText() + " " + e.path("price").asText() + " "
                    + e.path("terms");
            case "TradeExecuted" -> type + " " + e.path("seller").asText() + "->" + e.path("buyer").asText() + " "
                    + e.path("units").asText() + "@" + e.path("price").asText();
            case "AuctionClosed" -> type + " " + e.path("mechanism").asText() + " bids " + e.path("bids").size();
            default -> type;
        };
    }

    private static List<Integer> refusal(Participant.Reply reply) {
        return List.of(reply.status(), reply.body().path("code").asInt());
    }

    /** The listing's bids as {@code viewer} reads them, each as "bidder price status terms". */
    private static List<String> bidsRead(Participant viewer, long listingId) {
        List<String> read = new ArrayList<>();
        for (JsonNode bid : viewer.get("/listings/" + listingId + "/bids").ok().body().path("bids")) {
            read.add(bid.path("bidder").asText() + " " + bid.path("price").asText() + " " + bid.path("status").asText()
                    + " " + bid.path("terms"));
        }
        return read;
    }

    /** The registry's projection (V33's {@code terms} columns): the listing's terms, then each bid's, in bid order. */
    private static List<String> projectedTerms(DataSource registry, long listingId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = registry.getConnection();
             PreparedStatement listing = connection.prepareStatement("SELECT terms::text FROM listings WHERE listing_id = ?");
             PreparedStatement bids = connection.prepareStatement(
                     "SELECT bidder, price::text, terms::text FROM bids WHERE listing_id = ? ORDER BY bid_id")) {
            listing.setLong(1, listingId);
            try (ResultSet rs = listing.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            bids.setLong(1, listingId);
            try (ResultSet rs = bids.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return rows;
    }

    @Test
    void aClockAuctionRisesRoundByRoundAndTheLastBidderStandingWinsAtItsOwnPriceAtTheWindowsEnd() throws Exception {
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock);
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(),
                DB.password())), GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), clock)) {
            Participant s1 = as(node, "Staff-01", staff1);
            Participant s2 = as(node, "Staff-02", staff2);
            Participant regulator = as(node, "Regulator-01", regulatorKeys);
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, clock);
            KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair aliceKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair bobKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            script.onboard("Holder-01", "Clock LP One", "HOLDER", holderKeys);
            script.onboard("Investor-07", "Alice Capital", "INVESTOR", aliceKeys);
            script.onboard("Investor-08", "Bob Partners", "INVESTOR", bobKeys);
            script.registerFundWithHolding("Holder-01");
            Participant holder = as(node, "Holder-01", holderKeys);
            Participant alice = as(node, "Investor-07", aliceKeys);
            Participant bob = as(node, "Investor-08", bobKeys);

            // 1,000 units on a clock from 1.0000 up 0.1000 every 20 s for 100 s (rounds 0 to 4), the reserve 1.1000.
            long t0 = clock.millis();
            long id = holder.call(c -> c.listAuction(AuctionListing.of("CLOCK", "DGF3", "1000.00", "1.0000", t0,
                    t0 + WINDOW_MS).withReserve("1.1000").withTerms(new ClockListing(Price.of("0.1"), ROUND_MS)),
                    "list-clock")).ok().sourceIndex();
            s2.post("/listings/" + id + "/approve", "{}").ok();

            JsonNode seen = alice.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("CLOCK", "ClockListing", "0.1000", "20000", "0", "1.0000", "true"),
                    List.of(seen.path("mechanism").asText(), seen.path("terms").path("type").asText(),
                            seen.path("terms").path("increment").asText(), seen.path("terms").path("roundMs").asText(),
                            seen.path("termsRead").path("round").asText(), seen.path("termsRead").path("roundPrice").asText(),
                            String.valueOf(seen.path("reservePrice").isMissingNode())),
                    "an investor sees the clock's terms and the round, but not the reserve: " + seen);
            assertFalse(seen.toString().contains("Holder-01"), seen.toString());
            JsonNode own = holder.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("1.1000", "ClockListing", "0", "1.0000", String.valueOf(t0)),
                    List.of(own.path("reservePrice").asText(), own.path("terms").path("type").asText(),
                            own.path("termsRead").path("round").asText(), own.path("termsRead").path("roundPrice").asText(),
                            own.path("termsReadAt").asText()),
                    "the seller reads its reserve, its terms and the clock as of the read: " + own);

            // Round 0: both stay in; a price other than the round's is refused with the clock's own code.
            assertEquals(List.of(409, 4201), refusal(alice.call(c -> c.placeBid(id, "1.0500", new ClockBid(0), "a-off"))));
            alice.call(c -> c.placeBid(id, "1.0000", new ClockBid(0), "a-0")).ok();
            bob.call(c -> c.placeBid(id, "1.0000", new ClockBid(0), "b-0")).ok();
            assertEquals(List.of(409, 4203), refusal(bob.call(c -> c.placeBid(id, "1.0000", new ClockBid(0), "b-0-again"))));

            // Round 1 (1.1000): both stay in; a bid naming the round that has ended is refused.
            clock.advance(ROUND_MS);
            assertEquals(List.of(409, 4200), refusal(bob.call(c -> c.placeBid(id, "1.0000", new ClockBid(0), "b-late"))));
            alice.call(c -> c.placeBid(id, "1.1000", new ClockBid(1), "a-1")).ok();
            bob.call(c -> c.placeBid(id, "1.1000", new ClockBid(1), "b-1")).ok();

            // Round 2 (1.2000): only Alice stays in; Bob, out, cannot come back in round 3.
            clock.advance(ROUND_MS);
            JsonNode round2 = bob.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("2", "1.2000"), List.of(round2.path("termsRead").path("round").asText(),
                    round2.path("termsRead").path("roundPrice").asText()), round2.toString());
            alice.call(c -> c.placeBid(id, "1.2000", new ClockBid(2), "a-2")).ok();
            clock.advance(ROUND_MS);
            assertEquals(List.of(409, 4202), refusal(bob.call(c -> c.placeBid(id, "1.3000", new ClockBid(3), "b-3"))));

            String stayed0 = "{\"round\":0,\"type\":\"ClockBid\"}";
            String stayed1 = "{\"round\":1,\"type\":\"ClockBid\"}";
            String stayed2 = "{\"round\":2,\"type\":\"ClockBid\"}";
            String hidden = "{\"type\":\"ClockBid\"}";
            assertEquals(List.of("Investor-07 1.0000 ACTIVE " + stayed0, "Investor-08 1.0000 ACTIVE " + stayed0,
                    "Investor-07 1.1000 ACTIVE " + stayed1, "Investor-08 1.1000 ACTIVE " + stayed1,
                    "Investor-07 1.2000 ACTIVE " + stayed2), bidsRead(regulator, id), "oversight reads every bid whole");
            assertEquals(List.of("Investor-07 1.0000 ACTIVE " + stayed0, "P2 1.0000 ACTIVE " + hidden,
                    "Investor-07 1.1000 ACTIVE " + stayed1, "P2 1.1000 ACTIVE " + hidden,
                    "Investor-07 1.2000 ACTIVE " + stayed2), bidsRead(alice, id),
                    "a bidder reads its own bids' rounds, another's by pseudonym with its terms' type only");

            // Past the window: the next command closes the auction, and Alice's round-2 bid wins at its own price.
            clock.advance(WINDOW_MS - 3 * ROUND_MS + 1_000);
            assertEquals(List.of(409, 4003), refusal(bob.call(c -> c.placeBid(id, "1.4000", new ClockBid(4), "b-end"))));

            // The whole sequence: the highest bid, the last bidder standing's, wins at its own price at the window's end.
            assertEquals(List.of(
                    "ListingSubmitted CLOCK 1000.00 {\"increment\":\"0.1000\",\"roundMs\":20000,\"type\":\"ClockListing\"}",
                    "ListingOpened",
                    "BidPlaced Investor-07 1.0000 " + stayed0, "BidPlaced Investor-08 1.0000 " + stayed0,
                    "BidPlaced Investor-07 1.1000 " + stayed1, "BidPlaced Investor-08 1.1000 " + stayed1,
                    "BidPlaced Investor-07 1.2000 " + stayed2,
                    "AuctionClosed CLOCK bids 5", "TradeExecuted Holder-01->Investor-07 1000.00@1.2000"), listingEvents(s1, id));

            JsonNode closed = holder.call(c -> c.listing(id)).ok().body();
            assertEquals(List.of("1.2000", "0.1000", "false"), List.of(closed.path("tradePrice").asText(),
                    closed.path("terms").path("increment").asText(), String.valueOf(closed.has("termsRead"))),
                    "the seller reads its terms; the clock is no longer read once the auction has closed: " + closed);
            assertEquals(List.of("P1 1.0000 LOST " + hidden, "P2 1.0000 LOST " + hidden, "P1 1.1000 LOST " + hidden,
                    "P2 1.1000 LOST " + hidden, "P1 1.2000 WON " + hidden), bidsRead(holder, id),
                    "the seller reads the bids' outcomes by pseudonym, their terms' type only");
            String projectedBid0 = "{\"type\": \"ClockBid\", \"round\": 0}";
            String projectedBid1 = "{\"type\": \"ClockBid\", \"round\": 1}";
            assertEquals(List.of("{\"type\": \"ClockListing\", \"roundMs\": 20000, \"increment\": \"0.1000\"}",
                    "Investor-07 1.0000 " + projectedBid0, "Investor-08 1.0000 " + projectedBid0,
                    "Investor-07 1.1000 " + projectedBid1, "Investor-08 1.1000 " + projectedBid1,
                    "Investor-07 1.2000 {\"type\": \"ClockBid\", \"round\": 2}"), projectedTerms(node.dataSource(), id),
                    "the registry holds the listing's and every bid's terms as journaled");

            Path bundle = data.resolveSibling("clock-bundle.jsonl");
            ClientResponse raw = regulator.raw("/audit/bundle");
            assertEquals(200, raw.status(), raw.body());
            Files.writeString(bundle, raw.body());
            VerificationReport verified = AuditBundleVerifier.verify(bundle);
            assertTrue(verified.valid(), verified.message());
            assertTrue(node.audit().awaitIndex(node.engine().lastIndex(), Duration.ofSeconds(30)));
        }
    }
}
