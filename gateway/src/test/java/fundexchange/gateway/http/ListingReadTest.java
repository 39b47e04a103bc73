package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.Term;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.read.BidView;
import fundexchange.registry.read.ListingView;
import fundexchange.signing.SigningScheme;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A listing's read as each caller sees it, whole, in the encoding the gateway sends. */
class ListingReadTest {
    private static final long T0 = 1_796_000_000_000L;
    private static final ListingView DUTCH = new ListingView(42, "DGF3", "DUTCH", "OPEN", "Holder-01", null,
            d("1000.00"), d("1.0000"), T0 + 100_000, d("0.8000"), d("0.0500"), T0, T0 + 100_000, false, "NOT_APPLICABLE",
            null, d("1.0000"), 20_000L, d("700.00"), null, d("50.00"), null);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Caller caller(String id, Role role) {
        return new Caller(id, Set.of(role), id + "-k1", "ED25519", "c2ln", 0, "req", "GET", "/listings", "", "",
                new byte[0], SigningScheme.FXS2);
    }

    private static String read(ListingView listing, Caller caller, long now) {
        return Json.line(ListingEndpoints.shaped(listing, caller, now));
    }

    /** The Dutch auction's frozen flat terms and its clock as of the read, exactly as before mechanism terms. */
    @Test
    void aDutchAuctionReadsItsFlatTermsAndItsClockAsOfTheRead() {
        assertEquals("{\"clockAt\":1796000045000,\"clockPrice\":\"0.9000\",\"deposit\":\"50.00\","
                + "\"endsAt\":1796000100000,\"fundCode\":\"DGF3\",\"listingId\":42,\"mechanism\":\"DUTCH\","
                + "\"minIncrement\":\"0.0500\",\"nextStepAt\":1796000060000,\"secondPrice\":false,"
                + "\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\",\"stepMs\":20000,"
                + "\"units\":\"1000.00\",\"unitsLeft\":\"700.00\"}",
                read(DUTCH, caller("Investor-08", Role.INVESTOR), T0 + 45_000),
                "an investor: the clock, neither the seller, the floor nor another buyer's trade price");
        assertEquals("{\"clockAt\":1796000045000,\"clockPrice\":\"0.9000\",\"deposit\":\"50.00\","
                + "\"endsAt\":1796000100000,\"fundCode\":\"DGF3\",\"listingId\":42,\"mechanism\":\"DUTCH\","
                + "\"minIncrement\":\"0.0500\",\"nextStepAt\":1796000060000,\"reservePrice\":\"0.8000\","
                + "\"rofr\":\"NOT_APPLICABLE\",\"secondPrice\":false,\"seller\":\"Holder-01\","
                + "\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\",\"stepMs\":20000,"
                + "\"tradePrice\":\"1.0000\",\"units\":\"1000.00\",\"unitsLeft\":\"700.00\"}",
                read(DUTCH, caller("Holder-01", Role.HOLDER), T0 + 45_000));
        assertEquals("{\"deposit\":\"50.00\",\"endsAt\":1796000100000,\"fundCode\":\"DGF3\",\"listingId\":42,"
                + "\"mechanism\":\"DUTCH\",\"minIncrement\":\"0.0500\",\"reservePrice\":\"0.8000\","
                + "\"rofr\":\"NOT_APPLICABLE\",\"secondPrice\":false,\"seller\":\"Holder-01\","
                + "\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\",\"stepMs\":20000,"
                + "\"tradePrice\":\"1.0000\",\"units\":\"1000.00\",\"unitsLeft\":\"700.00\"}",
                read(DUTCH, caller("Regulator-01", Role.REGULATOR), T0 + 100_000), "no clock once the window ended");
    }

    private static final BidView BID = new BidView(77, 42, "Investor-07", 2, d("1.0500"), "LOST", 4005, "outbid by Investor-09",
            null);

    /** A bid in a listing's bid list: whole to oversight, by pseudonym to others, the caller's own without its listing. */
    @Test
    void aBidReadsWholeToOversightItsOwnToItsBidderAndByPseudonymToOthers() {
        assertEquals("{\"bidId\":77,\"bidder\":\"Investor-07\",\"listingId\":42,\"price\":\"1.0500\",\"pseudonym\":2,"
                + "\"reason\":\"outbid by Investor-09\",\"rejectCode\":4005,\"status\":\"LOST\"}",
                Json.line(ListingEndpoints.shaped(BID, caller("Staff-01", Role.STAFF))));
        assertEquals("{\"bidId\":77,\"bidder\":\"Investor-07\",\"price\":\"1.0500\",\"pseudonym\":2,"
                + "\"reason\":\"outbid by Investor-09\",\"rejectCode\":4005,\"status\":\"LOST\"}",
                Json.line(ListingEndpoints.shaped(BID, caller("Investor-07", Role.INVESTOR))));
        assertEquals("{\"bidId\":77,\"bidder\":\"P2\",\"price\":\"1.0500\",\"pseudonym\":2,\"rejectCode\":4005,"
                + "\"status\":\"LOST\"}", Json.line(ListingEndpoints.shaped(BID, caller("Holder-01", Role.HOLDER))));
    }

    /** A clock listing as the registry's JSONB gives its terms back (V33), with a clock of 0.0100 every minute. */
    private static final ListingView CLOCK = new ListingView(43, "DGF3", "CLOCK", "OPEN", "Holder-01", null,
            d("200000.00"), d("1.0000"), T0 + 3_600_000, d("1.1000"), null, T0, T0 + 3_600_000, false, "NOT_APPLICABLE",
            null, null, null, d("200000.00"), null, null,
            "{\"type\": \"ClockListing\", \"roundMs\": 60000, \"increment\": \"0.0100\"}");

    /**
     * A mechanism's own terms: the clock's increment and round length are market-visible, so every caller who sees the
     * listing sees them and the clock they give as of the read, whatever the mechanism is called; the reserve stays
     * the seller's and oversight's.
     */
    @Test
    void aListingsOwnTermsAndTheirReadShowToEveryCallerWhoSeesEveryTerm() {
        String investor = "{\"endsAt\":1796003600000,\"fundCode\":\"DGF3\",\"listingId\":43,\"mechanism\":\"CLOCK\","
                + "\"secondPrice\":false,\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\","
                + "\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"},"
                + "\"termsRead\":{\"round\":2,\"roundPrice\":\"1.0200\"},\"termsReadAt\":1796000150000,"
                + "\"units\":\"200000.00\"}";
        assertEquals(investor, read(CLOCK, caller("Investor-08", Role.INVESTOR), T0 + 150_000));
        assertEquals("{\"endsAt\":1796003600000,\"fundCode\":\"DGF3\",\"listingId\":43,\"mechanism\":\"CLOCK\","
                + "\"reservePrice\":\"1.1000\",\"rofr\":\"NOT_APPLICABLE\",\"secondPrice\":false,\"seller\":\"Holder-01\","
                + "\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\","
                + "\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"},"
                + "\"termsRead\":{\"round\":2,\"roundPrice\":\"1.0200\"},\"termsReadAt\":1796000150000,"
                + "\"units\":\"200000.00\"}", read(CLOCK, caller("Holder-01", Role.HOLDER), T0 + 150_000));
        assertEquals("{\"endsAt\":1796003600000,\"fundCode\":\"DGF3\",\"listingId\":43,\"mechanism\":\"CLOCK\","
                + "\"reservePrice\":\"1.1000\",\"rofr\":\"NOT_APPLICABLE\",\"secondPrice\":false,\"seller\":\"Holder-01\","
                + "\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\","
                + "\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"},"
                + "\"termsRead\":{\"round\":59,\"roundPrice\":\"1.5900\"},\"termsReadAt\":1796009000000,"
                + "\"units\":\"200000.00\"}", read(CLOCK, caller("Regulator-01", Role.REGULATOR), T0 + 9_000_000),
                "OPEN past its window, the close not yet decided: the last round");
    }

    /** A listing terms record as a mechanism may mark it: its increment market-visible, its round length hidden. */
    private record HiddenRound(@Term(marketVisible = true) Price increment, long roundMs) {
    }

    private static String hiddenRoundRead(String caller, Role role) {
        Map<String, Object> shown = new LinkedHashMap<>();
        ListingTermsRead.show(shown, CLOCK, new ClockTerms.ClockListing(Price.of("0.0100"), 60_000), HiddenRound.class,
                Viewers.viewer(caller(caller, role)), T0 + 150_000);
        return Json.line(shown);
    }

    /**
     * A hidden term (no permitted record has one yet, so the read is asked to disclose the clock's terms as a record
     * whose round length is hidden): the market sees neither it nor the read derived from the terms; the seller and
     * oversight see both.
     */
    @Test
    void aHiddenTermAndTheReadDerivedFromItReachOnlyTheSellerAndOversight() {
        String market = "{\"terms\":{\"increment\":\"0.0100\",\"type\":\"ClockListing\"}}";
        assertEquals(market, hiddenRoundRead("Investor-08", Role.INVESTOR));
        assertEquals(market, hiddenRoundRead("Holder-02", Role.HOLDER), "another seller");
        String whole = "{\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"},"
                + "\"termsRead\":{\"round\":2,\"roundPrice\":\"1.0200\"},\"termsReadAt\":1796000150000}";
        assertEquals(whole, hiddenRoundRead("Holder-01", Role.HOLDER), "the seller");
        assertEquals(whole, hiddenRoundRead("Staff-01", Role.STAFF));
        assertEquals(whole, hiddenRoundRead("Regulator-01", Role.REGULATOR));
    }

    private static ListingView clock(String status, BigDecimal unitsLeft, long startsAt, long endsAt) {
        return new ListingView(43, "DGF3", "CLOCK", status, "Holder-01", null, d("200000.00"), d("1.0000"), endsAt,
                d("1.1000"), null, startsAt, endsAt, false, "NOT_APPLICABLE", null, null, null, unitsLeft, null, null,
                "{\"type\": \"ClockListing\", \"roundMs\": 60000, \"increment\": \"0.0100\"}");
    }

    /** What terms derive is shown only while the listing is OPEN, as the Dutch auction's clock. */
    @Test
    void aListingNotOpenShowsItsTermsButNoRead() {
        for (String status : List.of("PENDING_APPROVAL", "EXECUTED", "CANCELLED", "EXPIRED")) {
            assertEquals("{\"endsAt\":1796003600000,\"fundCode\":\"DGF3\",\"listingId\":43,\"mechanism\":\"CLOCK\","
                    + "\"reservePrice\":\"1.1000\",\"rofr\":\"NOT_APPLICABLE\",\"secondPrice\":false,\"seller\":\"Holder-01\","
                    + "\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"" + status + "\","
                    + "\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"},"
                    + "\"units\":\"200000.00\"}",
                    read(clock(status, d("200000.00"), T0, T0 + 3_600_000), caller("Staff-01", Role.STAFF), T0 + 150_000),
                    status);
        }
    }

    /** One row whose read cannot be made never fails the read: its terms show, without termsRead. */
    @Test
    void aRowWhoseTermsCannotBeReadShowsItsTermsWithoutTheRead() {
        String terms = "\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"},";
        assertEquals("{\"endsAt\":9223372036854775807,\"fundCode\":\"DGF3\",\"listingId\":43,"
                + "\"mechanism\":\"CLOCK\",\"secondPrice\":false,\"startingPrice\":\"1.0000\","
                + "\"startsAt\":-9223372036854775798,\"status\":\"OPEN\"," + terms + "\"units\":\"200000.00\"}",
                read(clock("OPEN", d("200000.00"), Long.MIN_VALUE + 10, Long.MAX_VALUE), caller("Investor-08",
                        Role.INVESTOR), T0), "a window whose rounds a long cannot count");
        assertEquals("{\"endsAt\":1796003600000,\"fundCode\":\"DGF3\",\"listingId\":43,\"mechanism\":\"CLOCK\","
                + "\"secondPrice\":false,\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\","
                + terms + "\"units\":\"200000.00\"}",
                read(clock("OPEN", null, T0, T0 + 3_600_000), caller("Investor-08", Role.INVESTOR), T0),
                "a row without the units left, whose facts readAt cannot be given");
    }

    /** Terms a later build wrote, which this one cannot decode, show nothing rather than fail the read. */
    @Test
    void termsThisBuildCannotDecodeShowNothing() {
        ListingView later = new ListingView(44, "DGF3", "BATCH", "OPEN", "Holder-01", null, d("100.00"), d("1.0000"),
                T0 + 60_000, d("1.0000"), null, T0, T0 + 60_000, false, "NOT_APPLICABLE", null, null, null, d("100.00"),
                null, null, "{\"type\": \"BatchListing\", \"lot\": \"10.00\"}");
        assertEquals("{\"endsAt\":1796000060000,\"fundCode\":\"DGF3\",\"listingId\":44,\"mechanism\":\"BATCH\","
                + "\"secondPrice\":false,\"startingPrice\":\"1.0000\",\"startsAt\":1796000000000,\"status\":\"OPEN\","
                + "\"units\":\"100.00\"}", read(later, caller("Investor-08", Role.INVESTOR), T0));
    }

    /**
     * A bid's own terms: whole to its bidder and oversight; the seller and the rival bidders see the record's type and
     * only its market-visible components (none of a clock bid's: the round it stays in is its bidder's).
     */
    @Test
    void aBidsOwnTermsShowWholeToItsBidderAndOversightAndOnlyTheirTypeToOthers() {
        BidView bid = new BidView(78, 43, "Investor-07", 1, d("1.0200"), "ACTIVE", null, null,
                "{\"type\": \"ClockBid\", \"round\": 2}");
        String whole = "{\"bidId\":78,\"bidder\":\"Investor-07\",\"listingId\":43,\"price\":\"1.0200\","
                + "\"pseudonym\":1,\"status\":\"ACTIVE\",\"terms\":{\"round\":2,\"type\":\"ClockBid\"}}";
        assertEquals(whole, Json.line(ListingEndpoints.shaped(bid, caller("Staff-01", Role.STAFF))));
        assertEquals(whole, Json.line(ListingEndpoints.fields(bid, Viewers.viewer(caller("Investor-07", Role.INVESTOR)))),
                "GET /bids: the bidder's own");
        assertEquals("{\"bidId\":78,\"bidder\":\"Investor-07\",\"price\":\"1.0200\",\"pseudonym\":1,"
                + "\"status\":\"ACTIVE\",\"terms\":{\"round\":2,\"type\":\"ClockBid\"}}",
                Json.line(ListingEndpoints.shaped(bid, caller("Investor-07", Role.INVESTOR))));
        String byPseudonym = "{\"bidId\":78,\"bidder\":\"P1\",\"price\":\"1.0200\",\"pseudonym\":1,"
                + "\"status\":\"ACTIVE\",\"terms\":{\"type\":\"ClockBid\"}}";
        assertEquals(byPseudonym, Json.line(ListingEndpoints.shaped(bid, caller("Holder-01", Role.HOLDER))), "the seller");
        assertEquals(byPseudonym, Json.line(ListingEndpoints.shaped(bid, caller("Investor-09", Role.INVESTOR))), "a rival");
    }
}
