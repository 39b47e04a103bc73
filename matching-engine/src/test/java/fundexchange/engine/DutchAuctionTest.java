package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Dutch auction's paths the golden scenario {@code dutch-auction.json} does not walk. */
class DutchAuctionTest {
    private static final String FUND = "DGF3";
    private static final long STEP = 60_000L;
    private Market m;
    private Scenario s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
        s = m.s;
    }

    private ListAuction dutch(String fund, String units, String start, String floor, Long stepMs) {
        return new ListAuction(fund, ListingMechanism.DUTCH, Units.of(units), Price.of(start), Price.of(floor),
                Price.of("0.0500"), s.time, s.time + 10 * STEP, null, null, false, stepMs);
    }

    private long opened(ListAuction auction) {
        long id = m.ok("Holder-01", auction).sourceIndex();
        m.ok("Staff-02", new ApproveListing(id));
        return id;
    }

    private static List<String> trades(EventDocument doc) {
        return doc.events().stream().map(DutchAuctionTest::trade).toList();
    }

    private static String trade(Event e) {
        TradeExecuted t = (TradeExecuted) e;
        return t.buyer() + " " + t.units() + "@" + t.price();
    }

    @Test
    void refusesTermsThatDoNotMakeAFallingClock() {
        m.refused("Holder-01", dutch(FUND, "1000.00", "1.0000", "1.1000", STEP), RejectCode.INVALID_FIELD);
        m.refused("Holder-01", dutch(FUND, "1000.00", "1.0000", "0.8000", 0L), RejectCode.INVALID_FIELD);
        m.refused("Holder-01", dutch(FUND, "1000.00", "1.0000", "0.8000", 11 * STEP), RejectCode.INVALID_FIELD);
        m.refused("Holder-01", dutch(FUND, "1050.00", "1.0000", "0.8000", STEP), RejectCode.NOT_LOT_MULTIPLE);
        m.refused("Holder-01", new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"), Price.of("1.0000"),
                null, Price.of("0.0100"), s.time, s.time + STEP, null, null, false, STEP), RejectCode.INVALID_FIELD);
    }

    @Test
    void anEnglishBidCarriesNoUnitsAndADutchAcceptanceNeedsThem() {
        long english = opened(new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"), Price.of("1.0000"),
                null, Price.of("0.0100"), s.time, s.time + STEP, null, null, false, null));
        m.refused("Investor-07", new PlaceBid(english, Price.of("1.0000"), Units.of("100.00")), RejectCode.INVALID_FIELD);
        long dutch = opened(dutch(FUND, "1000.00", "1.0000", "0.8000", STEP));
        m.refused("Investor-07", new PlaceBid(dutch, Price.of("1.0000"), null), RejectCode.INVALID_FIELD);
        m.refused("Holder-01", new PlaceBid(dutch, Price.of("1.0000"), Units.of("100.00")), RejectCode.WRONG_ROLE);
    }

    @Test
    void aSellOutExecutesTheListingAndTheWindowsEndFindsNothingToClose() {
        long id = opened(dutch(FUND, "500.00", "1.0000", "0.8000", STEP));
        s.time += 3 * STEP + 1;
        assertEquals(List.of("Investor-07 200.00@0.8500"),
                trades(m.ok("Investor-07", new PlaceBid(id, Price.of("0.9000"), Units.of("200.00")))));
        assertEquals(List.of("Investor-07 300.00@0.8500"),
                trades(m.ok("Investor-07", new PlaceBid(id, Price.of("0.8500"), Units.of("300.00")))));
        m.refused("Investor-07", new PlaceBid(id, Price.of("1.0000"), Units.of("100.00")), RejectCode.LISTING_NOT_OPEN);
        s.time += 10 * STEP;
        assertEquals(List.of(), Market.accepted(s.unsigned(new Tick()).last).events());
    }

    @Test
    void anAcceptanceTheSellerCannotHonourIsRefusedWithoutNamingTheSeller() {
        long id = opened(dutch(FUND, "1000.00", "1.0000", "0.8000", STEP));
        m.ok("Holder-01", new RevokeKey("Holder-01-k1"));
        EventDocument refused = s.by("Investor-07", new PlaceBid(id, Price.of("1.0000"), Units.of("100.00")));
        assertEquals(Outcome.rejected(RejectCode.SELLER_NOT_ELIGIBLE.code(), RejectCode.SELLER_NOT_ELIGIBLE.name(),
                "the seller cannot sell these units now"), refused.outcome());
        assertEquals(List.of(), refused.events());
    }

    @Test
    void theHolderMayWithdrawWhatIsLeftAfterAPartialSale() {
        long id = opened(dutch(FUND, "1000.00", "1.0000", "0.8000", STEP));
        m.ok("Investor-07", new PlaceBid(id, Price.of("1.0000"), Units.of("400.00")));
        assertEquals(List.of(new ListingWithdrawn(id, Units.of("600.00"))),
                m.ok("Holder-01", new WithdrawListing(id)).events());
    }

    @Test
    void aFundWithoutAMinimumTransferTakesAnyAmount() {
        Market.accepted(s.by("Staff-01", new RegisterFund("ZLT1", "Demo Fund ZLT1", "Demo Capital Management", "GROWTH",
                2019, "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", null, false)));
        m.deposit("ZLT1", "Holder-01", "100.00", "100.00");
        long id = opened(dutch("ZLT1", "10.01", "1.0000", "0.8000", STEP));
        assertEquals(List.of("Investor-07 0.01@1.0000"),
                trades(m.ok("Investor-07", new PlaceBid(id, Price.of("1.0000"), Units.of("0.01")))));
    }
}
