package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mechanism's own {@code terms} (rules version 11, docs/design/mechanism-terms.md §2.1): refused {@code
 * INVALID_FIELD} before version 11 and, from it, by every released mechanism, which claim none; a command without
 * them is decided as before; the state carries what the events carry.
 */
class MechanismTermsTest {
    private static final ClockTerms.ClockListing CLOCK = new ClockTerms.ClockListing(Price.of("0.0100"), 60_000L);
    private static final ClockTerms.ClockBid ROUND = new ClockTerms.ClockBid(0);

    private static Market market(int rulesVersion) {
        return Market.withCalendars(rulesVersion).participant("Holder-01", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).fund("DGF3", false)
                .deposit("DGF3", "Holder-01", "100000.00", "100000.00");
    }

    private static ListAuction auction(Market m, ListingMechanism mechanism, ListingMechanism.ListingTerms terms) {
        boolean dutch = mechanism == ListingMechanism.DUTCH;
        return new ListAuction("DGF3", mechanism, Units.of("10000.00"), Price.of(dutch ? "1.2000" : "1.0000"),
                Price.of("1.0000"), Price.of("0.0100"), m.s.time, m.s.time + 3_600_000L, null, null, false,
                dutch ? 60_000L : null, null, 0, terms);
    }

    private static void refused(Market m, String participant, Command command, String message) {
        EventDocument doc = m.s.by(participant, command);
        assertEquals(OutcomeStatus.REJECTED, doc.outcome().status(), doc.outcome().toString());
        assertEquals(RejectCode.INVALID_FIELD.code(), doc.outcome().code(), doc.outcome().message());
        assertEquals(message, doc.outcome().message());
        assertEquals(List.of(), doc.events());
    }

    @Test
    void aVersionTenJournalRefusesMechanismTermsAndDecidesTheRestAsBefore() {
        Market m = market(RulesVersion.BOUNDED_HISTORY);
        String notInRules = "mechanism terms apply from rules version 11 / 机制条款自规则版本 11 起适用";
        refused(m, "Holder-01", auction(m, ListingMechanism.ENGLISH, CLOCK), notInRules);
        ListAuction english = auction(m, ListingMechanism.ENGLISH, null);
        EventDocument listed = m.ok("Holder-01", english);
        assertEquals(List.of(new ListingSubmitted(listed.sourceIndex(), "DGF3", "Holder-01", null, english.units(),
                english.startingPrice(), 0, ListingMechanism.ENGLISH, new AuctionTerms(english.startingPrice(),
                        english.reservePrice(), english.minIncrement(), english.startsAt(), english.endsAt(),
                        300_000L, 300_000L, false, null), RofrStatus.NOT_APPLICABLE)), listed.events());
        m.ok("Staff-02", new ApproveListing(listed.sourceIndex()));
        refused(m, "Investor-07", new PlaceBid(listed.sourceIndex(), Price.of("1.1000"), null, ROUND), notInRules);
        EventDocument bid = m.ok("Investor-07", new PlaceBid(listed.sourceIndex(), Price.of("1.1000"), null));
        long endsAt = ((ListingSubmitted) listed.events().getFirst()).auction().endsAt();
        assertEquals(List.of(new BidPlaced(listed.sourceIndex(), bid.sourceIndex(), "Investor-07", 1, Price.of("1.1000"),
                endsAt, false)), bid.events());
        m.replayCheckingInvariants();
    }

    @Test
    void fromVersionElevenNoReleasedMechanismTakesListingTerms() {
        Market m = market(RulesVersion.MECHANISM_TERMS);
        for (ListingMechanism mechanism : List.of(ListingMechanism.ENGLISH, ListingMechanism.SEALED,
                ListingMechanism.DUTCH)) {
            refused(m, "Holder-01", auction(m, mechanism, CLOCK),
                    mechanism + " listings take no terms / " + mechanism + " 挂牌不接受机制条款");
        }
        m.replayCheckingInvariants();
    }

    @Test
    void fromVersionElevenNoReleasedMechanismTakesBidTerms() {
        Market m = market(RulesVersion.MECHANISM_TERMS);
        EventDocument english = m.ok("Holder-01", auction(m, ListingMechanism.ENGLISH, null));
        m.ok("Staff-02", new ApproveListing(english.sourceIndex()));
        refused(m, "Investor-07", new PlaceBid(english.sourceIndex(), Price.of("1.1000"), null, ROUND),
                "bids on ENGLISH listings take no terms / ENGLISH 挂牌的出价不接受机制条款");
        EventDocument dutch = m.ok("Holder-01", auction(m, ListingMechanism.DUTCH, null));
        m.ok("Staff-02", new ApproveListing(dutch.sourceIndex()));
        refused(m, "Investor-07", new PlaceBid(dutch.sourceIndex(), Price.of("1.2000"), Units.of("100.00"), ROUND),
                "bids on DUTCH listings take no terms / DUTCH 挂牌的出价不接受机制条款");
        EventDocument negotiated = m.ok("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("100.00"),
                Price.of("1.0000"), 0, null, 0));
        m.ok("Staff-02", new ApproveListing(negotiated.sourceIndex()));
        refused(m, "Investor-07", new PlaceBid(negotiated.sourceIndex(), Price.of("1.1000"), null, ROUND),
                "bids on NEGOTIATED listings take no terms / NEGOTIATED 挂牌的出价不接受机制条款");
        m.replayCheckingInvariants();
    }

    /**
     * The branch no released mechanism reaches: a mechanism that claims a record requires exactly it, from rules
     * version 11; before it, terms are refused as not in the rules, whatever the mechanism claims.
     */
    @Test
    void aMechanismThatClaimsARecordRequiresExactlyIt() {
        ExchangeState state = new ExchangeState();
        state.rulesVersion = RulesVersion.MECHANISM_TERMS;
        String takesClock = "CLOCK listings take terms of type ClockListing / CLOCK 挂牌须附 ClockListing 类机制条款";
        assertEquals(takesClock, refusal(state, ClockTerms.ClockListing.class, null));
        assertEquals(takesClock, refusal(state, ClockTerms.ClockListing.class, ROUND));
        MechanismTerms.require(state, ClockTerms.ClockListing.class, CLOCK, "CLOCK listings", "CLOCK 挂牌");
        MechanismTerms.require(state, null, null, "CLOCK listings", "CLOCK 挂牌");
        assertEquals("CLOCK listings take no terms / CLOCK 挂牌不接受机制条款", refusal(state, null, CLOCK));

        state.rulesVersion = RulesVersion.BOUNDED_HISTORY;
        assertEquals("mechanism terms apply from rules version 11 / 机制条款自规则版本 11 起适用",
                refusal(state, ClockTerms.ClockListing.class, CLOCK));
        assertEquals("mechanism terms apply from rules version 11 / 机制条款自规则版本 11 起适用",
                refusal(state, null, CLOCK));
    }

    /**
     * A mechanism that claims terms refuses each frozen flat field beside them, a listing's in the record's order and a
     * bid's units (the branch no released mechanism reaches: none claims terms).
     */
    @Test
    void aMechanismThatClaimsTermsRefusesTheFrozenFlatFieldsBesideThem() {
        for (ListingMechanism released : List.of(ListingMechanism.NEGOTIATED, ListingMechanism.ENGLISH,
                ListingMechanism.SEALED, ListingMechanism.DUTCH)) {
            assertEquals(false, MechanismTerms.claimsTerms(released), released.name());
        }
        Price one = Price.of("1.0000");
        ListAuction bare = new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("100.00"), one, null, null, 0,
                3_600_000L, null, null, false, null, null, null, CLOCK);
        MechanismTerms.refuseFrozenListingFields(bare, "CLOCK listings", "CLOCK 挂牌");
        List<ListAuction> flat = List.of(
                new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("100.00"), one, null, one, 0, 3_600_000L,
                        300_000L, 300_000L, true, 60_000L, null, null, CLOCK),
                new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("100.00"), one, null, null, 0, 3_600_000L,
                        300_000L, 300_000L, true, 60_000L, null, null, CLOCK),
                new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("100.00"), one, null, null, 0, 3_600_000L,
                        null, 300_000L, true, 60_000L, null, null, CLOCK),
                new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("100.00"), one, null, null, 0, 3_600_000L,
                        null, null, true, 60_000L, null, null, CLOCK),
                new ListAuction("DGF3", ListingMechanism.ENGLISH, Units.of("100.00"), one, null, null, 0, 3_600_000L,
                        null, null, false, 60_000L, null, null, CLOCK));
        List<String> fields = List.of("minIncrement", "extensionWindowMs", "extensionMs", "secondPrice", "stepMs");
        for (int i = 0; i < flat.size(); i++) {
            ListAuction c = flat.get(i);
            Rejection refused = assertThrows(Rejection.class,
                    () -> MechanismTerms.refuseFrozenListingFields(c, "CLOCK listings", "CLOCK 挂牌"));
            assertEquals(RejectCode.INVALID_FIELD, refused.code());
            assertEquals(fields.get(i) + " does not apply to CLOCK listings (their own fields are in terms) / "
                    + fields.get(i) + " 不适用于 CLOCK 挂牌（其字段在机制条款中）", refused.getMessage());
        }
        MechanismTerms.refuseFrozenBidFields(new PlaceBid(25, one, null, ROUND), "bids on CLOCK listings",
                "CLOCK 挂牌的出价");
        Rejection units = assertThrows(Rejection.class, () -> MechanismTerms.refuseFrozenBidFields(
                new PlaceBid(25, one, Units.of("100.00"), ROUND), "bids on CLOCK listings", "CLOCK 挂牌的出价"));
        assertEquals(RejectCode.INVALID_FIELD, units.code());
        assertEquals("units does not apply to bids on CLOCK listings (their own fields are in terms) / units 不适用于 "
                + "CLOCK 挂牌的出价（其字段在机制条款中）", units.getMessage());
    }

    private static String refusal(ExchangeState state, Class<?> claimed, Object terms) {
        Rejection refused = assertThrows(Rejection.class,
                () -> MechanismTerms.require(state, claimed, terms, "CLOCK listings", "CLOCK 挂牌"));
        assertEquals(RejectCode.INVALID_FIELD, refused.code());
        return refused.getMessage();
    }

    @Test
    void theStateCarriesTheTermsItsEventsCarry() {
        ExchangeState state = new ExchangeState();
        StateApplier applier = new StateApplier(state);
        AuctionTerms auction = new AuctionTerms(Price.of("1.0000"), null, null, 1_796_000_000_000L, 1_796_003_600_000L,
                0, 0, false, null);
        applier.apply(new ListingSubmitted(25, "DGF3", "Holder-01", null, Units.of("100.00"), null, 0,
                ListingMechanism.ENGLISH, auction, RofrStatus.NOT_APPLICABLE, null, CLOCK), 25, 1_796_000_000_000L);
        applier.apply(new BidPlaced(25, 26, "Investor-07", 1, Price.of("1.0000"), 1_796_003_600_000L, false, ROUND), 26,
                1_796_000_000_001L);
        applier.apply(new BidPlaced(25, 27, "Investor-08", 2, Price.of("1.0100"), 1_796_003_600_000L, false), 27,
                1_796_000_000_002L);
        Listing listing = state.listings.get(25L);
        assertEquals(CLOCK, listing.terms());
        assertEquals(CLOCK, listing.withStatus(ListingStatus.OPEN).terms());
        assertEquals(CLOCK, listing.withUnits(Units.of("40.00")).terms());
        assertEquals(CLOCK, listing.withAuction(auction).terms());
        assertEquals(CLOCK, listing.withRofr(RofrStatus.PENDING).terms());
        Bid bid = state.bids.get(26L);
        assertEquals(ROUND, bid.terms());
        assertEquals(ROUND, bid.withStatus(BidStatus.WON).terms());
        assertNull(state.bids.get(27L).terms());
    }
}
