package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.MatchScanLimited;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteAccepted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.intent.IntentClosure;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.intent.OfferClosure;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Non-listed offers, intents, inquiries, match proposals and brokering (issue 4); whole event lists asserted. */
class IntentMatchingTest {
    private static final String FUND = "DGF3";
    private static final Price NAV = Price.of("1.5000");
    private static final Price ASK = Price.of("1.2000");
    private static final Units OFFERED = Units.of("10000.00");
    private Market m;
    private Scenario s;

    @BeforeEach
    void market() {
        m = new Market().participant("Holder-01", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).participant("Investor-08", Role.INVESTOR)
                .participant("Investor-09", Role.INVESTOR).participant("Dual-05", Role.HOLDER, Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "20000.00", "20000.00")
                .deposit(FUND, "Dual-05", "5000.00", "5000.00");
        s = m.s;
    }

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    private EventDocument offer(String holder, Units units, Units minLot) {
        return m.ok(holder, new PostOffer(FUND, units, minLot, ASK, OfferVisibility.QUALIFIED_ONLY, 0));
    }

    private long intent(String investor, String max, long maxBasisPoints) {
        return m.ok(investor, new PostIntent(List.of(FUND), null, Money.ZERO, Money.of(max), maxBasisPoints, 0)).sourceIndex();
    }

    private static MatchProposed proposed(long index, int rank, long offerId, long intentId, String units, long surplus) {
        Units lot = Units.of(units);
        return new MatchProposed(index * 4096 + rank - 1, offerId, intentId, FUND, rank, lot, ASK,
                Pricing.consideration(lot, ASK), 8000, surplus);
    }

    private static TradeExecuted trade(long index, long offerId, String buyer, String units, Price price, boolean newHolder,
                                       long at) {
        Units lot = Units.of(units);
        Money consideration = Pricing.consideration(lot, price);
        return new TradeExecuted(index * 4096, 0, FUND, "Holder-01", buyer, lot, price, consideration,
                Pricing.percentOfNavBasisPoints(price, NAV), Pricing.multipleOfCost(consideration, Money.of(units)),
                newHolder, Scenario.settleBy(at), offerId);
    }

    private Position position(String holder) {
        return s.engine.snapshot().positions().stream()
                .filter(p -> p.fundCode().equals(FUND) && p.holder().equals(holder)).findFirst().orElseThrow();
    }

    @Test
    void postingAnOfferLocksItsUnitsAndShowsTheAskAsPercentOfNavAndMultipleOfCost() {
        EventDocument posted = offer("Holder-01", OFFERED, Units.of("1000.00"));
        assertEquals(List.of(new OfferPosted(posted.sourceIndex(), FUND, "Holder-01", OFFERED, Units.of("1000.00"), ASK, 8000,
                Multiple.of("1.2000"), OfferVisibility.QUALIFIED_ONLY, 0)), posted.events());
        assertEquals(OFFERED, position("Holder-01").locked());
        m.refused("Holder-01", new PostOffer(FUND, Units.of("10001.00"), Units.of("100.00"), ASK,
                OfferVisibility.PUBLIC_TEASER, 0), RejectCode.INSUFFICIENT_UNITS);
        m.refused("Holder-01", new PostOffer(FUND, Units.of("1000.00"), Units.of("50.00"), ASK,
                OfferVisibility.PUBLIC_TEASER, 0), RejectCode.BELOW_MIN_TRANSFER);
        m.refused("Holder-01", new PostOffer(FUND, Units.of("1000.00"), Units.of("1001.00"), ASK,
                OfferVisibility.PUBLIC_TEASER, 0), RejectCode.INVALID_FIELD);
        m.refused("Investor-07", new PostOffer(FUND, Units.of("1000.00"), Units.of("100.00"), ASK,
                OfferVisibility.PUBLIC_TEASER, 0), RejectCode.WRONG_ROLE);
    }

    @Test
    void aNewOfferProposesTheCompatibleIntentsRankedBySurplusThenSizeFitThenTime() {
        long i7 = intent("Investor-07", "6000.00", 9000);      // 5000 units affordable, surplus 1000
        long i8 = intent("Investor-08", "12000.00", 9000);     // the whole 10000, surplus 1000: better fit
        long i9 = intent("Investor-09", "100000.00", 8500);    // surplus 500
        intent("Investor-07", "100000.00", 7999);              // ask is 8000 bp of NAV: too dear for it
        intent("Investor-08", "1000.00", 9500);                // 833.33 units, below the 1000-unit minimum lot
        intent("Dual-05", "100000.00", 9900);                  // Dual-05 holds units but is not the offer's holder: fine
        long dual = s.last.sourceIndex();
        EventDocument posted = offer("Holder-01", OFFERED, Units.of("1000.00"));
        long index = posted.sourceIndex();
        assertEquals(List.of(posted.events().getFirst(),
                proposed(index, 1, index, dual, "10000.00", 1900),
                proposed(index, 2, index, i8, "10000.00", 1000),
                proposed(index, 3, index, i7, "5000.00", 1000),
                proposed(index, 4, index, i9, "10000.00", 500)), posted.events());
    }

    @Test
    void theHolderIsNeverMatchedWithItsOwnIntentNorAnUnqualifiedInvestor() {
        intent("Dual-05", "100000.00", 9900);
        m.approved(new SetQualification("Investor-09", QualificationStatus.NOT_QUALIFIED, null));
        m.refused("Investor-09", new PostIntent(List.of(FUND), null, Money.ZERO, Money.of("1.00"), 9000, 0),
                RejectCode.BUYER_NOT_QUALIFIED);
        EventDocument posted = m.ok("Dual-05", new PostOffer(FUND, Units.of("5000.00"), Units.of("100.00"), ASK,
                OfferVisibility.PUBLIC_TEASER, 0));
        assertEquals(1, posted.events().size(), "only the OfferPosted: " + posted.events());
    }

    @Test
    void aNewIntentIsMatchedAgainstRestingOffersByCriteria() {
        long offer = offer("Holder-01", OFFERED, Units.of("1000.00")).sourceIndex();
        IntentCriteria growth = new IntentCriteria(List.of("GROWTH", "BUYOUT", "GROWTH"), 2015, 2020, "CNY", null, null);
        EventDocument posted = m.ok("Investor-07", new PostIntent(null, growth, Money.of("1000.00"), Money.of("3000.00"), 8000, 0));
        long index = posted.sourceIndex();
        IntentCriteria normalised = new IntentCriteria(List.of("BUYOUT", "GROWTH"), 2015, 2020, "CNY", null, null);
        assertEquals(List.of(new IntentPosted(index, "Investor-07", List.of(), normalised, Money.of("1000.00"),
                Money.of("3000.00"), 8000, 0), proposed(index, 1, offer, index, "2500.00", 0)), posted.events());
        EventDocument other = m.ok("Investor-08", new PostIntent(null,
                new IntentCriteria(List.of("VENTURE"), null, null, null, null, null), Money.ZERO, Money.of("3000.00"), 9000, 0));
        assertEquals(1, other.events().size(), "a VENTURE intent does not match a GROWTH fund");
        m.refused("Investor-08", new PostIntent(List.of(FUND), growth, Money.ZERO, Money.of("1.00"), 9000, 0),
                RejectCode.INTENT_TARGET_INVALID);
        m.refused("Investor-08", new PostIntent(List.of(), null, Money.ZERO, Money.of("1.00"), 9000, 0),
                RejectCode.INTENT_TARGET_INVALID);
        m.refused("Investor-08", new PostIntent(List.of("NOPE"), null, Money.ZERO, Money.of("1.00"), 9000, 0),
                RejectCode.UNKNOWN_FUND);
        m.refused("Investor-08", new PostIntent(List.of(FUND), null, Money.of("2.00"), Money.of("1.00"), 9000, 0),
                RejectCode.INVALID_FIELD);
    }

    @Test
    void quotesAreCounteredInTurnsUnderAPseudonymAndAnAcceptedQuoteTradesOnTheSettlementPath() {
        long offer = offer("Holder-01", OFFERED, Units.of("1000.00")).sourceIndex();
        EventDocument quoted = m.ok("Investor-08", new SubmitQuote(offer, Price.of("1.0000"), Units.of("4000.00")));
        long quote = quoted.sourceIndex();
        assertEquals(List.of(new QuoteSubmitted(quote, offer, FUND, "Investor-08", 1, Price.of("1.0000"), Units.of("4000.00"),
                6667)), quoted.events());
        m.refused("Investor-08", new CounterQuote(quote, Price.of("1.0500"), Units.of("4000.00")), RejectCode.NOT_YOUR_TURN);
        m.refused("Investor-09", new AcceptQuote(quote), RejectCode.NOT_QUOTE_PARTY);
        m.refused("Investor-08", new SubmitQuote(offer, Price.of("1.0100"), Units.of("4000.00")), RejectCode.QUOTE_EXISTS);
        assertEquals(List.of(new QuoteCountered(quote, offer, 1, Side.HOLDER, 1, Price.of("1.1500"), Units.of("3000.00"), 7667)),
                m.ok("Holder-01", new CounterQuote(quote, Price.of("1.1500"), Units.of("3000.00"))).events());
        assertEquals(List.of(new QuoteCountered(quote, offer, 2, Side.INVESTOR, 1, Price.of("1.1000"), Units.of("3000.00"), 7333)),
                m.ok("Investor-08", new CounterQuote(quote, Price.of("1.1000"), Units.of("3000.00"))).events());
        EventDocument second = m.ok("Investor-09", new SubmitQuote(offer, Price.of("0.9000"), Units.of("1000.00")));
        assertEquals(2, ((QuoteSubmitted) second.events().getFirst()).pseudonym());
        m.refused("Holder-01", new CounterQuote(second.sourceIndex(), Price.of("1.0000"), Units.of("500.00")),
                RejectCode.BELOW_MIN_LOT);

        EventDocument accepted = m.ok("Holder-01", new AcceptQuote(quote));
        assertEquals(List.of(new QuoteAccepted(quote, offer, Side.HOLDER, 1, Price.of("1.1000"), Units.of("3000.00")),
                trade(accepted.sourceIndex(), offer, "Investor-08", "3000.00", Price.of("1.1000"), true, s.time)),
                accepted.events());
        assertEquals(OFFERED, position("Holder-01").locked(), "7000 still offered, 3000 pending settlement");
        m.refused("Holder-01", new AcceptQuote(quote), RejectCode.QUOTE_NOT_OPEN);
        assertEquals(List.of(new QuoteDeclined(second.sourceIndex(), offer, Side.HOLDER, 2)),
                m.ok("Holder-01", new DeclineQuote(second.sourceIndex())).events());

        m.ok("Staff-01", new ConfirmSettlement(accepted.sourceIndex() * 4096));
        assertEquals(Units.of("3000.00"), position("Investor-08").units());
        assertEquals(Units.of("7000.00"), position("Holder-01").locked());
        assertEquals(Units.of("17000.00"), position("Holder-01").units());
    }

    @Test
    void acceptingTheLastUnitsFillsTheOfferAndLapsesItsOtherQuotes() {
        long offer = offer("Holder-01", Units.of("2000.00"), Units.of("1000.00")).sourceIndex();
        long q8 = m.ok("Investor-08", new SubmitQuote(offer, ASK, Units.of("2000.00"))).sourceIndex();
        long q9 = m.ok("Investor-09", new SubmitQuote(offer, ASK, Units.of("1000.00"))).sourceIndex();
        EventDocument accepted = m.ok("Holder-01", new AcceptQuote(q8));
        assertEquals(List.of(new QuoteAccepted(q8, offer, Side.HOLDER, 1, ASK, Units.of("2000.00")),
                trade(accepted.sourceIndex(), offer, "Investor-08", "2000.00", ASK, true, s.time),
                new OfferClosed(offer, FUND, "Holder-01", OfferClosure.FILLED, Units.ZERO, List.of(q9), List.of())),
                accepted.events());
        m.refused("Investor-09", new AcceptQuote(q9), RejectCode.QUOTE_NOT_OPEN);
        m.refused("Investor-09", new SubmitQuote(offer, ASK, Units.of("1000.00")), RejectCode.OFFER_NOT_OPEN);
    }

    @Test
    void acceptanceRechecksTheBuyersQualification() {
        long offer = offer("Holder-01", OFFERED, Units.of("1000.00")).sourceIndex();
        long quote = m.ok("Investor-08", new SubmitQuote(offer, ASK, Units.of("1000.00"))).sourceIndex();
        m.approved(new SetQualification("Investor-08", QualificationStatus.NOT_QUALIFIED, null));
        m.refused("Holder-01", new AcceptQuote(quote), RejectCode.BUYER_NOT_QUALIFIED);
        m.refused("Holder-01", new SubmitQuote(offer, ASK, Units.of("1000.00")), RejectCode.WRONG_ROLE);
        m.refused("Dual-05", new SubmitQuote(offer, ASK, Units.of("10000.01")), RejectCode.EXCEEDS_OFFER_UNITS);
    }

    @Test
    void staffBrokerAProposalAndIdentitiesAreRevealedOnlyWhenBothAccept() {
        long i8 = intent("Investor-08", "6000.00", 9000);
        long i8b = intent("Investor-08", "3000.00", 9000);
        long offer = offer("Holder-01", OFFERED, Units.of("1000.00")).sourceIndex();
        long match = offer * 4096;      // rank 1: Investor-08's first intent, 5000 units
        long other = offer * 4096 + 1;  // rank 2: its second, 2500 units
        m.refused("Investor-08", new AcceptMatch(match), RejectCode.MATCH_NOT_BROKERED);
        m.refused("Holder-01", new BrokerMatch(match, null, null), RejectCode.WRONG_ROLE);
        assertEquals(List.of(new MatchBrokered(match, offer, i8, FUND, 1, Units.of("5000.00"), ASK, 8000, "Staff-01")),
                m.ok("Staff-01", new BrokerMatch(match, null, null)).events());
        m.refused("Staff-02", new BrokerMatch(match, null, null), RejectCode.MATCH_NOT_PROPOSED);
        m.refused("Investor-09", new AcceptMatch(match), RejectCode.NOT_MATCH_PARTY);
        assertEquals(List.of(new MatchAccepted(match, offer, i8, Side.HOLDER, 1)),
                m.ok("Holder-01", new AcceptMatch(match)).events());
        m.refused("Holder-01", new AcceptMatch(match), RejectCode.MATCH_ALREADY_ACCEPTED);
        EventDocument agreed = m.ok("Investor-08", new AcceptMatch(match));
        assertEquals(List.of(new MatchAccepted(match, offer, i8, Side.INVESTOR, 1),
                new MatchAgreed(match, offer, i8, "Holder-01", "Investor-08"),
                trade(agreed.sourceIndex(), offer, "Investor-08", "5000.00", ASK, true, s.time),
                new IntentClosed(i8, "Investor-08", IntentClosure.FILLED, List.of())), agreed.events());
        m.refused("Staff-02", new BrokerMatch(other, Units.of("5000.01"), null), RejectCode.EXCEEDS_OFFER_UNITS);
        assertEquals(List.of(new MatchBrokered(other, offer, i8b, FUND, 1, Units.of("2000.00"), Price.of("1.1000"), 7333,
                "Staff-02")), m.ok("Staff-02", new BrokerMatch(other, Units.of("2000.00"), Price.of("1.1000"))).events());
        assertEquals(List.of(new MatchDeclined(other, offer, i8b, Side.INVESTOR, 1)),
                m.ok("Investor-08", new DeclineMatch(other)).events());
        m.refused("Holder-01", new AcceptMatch(other), RejectCode.MATCH_NOT_LIVE);
    }

    @Test
    void withdrawingAnOfferUnlocksItsUnitsAndLapsesQuotesAndProposals() {
        long i9 = intent("Investor-09", "6000.00", 9000);
        long offer = offer("Holder-01", OFFERED, Units.of("1000.00")).sourceIndex();
        long quote = m.ok("Investor-08", new SubmitQuote(offer, ASK, Units.of("1000.00"))).sourceIndex();
        m.refused("Dual-05", new WithdrawOffer(offer), RejectCode.NOT_OFFER_HOLDER);
        assertEquals(List.of(new OfferClosed(offer, FUND, "Holder-01", OfferClosure.WITHDRAWN, OFFERED, List.of(quote),
                List.of(offer * 4096))), m.ok("Holder-01", new WithdrawOffer(offer)).events());
        assertEquals(Units.ZERO, position("Holder-01").locked());
        assertEquals(List.of(new IntentClosed(i9, "Investor-09", IntentClosure.CANCELLED, List.of())),
                m.ok("Investor-09", new CancelIntent(i9)).events());
        m.refused("Investor-09", new CancelIntent(i9), RejectCode.INTENT_NOT_OPEN);
    }

    @Test
    void offersAndIntentsExpireByTheClock() {
        long intentId = m.ok("Investor-07", new PostIntent(List.of(FUND), null, Money.ZERO, Money.of("6000.00"), 9000,
                s.time + 60_000)).sourceIndex();
        long offer = m.ok("Holder-01", new PostOffer(FUND, OFFERED, Units.of("1000.00"), ASK, OfferVisibility.PUBLIC_TEASER,
                s.time + 120_000)).sourceIndex();
        assertEquals(s.time + 60_000, s.engine.nextDeadline());
        s.time += 60_000;
        assertEquals(List.of(new IntentClosed(intentId, "Investor-07", IntentClosure.EXPIRED, List.of(offer * 4096))),
                Market.accepted(s.unsigned(new Tick()).last).events());
        s.time += 60_000;
        assertEquals(List.of(new OfferClosed(offer, FUND, "Holder-01", OfferClosure.EXPIRED, OFFERED, List.of(), List.of())),
                Market.accepted(s.unsigned(new Tick()).last).events());
        assertEquals(Long.MAX_VALUE, s.engine.nextDeadline());
    }

    @Test
    void amendingAnIntentLapsesItsProposalsRanksItAnewAndMatchesAgain() {
        long offer = offer("Holder-01", OFFERED, Units.of("1000.00")).sourceIndex();
        long intentId = intent("Investor-07", "6000.00", 9000);
        EventDocument amended = m.ok("Investor-07", new AmendIntent(intentId, List.of(FUND), null, Money.ZERO,
                Money.of("2400.00"), 8000, 0));
        long index = amended.sourceIndex();
        assertEquals(List.of(new IntentAmended(intentId, "Investor-07", List.of(FUND), null, Money.ZERO, Money.of("2400.00"),
                8000, 0, List.of(intentId * 4096)), proposed(index, 1, offer, intentId, "2000.00", 0)), amended.events());
        m.refused("Investor-08", new AmendIntent(intentId, List.of(FUND), null, Money.ZERO, Money.of("1.00"), 8000, 0),
                RejectCode.NOT_INTENT_INVESTOR);
    }

    @Test
    void anIntentMatchingAnOpenAuctionNotifiesItsInvestorEitherWayAtTheStartingPriceNeverTheReserve() {
        long before = intent("Investor-07", "2000.00", 9000);
        long listing = m.ok("Holder-01", new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"),
                ASK, Price.of("1.4000"), Price.of("0.0500"), s.time, s.time + 3_600_000, null, null, false, null))
                .sourceIndex();
        assertEquals(List.of(new ListingOpened(listing),
                new IntentMatchedListing(before, "Investor-07", listing, FUND, 1, ASK, 8000)),
                m.ok("Staff-02", new ApproveListing(listing)).events());
        EventDocument after = m.ok("Investor-08", new PostIntent(null,
                new IntentCriteria(List.of(), 2019, 2019, null, null, null), Money.ZERO, Money.of("1200.00"), 8000, 0));
        assertEquals(List.of(after.events().getFirst(),
                new IntentMatchedListing(after.sourceIndex(), "Investor-08", listing, FUND, 1, ASK, 8000)), after.events());
    }

    @Test
    void aJournalOfRulesVersionTwoStillOffersAnEnglishAuctionToIntentsAtItsReserveSoItReplaysAsWritten() {
        m = new Market(2).participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "20000.00", "20000.00");
        s = m.s;
        long before = intent("Investor-07", "2000.00", 9000);
        long listing = m.ok("Holder-01", new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"),
                Price.of("1.0000"), Price.of("1.1000"), Price.of("0.0500"), s.time, s.time + 3_600_000, null, null, false,
                null)).sourceIndex();
        assertEquals(List.of(new ListingOpened(listing),
                new IntentMatchedListing(before, "Investor-07", listing, FUND, 1, Price.of("1.1000"), 7333)),
                m.ok("Staff-02", new ApproveListing(listing)).events());
    }

    @Test
    void aDutchAuctionIsOfferedToIntentsAtItsClockPriceNeverItsFloor() {
        long before = intent("Investor-07", "2000.00", 9000);
        long listing = m.ok("Holder-01", new ListAuction(FUND, ListingMechanism.DUTCH, Units.of("1000.00"),
                Price.of("1.3000"), Price.of("1.0000"), Price.of("0.0500"), s.time, s.time + 3_600_000, null, null, false,
                60_000L)).sourceIndex();
        assertEquals(List.of(new ListingOpened(listing),
                new IntentMatchedListing(before, "Investor-07", listing, FUND, 1, Price.of("1.3000"), 8667)),
                m.ok("Staff-02", new ApproveListing(listing)).events());
        s.time += 4 * 60_000 + 1;
        EventDocument after = m.ok("Investor-08", new PostIntent(List.of(FUND), null, Money.ZERO, Money.of("1200.00"),
                8000, 0));
        assertEquals(List.of(after.events().getFirst(),
                new IntentMatchedListing(after.sourceIndex(), "Investor-08", listing, FUND, 1, Price.of("1.1000"), 7333)),
                after.events());
    }

    @Test
    void theScanLimitBoundsTheWorkOfOneCommand() {
        m.approved(new SetPlatformParameter("match-scan-limit", "100"));
        m.approved(new SetPlatformParameter("match-top-k", "2"));
        for (int i = 0; i < 120; i++) {
            m.ok("Investor-07", new PostIntent(List.of(FUND), null, Money.of("100000.00"), Money.of("200000.00"), 9000, 0));
        }
        long last = intent("Investor-08", "6000.00", 8000);
        EventDocument posted = offer("Holder-01", OFFERED, Units.of("1000.00"));
        long index = posted.sourceIndex();
        List<Event> expected = List.of(posted.events().getFirst(), new MatchScanLimited(index, 100));
        assertEquals(expected, posted.events(), "the 120 dearer intents want more than the offer holds; the walk stops at 100");
        m.approved(new SetPlatformParameter("match-scan-limit", "1000"));
        EventDocument again = offer("Holder-01", Units.of("5000.00"), Units.of("1000.00"));
        assertEquals(List.of(again.events().getFirst(), proposed(again.sourceIndex(), 1, again.sourceIndex(), last, "5000.00", 0)),
                again.events());
    }
}
