package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import fundexchange.engine.CanonicalJson;
import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A mechanism's {@code terms} in the journal's JSON and the snapshot's (docs/design/mechanism-terms.md §2.2): a JSON-era
 * document has none, reads with {@code terms} null and writes back to its own bytes; a value with terms writes them as
 * a typed object ({@code type} first) and reads back equal; the canonical writer (the state hash) agrees.
 */
class MechanismTermsJsonTest {
    /** A listing and a bid as a journal written before terms existed holds them. */
    private static final String LISTING = "{\"command\":{\"type\":\"ListAuction\",\"endsAt\":1796003600000,"
            + "\"fundCode\":\"DGF3\",\"mechanism\":\"ENGLISH\",\"minIncrement\":\"0.0100\",\"reservePrice\":\"1.1000\","
            + "\"secondPrice\":false,\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"units\":\"200000.00\"},"
            + "\"index\":30,\"time\":1796000100000,\"version\":1}";
    private static final String BID = "{\"clientRequestId\":\"b-1\",\"events\":[{\"type\":\"BidPlaced\",\"bidId\":31,"
            + "\"bidder\":\"Investor-07\",\"endsAt\":1796003600000,\"extended\":false,\"listingId\":30,\"price\":\"1.1000\","
            + "\"pseudonym\":1}],\"outcome\":{\"code\":0,\"duplicateOf\":0,\"status\":\"ACCEPTED\"},"
            + "\"participant\":\"Investor-07\",\"sourceIndex\":31,\"time\":1796000200000,\"version\":1}";
    private static final ClockTerms.ClockListing CLOCK = new ClockTerms.ClockListing(Price.of("0.0100"), 60_000L);

    @Test
    void aJsonEraDocumentReadsWithoutTermsAndWritesBackToItsOwnBytes() {
        CommandRecord listing = JournalCodec.readCommand(LISTING.getBytes(StandardCharsets.UTF_8));
        assertNull(((ListAuction) listing.command()).terms());
        assertEquals(LISTING, new String(JournalCodec.write(listing), StandardCharsets.UTF_8));
        EventDocument bid = JournalCodec.readEvents(BID.getBytes(StandardCharsets.UTF_8));
        assertNull(((fundexchange.protocol.event.BidPlaced) bid.events().getFirst()).terms());
        assertEquals(BID, new String(JournalCodec.write(bid), StandardCharsets.UTF_8));
    }

    @Test
    void termsAreATypedObjectThatReadsBackEqual() {
        ListAuction listed = (ListAuction) JournalCodec.readCommand(LISTING.getBytes(StandardCharsets.UTF_8)).command();
        ListAuction clock = new ListAuction(listed.fundCode(), listed.mechanism(), listed.units(), listed.startingPrice(),
                listed.reservePrice(), listed.minIncrement(), listed.startsAt(), listed.endsAt(),
                listed.extensionWindowMs(), listed.extensionMs(), listed.secondPrice(), listed.stepMs(), null, null, CLOCK);
        CommandRecord record = CommandRecord.unsigned(30, 1_796_000_100_000L, clock);
        byte[] json = JournalCodec.write(record);
        String expected = LISTING.replace("\"units\":\"200000.00\"}", "\"terms\":{\"type\":\"ClockListing\","
                + "\"increment\":\"0.0100\",\"roundMs\":60000},\"units\":\"200000.00\"}");
        assertEquals(expected, new String(json, StandardCharsets.UTF_8));
        assertEquals(record, JournalCodec.readCommand(json));
        PlaceBid bid = new PlaceBid(30, Price.of("1.1000"), null, new ClockTerms.ClockBid(2));
        assertEquals("{\"type\":\"PlaceBid\",\"listingId\":30,\"price\":\"1.1000\",\"terms\":{\"type\":\"ClockBid\","
                + "\"round\":2}}", new String(JournalCodec.write(bid), StandardCharsets.UTF_8));
        assertArrayEquals(JournalCodec.write(record), CanonicalJson.write(record));
    }

    @Test
    void aStateWithoutTermsSnapshotsAsBeforeAndOneWithTermsCarriesThem() {
        Listing listing = new Listing(30, "DGF3", "Holder-01", null, Units.of("200000.00"), null, 0, ListingStatus.OPEN,
                ListingMechanism.ENGLISH, null, RofrStatus.NOT_APPLICABLE, null);
        Bid bid = new Bid(31, 30, "Investor-07", 1, Price.of("1.1000"), BidStatus.ACTIVE, null);
        for (Object value : new Object[] {listing, bid}) {
            String json = new String(JournalCodec.write(value), StandardCharsets.UTF_8);
            assertFalse(json.contains("terms"), json);
            assertArrayEquals(JournalCodec.write(value), CanonicalJson.write(value));
        }
        Listing withTerms = new Listing(30, "DGF3", "Holder-01", null, Units.of("200000.00"), null, 0, ListingStatus.OPEN,
                ListingMechanism.ENGLISH, null, RofrStatus.NOT_APPLICABLE, null, null, CLOCK);
        byte[] json = JournalCodec.write(withTerms);
        assertEquals(new String(JournalCodec.write(listing), StandardCharsets.UTF_8).replace("\"status\":\"OPEN\"",
                "\"status\":\"OPEN\",\"terms\":{\"type\":\"ClockListing\",\"increment\":\"0.0100\",\"roundMs\":60000}"),
                new String(json, StandardCharsets.UTF_8));
        assertEquals(withTerms, JournalCodec.read(json, Listing.class));
        assertArrayEquals(json, CanonicalJson.write(withTerms));
    }
}
