package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.AuditBundleWriter;
import fundexchange.audit.bundle.WithholdingPolicy;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.client.AuctionListing;
import fundexchange.client.ClientResponse;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An English and a sealed-bid auction over signed HTTP, from listing to trade, closed by their deadlines on a clock
 * the test moves forward: what each role reads and hears at each step, and that a sealed bid's price reaches nobody
 * but its bidder before the close, not staff, not a regulator, not a feed, a journal dump or an audit bundle
 * (CONTRACTS.md 12), while the close reveals it to all of them.
 */
@Tag("slow")
class AuctionSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The price of a sealed bid rejected before the auction opened: its body is never published. */
    private static final String REJECTED_SEALED_PRICE = "1.2000";
    /** The prices of the accepted sealed bids, published from the close on. */
    private static final List<String> ACCEPTED_SEALED_PRICES = List.of("1.2345", "1.3030", "1.4040");
    /** Every sealed price. */
    private static final List<String> SEALED_PRICES = List.of(REJECTED_SEALED_PRICE, "1.2345", "1.3030", "1.4040");
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path data;
    @TempDir
    Path scratch;

    private final SteppingClock clock = new SteppingClock();
    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);

    /** The system clock moved forward by the test, in steps the sequencer does not take for a clock jump. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong offset = new AtomicLong();

        void advance(Duration by) throws InterruptedException {
            for (long left = by.toMillis(); left > 0; left -= 30_000) {
                offset.addAndGet(Math.min(left, 30_000));
                Thread.sleep(300);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offset.get();
        }
    }

    /** The journal index of the test's last write; every read waits for it (minIndex). */
    private final JournalPosition position = new JournalPosition();

    private Participant as(ExchangeNode node, String id, KeyPair keys) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "auction")
                .sharing(position);
    }

    /** Every entry of a participant's feed, as one JSON text. */
    private static String feed(Participant viewer) {
        StringBuilder all = new StringBuilder();
        long cursor = 0;
        while (true) {
            JsonNode page = viewer.get("/feed?limit=1000&after=" + cursor).ok().body();
            if (page.path("entries").isEmpty()) {
                return all.toString();
            }
            all.append(page.path("entries"));
            cursor = page.path("cursor").asLong();
        }
    }

    /** The feed's events of one type (inside whole documents for staff and regulators), as one JSON text. */
    private static String feedEvents(Participant viewer, String type) {
        StringBuilder found = new StringBuilder();
        long cursor = 0;
        while (true) {
            JsonNode page = viewer.get("/feed?limit=1000&after=" + cursor).ok().body();
            if (page.path("entries").isEmpty()) {
                return found.toString();
            }
            for (JsonNode entry : page.path("entries")) {
                JsonNode data = entry.path("data");
                for (JsonNode event : data.has("events") ? data.path("events") : JSON.createArrayNode().add(data)) {
                    if (type.equals(event.path("type").asText())) {
                        found.append(event);
                    }
                }
            }
            cursor = page.path("cursor").asLong();
        }
    }

    private String bundleText(Participant regulator, Path file) {
        ClientResponse bundle = regulator.raw("/audit/bundle");
        assertEquals(200, bundle.status(), bundle.body());
        StringBuilder decoded = new StringBuilder();
        try {
            Files.writeString(file, bundle.body());
            for (String line : bundle.body().split("\n")) {
                decoded.append(line); // the renderings (commandJson, eventJson) as well as the bytes
                JsonNode node = JSON.readTree(line);
                for (String field : List.of("command", "event")) {
                    if (node.has(field)) {
                        decoded.append(new String(Base64.getDecoder().decode(node.path(field).asText()), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decoded.toString();
    }

    /**
     * The journals up to the bundle's last index, transcoded document by document to binary, export a version-2
     * bundle that verifies as the JSON one did (same counts, the sealed bids withheld and redacted in JSON) and shows
     * the same renderings line by line; exported withholding nothing, they make a bundle the verifier refuses, since it
     * shows bids an honest export withholds. Only while no checkpoint is in range: a checkpoint signs the JSON bytes.
     */
    private void assertBinaryTwinVerifies(ExchangeNode node, Path jsonBundle, VerificationReport expected) {
        try {
            List<String> json = Files.readAllLines(jsonBundle);
            long toIndex = JSON.readTree(json.getFirst()).path("toIndex").asLong();
            Path binary = scratch.resolve("binary-data");
            try (Journals to = Journals.open(binary);
                 ChronicleJournal.Reader commands = node.journals().commands().reader();
                 ChronicleJournal.Reader events = node.journals().events().reader();
                 ChronicleJournal.Writer commandWriter = to.commands().writer();
                 ChronicleJournal.Writer eventWriter = to.events().writer()) {
                for (long index = 1; index <= toIndex; index++) {
                    CommandRecord record = JournalCodec.readCommand(commands.next().orElseThrow());
                    assertFalse(record.command() instanceof Checkpoint, "a checkpoint at " + index);
                    commandWriter.append(JournalDocuments.encode(record, JournalEncoding.BINARY));
                    eventWriter.append(JournalDocuments.encode(JournalCodec.readEvents(events.next().orElseThrow()),
                            JournalEncoding.BINARY));
                }
            }
            Path out = scratch.resolve("binary-before-close.jsonl");
            try (Journals journals = Journals.open(binary)) {
                AuditBundleWriter.write(journals, toIndex, out);
            }
            VerificationReport report = AuditBundleVerifier.verify(out);
            assertTrue(report.valid(), report.message());
            assertEquals(expected.withheld(), report.withheld(), report.message());
            assertEquals(expected.signaturesVerified(), report.signaturesVerified(), report.message());
            assertEquals(expected.commitmentsOpened(), report.commitmentsOpened(), report.message());
            List<String> lines = Files.readAllLines(out);
            assertNone(String.join("\n", lines), SEALED_PRICES, "the binary journal's bundle");
            long redacted = 0;
            for (int index = 1; index < lines.size(); index++) {
                JsonNode line = JSON.readTree(lines.get(index));
                JsonNode twin = JSON.readTree(json.get(index));
                assertEquals(twin.path("commandJson"), line.path("commandJson"), "index " + index);
                assertEquals(twin.path("eventJson"), line.path("eventJson"), "index " + index);
                if (line.path("eventRedacted").asBoolean(false)) {
                    redacted++;
                    assertEquals((byte) '{', Base64.getDecoder().decode(line.path("event").asText())[0], "a redaction is JSON");
                } else {
                    assertEquals((byte) 0xFE, Base64.getDecoder().decode(line.path("event").asText())[0], "index " + index);
                }
            }
            assertEquals(3, redacted, "the three open sealed bids");
            Path withholdingNothing = scratch.resolve("binary-before-close-withholding-nothing.jsonl");
            try (Journals journals = Journals.open(binary)) {
                AuditBundleWriter.write(journals, toIndex, withholdingNothing, WithholdingPolicy.NONE, Clock.systemUTC());
            }
            VerificationReport leaked = AuditBundleVerifier.verify(withholdingNothing);
            assertFalse(leaked.valid(), "a bundle showing the open bids is not one an honest exporter writes");
            assertTrue(leaked.message().contains("a sealed bid is shown that an honest export through index " + toIndex
                    + " withholds"), leaked.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String journalDump() {
        StringWriter out = new StringWriter();
        CommandLine cli = ExchangeCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("journal", "dump", "--data-dir", data.toString()));
        return out.toString();
    }

    private static void assertNone(String text, List<String> secrets, String where) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), where + " carries " + secret + ": " + text);
        }
    }

    private static JsonNode bidsOf(Participant viewer, long listing) {
        return viewer.call(c -> c.bids(listing)).ok().body().path("bids");
    }

    private static boolean anyBid(JsonNode bids, Predicate<JsonNode> match) {
        for (JsonNode bid : bids) {
            if (match.test(bid)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void englishAndSealedAuctionsFromListingToTradeShowEachRoleWhatItMaySee() throws Exception {
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
            KeyPair aliceKeys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
            KeyPair bobKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair carolKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            script.onboard("Holder-01", "Auction LP One", "HOLDER", holderKeys);
            script.onboard("Investor-07", "Alice Capital", "INVESTOR", aliceKeys);
            script.onboard("Investor-08", "Bob Partners", "INVESTOR", bobKeys);
            script.onboard("Investor-09", "Carol Unqualified", "INVESTOR", carolKeys);
            long unqualify = s1.post("/proposals", """
                    {"action":{"type":"SetQualification","participantId":"Investor-09","status":"NOT_QUALIFIED"}}""")
                    .ok().sourceIndex();
            s2.post("/proposals/" + unqualify + "/approve", "{}").ok();
            script.registerFundWithHolding("Holder-01");
            Participant holder = as(node, "Holder-01", holderKeys);
            Participant alice = as(node, "Investor-07", aliceKeys);
            Participant bob = as(node, "Investor-08", bobKeys);
            Participant carol = as(node, "Investor-09", carolKeys);

            // Listing: two auctions ending in ten minutes; the English one extends by five when bid in its last two.
            long t0 = clock.millis();
            long english = holder.call(c -> c.listAuction(AuctionListing.english("DGF3", "1000.00", "1.0000", "0.0500",
                    t0, t0 + 600_000).withExtensions(120_000, 300_000), "list-english")).ok().sourceIndex();
            long sealed = holder.call(c -> c.listAuction(AuctionListing.sealed("DGF3", "2000.00", "1.0000", t0,
                    t0 + 600_000).withReserve("1.1000"), "list-sealed")).ok().sourceIndex();
            assertEquals(404, alice.call(c -> c.listing(sealed)).status(), "a pending auction is nobody's but the seller's");
            assertEquals(409, alice.call(c -> c.placeSealedBid(sealed, "1.2000", "too-early")).status());
            s2.post("/listings/" + english + "/approve", "{}").ok();
            s2.post("/listings/" + sealed + "/approve", "{}").ok();

            JsonNode open = alice.call(c -> c.listings("")).ok().body().path("listings");
            assertEquals(2, open.size(), open.toString());
            assertFalse(open.toString().contains("Holder-01") || open.toString().contains("reservePrice"),
                    "investors see neither the seller nor the reserve: " + open);
            assertEquals("SEALED", alice.call(c -> c.listings("mechanism=SEALED")).ok().body().path("listings").path(0)
                    .path("mechanism").asText());
            assertEquals(0, carol.call(c -> c.listings("")).ok().body().path("listings").size(), "not qualified");
            assertEquals(404, carol.call(c -> c.listing(sealed)).status());
            assertEquals(400, alice.call(c -> c.listings("colour=red")).status());
            JsonNode own = holder.call(c -> c.listing(sealed)).ok().body();
            assertEquals("1.1000", own.path("reservePrice").asText());
            assertEquals("Holder-01", own.path("seller").asText());
            assertEquals("Holder-01", regulator.call(c -> c.listing(english)).ok().body().path("seller").asText());

            // English bids are open: everyone who may see the auction sees the prices, by pseudonym.
            alice.call(c -> c.placeBid(english, "1.0000", "e-1")).ok();
            bob.call(c -> c.placeBid(english, "1.0500", "e-2")).ok();
            alice.call(c -> c.placeBid(english, "1.1000", "e-3")).ok();
            assertEquals(409, bob.call(c -> c.placeBid(english, "1.1200", "e-low")).status(), "below the increment");
            String bobHears = feedEvents(bob, "BidPlaced");
            assertTrue(bobHears.contains("\"price\":\"1.1000\"") && bobHears.contains("\"bidder\":\"P1\""), bobHears);
            assertFalse(bobHears.contains("Investor-07"), bobHears);
            JsonNode seenBySeller = bidsOf(holder, english);
            assertEquals(3, seenBySeller.size());
            assertEquals("1.1000", seenBySeller.path(2).path("price").asText());
            assertFalse(seenBySeller.toString().contains("Investor-"), seenBySeller.toString());
            assertEquals("Investor-07", bidsOf(regulator, english).path(0).path("bidder").asText());

            // Sealed bids: only the bidder ever sees its price before the close.
            Participant.Reply first = alice.call(c -> c.placeSealedBid(sealed, "1.2345", "s-1")).ok();
            assertTrue(first.body().toString().contains("1.2345"), "the bidder's answer has its own price");
            long bobFirst = bob.call(c -> c.placeSealedBid(sealed, "1.3030", "s-2")).ok().sourceIndex();
            bob.call(c -> c.amendSealedBid(bobFirst, "1.4040", "s-3")).ok();
            assertTrue(alice.get("/requests/s-1").ok().body().toString().contains("1.2345"));
            assertTrue(node.audit().awaitIndex(node.engine().lastIndex(), Duration.ofSeconds(30)));

            String staffFeed = feed(s1);
            assertTrue(staffFeed.contains("SealedBidPlaced") && staffFeed.contains("Investor-08"), "staff see who bid");
            assertNone(staffFeed, SEALED_PRICES, "the staff feed");
            assertNone(feed(regulator), SEALED_PRICES, "the regulator feed");
            assertNone(feed(holder), SEALED_PRICES, "the seller's feed");
            assertNone(feed(alice), List.of("1.3030", "1.4040", "Investor-08"), "another bidder's feed");
            JsonNode regulatorBids = bidsOf(regulator, sealed);
            assertEquals(3, regulatorBids.size(), regulatorBids.toString());
            assertNone(regulatorBids.toString(), SEALED_PRICES, "the regulator's bid list");
            assertNone(regulator.call(c -> c.listings("")).ok().body().toString(), SEALED_PRICES, "the regulator's listings");
            assertTrue(regulatorBids.toString().contains("Investor-08"));
            JsonNode aliceBids = bidsOf(alice, sealed);
            assertTrue(anyBid(aliceBids, bid -> bid.path("bidder").asText().equals("Investor-07")), aliceBids.toString());
            assertTrue(anyBid(aliceBids, bid -> bid.path("bidder").asText().equals("P2")), aliceBids.toString());
            assertNone(aliceBids.toString(), List.of("Investor-08", "1.2345", "1.3030", "1.4040"), "a bidder's bid list");
            assertNone(bidsOf(holder, sealed).toString(), SEALED_PRICES, "the seller's bid list");
            String bundle = bundleText(regulator, data.resolveSibling("before-close.jsonl"));
            assertNone(bundle, SEALED_PRICES, "the audit bundle");
            assertTrue(bundle.contains("SealedBidPlaced"));
            VerificationReport sealedBundle = AuditBundleVerifier.verify(data.resolveSibling("before-close.jsonl"));
            assertTrue(sealedBundle.valid(), sealedBundle.message());
            assertEquals(4, sealedBundle.withheld(), "three bids and a rejected one: " + sealedBundle.message());
            assertBinaryTwinVerifies(node, data.resolveSibling("before-close.jsonl"), sealedBundle);
            String dump = journalDump();
            assertNone(dump, SEALED_PRICES, "the journal dump");
            assertEquals(4, dump.split("\"commandWithheld\":true", -1).length - 1, dump);

            // A bid in the English auction's last two minutes moves its end; the sealed one closes at its deadline.
            clock.advance(Duration.ofMinutes(9));
            Participant.Reply late = bob.call(c -> c.placeBid(english, "1.1500", "e-4")).ok();
            assertTrue(late.body().toString().contains("\"extended\":true"), late.body().toString());
            clock.advance(Duration.ofMinutes(2));
            // Journaled after the sealed deadline, so after the close it fired (CONTRACTS.md 2); reads wait for its index.
            Participant.Reply lateSealed = alice.call(c -> c.placeSealedBid(sealed, "1.5000", "s-late"));
            assertEquals(List.of(409, 4003), List.of(lateSealed.status(), lateSealed.body().path("code").asInt()),
                    lateSealed.body().toString());
            assertEquals("EXECUTED", regulator.call(c -> c.listing(sealed)).ok().body().path("status").asText(),
                    "the sealed auction closed at its deadline");
            assertEquals("OPEN", regulator.call(c -> c.listing(english)).ok().body().path("status").asText(), "extended");
            assertTrue(regulator.call(c -> c.listing(english)).ok().body().path("endsAt").asLong() > t0 + 600_000);

            String closed = feedEvents(s1, "AuctionClosed");
            assertTrue(closed.contains("1.2345") && closed.contains("1.4040"), "the close reveals every bid to staff: " + closed);
            assertTrue(feedEvents(regulator, "AuctionClosed").contains("1.2345"));
            JsonNode revealed = bidsOf(regulator, sealed);
            assertTrue(anyBid(revealed, bid -> bid.path("price").asText().equals("1.4040") && bid.path("status").asText().equals("WON")
                    && bid.path("bidder").asText().equals("Investor-08")), revealed.toString());
            assertTrue(anyBid(revealed, bid -> bid.path("price").asText().equals("1.2345") && bid.path("status").asText().equals("LOST")),
                    revealed.toString());
            JsonNode sellerSees = bidsOf(holder, sealed);
            assertTrue(sellerSees.toString().contains("1.2345") && !sellerSees.toString().contains("Investor-"), sellerSees.toString());
            assertEquals("1.4040", alice.call(c -> c.listing(sealed)).ok().body().path("tradePrice").asText(), "the result");
            String aliceHears = feedEvents(alice, "AuctionClosed");
            assertTrue(aliceHears.contains("1.4040") && aliceHears.contains("\"bidder\":\"P2\""), aliceHears);
            assertFalse(aliceHears.contains("Investor-08"), "a loser learns the result by pseudonym: " + aliceHears);
            assertTrue(feedEvents(bob, "TradeExecuted").contains("Holder-01"), "the trade reveals the parties to each other");
            assertTrue(feedEvents(holder, "TradeExecuted").contains("Investor-08"));
            assertEquals(404, carol.call(c -> c.listing(sealed)).status());

            String afterClose = bundleText(regulator, data.resolveSibling("after-close.jsonl"));
            ACCEPTED_SEALED_PRICES.forEach(price -> assertTrue(afterClose.contains(price), price + " is in a bundle after the close"));
            assertNone(afterClose, List.of(REJECTED_SEALED_PRICE), "the bundle after the close");
            VerificationReport openBundle = AuditBundleVerifier.verify(data.resolveSibling("after-close.jsonl"));
            assertTrue(openBundle.valid(), openBundle.message());
            assertEquals(2, openBundle.withheld(), "the two rejected bids stay withheld: " + openBundle.message());
            assertEquals(3, openBundle.commitmentsOpened(),
                    "three bids placed, two of them revealed again by the close, each opens its commitment: " + openBundle.message());
            String openDump = journalDump();
            ACCEPTED_SEALED_PRICES.forEach(price -> assertTrue(openDump.contains(price), price + " is in a dump after the close"));
            assertNone(openDump, List.of(REJECTED_SEALED_PRICE), "the dump after the close");
            assertEquals(2, openDump.split("\"commandWithheld\":true", -1).length - 1, openDump);

            // The English auction closes at its extended end: Bob wins at his last bid.
            clock.advance(Duration.ofMinutes(4));
            Participant.Reply lateEnglish = alice.call(c -> c.placeBid(english, "1.3000", "e-late"));
            assertEquals(List.of(409, 4003), List.of(lateEnglish.status(), lateEnglish.body().path("code").asInt()),
                    lateEnglish.body().toString());
            assertEquals("EXECUTED", holder.call(c -> c.listing(english)).ok().body().path("status").asText(),
                    "the English auction closed at its extended end");
            assertEquals("1.1500", holder.call(c -> c.listing(english)).ok().body().path("tradePrice").asText());
            JsonNode transfers = regulator.get("/transfers").ok().body().path("transfers");
            assertEquals(2, transfers.size(), transfers.toString());
            assertTrue(feedEvents(alice, "AuctionClosed").contains("\"clearingPrice\":\"1.1500\""));
            assertFalse(feed(alice).contains("Investor-08") || feed(alice).contains("Holder-01"),
                    "Alice won nothing, so she never learns who sold or who won");
        }
    }
}
