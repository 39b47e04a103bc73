package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.AuctionListing;
import fundexchange.client.ClientResponse;
import fundexchange.client.SealedBidBody;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.ops.Participant;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sealed means sealed, cryptographically (CONTRACTS.md 12, issue 13 finding 1). While a sealed auction is open, an
 * attacker holding every value the exchange publishes (audit records, the audit bundle, the state hash, the snapshot
 * digest, the length of every answer) tries every price on the grid and identifies nothing; the same attack, given
 * the bid's nonce, finds the price by every oracle, which proves the attack would see a leak if there were one.
 */
@ServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealedBidAttackSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRICE = "1.2345";
    private static final String FAR_PRICE = "98765.4321";
    private static ApiMarket market;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("sealedattack");
        market.configure(builder);
    }

    @BeforeAll
    static void onboard(URI uri) {
        market.onboard(uri);
    }

    @AfterAll
    static void stop() {
        market.close();
    }

    /** First: the attacker replays every command up to the snapshot, so none of them may be withheld for good. */
    @Test
    @Order(1)
    void anAttackerWithEveryPublishedValueCannotTellAnOpenSealedBidsPriceButCanOnceGivenItsNonce() throws IOException {
        market.fund("SA1", market.holder);
        long now = market.clock().millis();
        long auction = market.holder.call(c -> c.listAuction(AuctionListing.sealed("SA1", "3000.00", "1.0000",
                now, now + 3_600_000), "sa-auction")).ok().sourceIndex();
        market.staff2.post("/listings/" + auction + "/approve", "{}").ok();
        alignDigitsOfTheNextTwoIndexes();

        SealedBidBody victim = SealedBidBody.random(PRICE);
        ClientResponse victimAnswer = send(market.investor, c -> c.placeSealedBid(auction, victim, "sa-bid-1"));
        long bid = JSON.readTree(victimAnswer.body()).path("sourceIndex").asLong();
        JsonNode state = market.regulator.get("/engine/state").ok().body();
        long snapshotIndex = market.staff1.post("/ops/snapshot", "{}").ok().body().path("snapshotIndex").asLong();
        assertEquals(state.path("lastIndex").asLong(), snapshotIndex, "the state hash and the snapshot are of one index");
        ClientResponse farAnswer = send(market.investor2, c -> c.placeSealedBid(auction, SealedBidBody.random(FAR_PRICE), "sa-bid-2"));
        long far = JSON.readTree(farAnswer.body()).path("sourceIndex").asLong();
        market.reached(far);

        List<JsonNode> bundle = bundle(market.regulator);
        JsonNode records = market.regulator.get("/audit/records?fromIndex=" + bid + "&toIndex=" + far).ok().body().path("records");
        JsonNode record = records.path(0);
        JsonNode redacted = JSON.readTree(decoded(bundle.get((int) bid), "event"));
        assertEquals(List.of(true, true), List.of(bundle.get((int) bid).path("commandWithheld").asBoolean(),
                bundle.get((int) bid).path("eventRedacted").asBoolean()), "the bid is withheld while the auction is open");
        SealedBidAttacker.Published published = new SealedBidAttacker.Published(bid, record.path("commandDigest").asText(),
                record.path("eventDigest").asText(), redacted, redacted.path("events").path(0).path("commitment").asText(),
                snapshotIndex, state.path("stateHash").asText(), snapshotDigest(snapshotIndex), commands(bundle, snapshotIndex));
        SealedBidAttacker attacker = new SealedBidAttacker(published, withheldCommand(bid));
        List<Price> wide = SealedBidAttacker.grid("1.0000", "1.5000");
        List<Price> near = SealedBidAttacker.grid("1.2000", "1.3000");

        Map<String, List<String>> blind = attacker.attack(wide, near, List.of(Optional.empty(), Optional.of("00".repeat(32))));
        assertEquals(oracles(List.of()), blind, "nothing published lets anyone test a guessed price");
        Map<String, List<String>> control = attacker.attack(wide, near, List.of(Optional.of(victim.nonce())));
        assertEquals(oracles(List.of(PRICE)), control, "with the nonce, every published value gives the price away");

        assertLengthsAreThoseOfAnyPrice(bid, far, victimAnswer, farAnswer, bundle, records);
    }

    /**
     * A bidder who sends the nonce of its open bid again, to a listing that has already closed, is refused (nonce
     * reuse is checked before the listing), and the refused body, which carries that nonce, reaches no bundle line.
     */
    @Test
    @Order(2)
    void aRejectedSealedBidNeverPublishesTheNonceItReusesFromAnOpenBid() throws IOException {
        market.fund("SA2", market.holder);
        long now = market.clock().millis();
        long open = market.holder.call(c -> c.listAuction(AuctionListing.sealed("SA2", "1000.00", "1.0000",
                now, now + 3_600_000), "sa2-open")).ok().sourceIndex();
        market.staff2.post("/listings/" + open + "/approve", "{}").ok();
        long closed = market.holder.call(c -> c.listAuction(AuctionListing.sealed("SA2", "1000.00", "1.0000",
                now, now + 3_600_000), "sa2-closed")).ok().sourceIndex();
        market.staff2.post("/listings/" + closed + "/approve", "{}").ok();
        market.holder.call(c -> c.withdrawListing(closed, "sa2-withdraw")).ok();
        SealedBidBody victim = SealedBidBody.random(PRICE);
        send(market.investor, c -> c.placeSealedBid(open, victim, "sa2-bid"));

        Participant.Reply refused = market.investor.post("/listings/" + closed + "/sealed-bids",
                new SealedBidBody(FAR_PRICE, victim.nonce()).json());
        long rejected = refused.journalIndex();
        assertEquals(List.of(409, 4029), List.of(refused.status(), refused.body().path("code").asInt()), refused.toString());

        List<JsonNode> bundle = bundle(market.regulator);
        assertEquals(List.of(true, false), List.of(bundle.get((int) rejected).path("commandWithheld").asBoolean(),
                bundle.get((int) rejected).has("command")), "the refused sealed bid is withheld for good");
        assertEquals(List.of(), bundle.stream().map(JsonNode::toString)
                .filter(line -> decodedLine(line).contains(victim.nonce())).toList(), "no bundle line shows the open bid's nonce");
    }

    private static String decodedLine(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return (node.has("command") ? decoded(node, "command") : "") + (node.has("event") ? decoded(node, "event") : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two bids, {@value PRICE} and {@value FAR_PRICE}, placed by participants and with request ids of equal length at
     * indexes of equal digits: every answer, record, bundle line and feed entry about them has the same length.
     */
    private static void assertLengthsAreThoseOfAnyPrice(long bid, long far, ClientResponse victimAnswer, ClientResponse farAnswer,
                                                        List<JsonNode> bundle, JsonNode records) {
        Map<String, List<Integer>> lengths = new LinkedHashMap<>();
        lengths.put("the bidders' own answers", List.of(bytes(victimAnswer.body()), bytes(farAnswer.body())));
        lengths.put("GET /requests/{id}", List.of(bytes(market.investor.raw("/requests/sa-bid-1").body()),
                bytes(market.investor2.raw("/requests/sa-bid-2").body())));
        lengths.put("audit records", List.of(bytes(records.path(0).toString()), bytes(records.path((int) (far - bid)).toString())));
        lengths.put("bundle lines", List.of(bytes(bundle.get((int) bid).toString()), bytes(bundle.get((int) far).toString())));
        for (Participant viewer : List.of(market.staff1, market.regulator, market.holder)) {
            JsonNode entries = viewer.get("/feed?limit=1000").ok().body().path("entries");
            lengths.put(viewer.id() + "'s feed", List.of(entryLength(entries, bid), entryLength(entries, far)));
        }
        for (Participant viewer : List.of(market.regulator, market.holder)) {
            JsonNode bids = viewer.get("/listings/" + bundleListing(bundle, bid) + "/bids").ok().body().path("bids");
            lengths.put(viewer.id() + "'s bid list", List.of(bytes(bids.path(0).toString()), bytes(bids.path(1).toString())));
        }
        Map<String, List<Integer>> unequal = new LinkedHashMap<>();
        lengths.forEach((what, pair) -> {
            if (!pair.get(0).equals(pair.get(1)) || pair.get(0) == 0) {
                unequal.put(what, pair);
            }
        });
        assertEquals(Map.of(), unequal, "lengths that depend on the price (or are missing): " + lengths);
    }

    private static Map<String, List<String>> oracles(List<String> prices) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String oracle : List.of("commitment", "eventDigest", "commandDigest", "stateHash", "snapshotDigest")) {
            expected.put(oracle, prices);
        }
        return expected;
    }

    /** Makes the next two journal indexes have as many digits as each other (a rejected write takes an index). */
    private static void alignDigitsOfTheNextTwoIndexes() {
        long last = market.regulator.get("/engine/state").ok().body().path("lastIndex").asLong();
        if (String.valueOf(last + 1).length() != String.valueOf(last + 2).length()) {
            assertEquals(409, market.investor.post("/bids/1/cancel", "{}").status());
        }
    }

    private static ClientResponse send(Participant who, Participant.Call call) {
        try {
            ClientResponse response = call.send(who.client());
            assertEquals(200, response.status(), response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bundle's lines; line {@code n} holds index {@code n} (line 0 is the header). */
    private static List<JsonNode> bundle(Participant reader) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : reader.raw("/audit/bundle").body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static String decoded(JsonNode line, String field) {
        return new String(Base64.getDecoder().decode(line.path(field).asText()), StandardCharsets.UTF_8);
    }

    /** The command records 1..{@code toIndex} the bundle carries, null where withheld. */
    private static List<CommandRecord> commands(List<JsonNode> bundle, long toIndex) {
        List<CommandRecord> known = new ArrayList<>();
        for (long index = 1; index <= toIndex; index++) {
            JsonNode line = bundle.get((int) index);
            known.add(line.has("command") ? JournalCodec.readCommand(Base64.getDecoder().decode(line.path("command").asText())) : null);
        }
        return known;
    }

    private static long bundleListing(List<JsonNode> bundle, long bid) {
        try {
            return JSON.readTree(decoded(bundle.get((int) bid), "event")).path("events").path(0).path("listingId").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The withheld command as the node's journal holds it; the attacker is given all of it but price, nonce and body. */
    private static CommandRecord withheldCommand(long index) {
        try (Journals journals = Journals.open(market.data()); ChronicleJournal.Reader reader = journals.commands().reader()) {
            for (long i = 1; i < index; i++) {
                reader.next();
            }
            return JournalCodec.readCommand(reader.next().orElseThrow());
        }
    }

    /** SHA-256 of the snapshot file the node wrote at {@code index}: the digest a snapshot would be published under. */
    private static String snapshotDigest(long index) throws IOException {
        byte[] snapshot = Files.readAllBytes(market.data().resolve("snapshots").resolve("snapshot-" + String.format("%020d", index) + ".json"));
        return ChainHash.hex(ChainHash.digest(snapshot));
    }

    private static int entryLength(JsonNode entries, long sourceIndex) {
        for (JsonNode entry : entries) {
            if (entry.path("sourceIndex").asLong() == sourceIndex) {
                return bytes(entry.toString());
            }
        }
        return 0;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
