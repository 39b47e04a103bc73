package fundexchange.gateway.view;

import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionClosed.ClosedBid;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.protocol.listing.ClockTerms.ClockBid;
import fundexchange.protocol.listing.ClockTerms.ClockListing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who sees what of auction documents in the feeds (CONTRACTS.md 12). */
class FeedShaperTest {
    private static final String SELLER = "Holder-01";
    private static final String ALICE = "Investor-07";
    private static final String BOB = "Investor-08";
    private static final Units LOT = Units.of("1000.00");
    private final FeedStore feeds = new FeedStore();
    private final FeedShaper shaper = new FeedShaper();
    private long index;

    private void doc(String participant, Event... events) {
        index++;
        shaper.shape(new EventDocument(1, index, 1_795_000_000_000L + index, participant,
                participant == null ? null : "req-" + index, Outcome.ACCEPTED, List.of(events)), feeds::add);
    }

    private String feed(String viewer) {
        return JournalCodec.mapper().valueToTree(feeds.read(viewer, 0, 1000)).toString();
    }

    private String feedUpTo(String viewer, long lastIndex) {
        return JournalCodec.mapper().valueToTree(feeds.read(viewer, 0, 1000).stream()
                .filter(entry -> entry.sourceIndex() <= lastIndex).toList()).toString();
    }

    private long auction(ListingMechanism mechanism) {
        AuctionTerms terms = new AuctionTerms(Price.of("1.0000"), Price.of("1.0000"),
                mechanism == ListingMechanism.ENGLISH ? Price.of("0.0500") : null, 0, 1_795_000_100_000L, 0, 0, false, null);
        doc(SELLER, new ListingSubmitted(index + 1, "DGF3", SELLER, null, LOT, Price.of("1.0000"), 0, mechanism, terms,
                RofrStatus.NOT_APPLICABLE));
        long listing = index;
        doc("Staff-01", new ListingOpened(listing));
        return listing;
    }

    private static TradeExecuted trade(long listing, String buyer, String price) {
        return new TradeExecuted(listing * 4096, listing, "DGF3", SELLER, buyer, LOT, Price.of(price),
                Money.of("1400.00"), 9333, Multiple.of("1.4000"), true, 0);
    }

    private static final String NONCE_A = "a1".repeat(32);
    private static final String NONCE_B = "b2".repeat(32);
    private static final String NONCE_C = "c3".repeat(32);

    private static SealedBidPlaced sealedBid(long listing, long bidId, String bidder, int pseudonym, String price, String nonce) {
        return new SealedBidPlaced(listing, bidId, bidder, pseudonym, Price.of(price), nonce, SealedCommitment.of(nonce, Price.of(price)));
    }

    @Test
    void sealedBidPricesReachOnlyTheirBiddersUntilTheCloseRevealsThemByPseudonym() {
        long listing = auction(ListingMechanism.SEALED);
        doc(ALICE, sealedBid(listing, index + 1, ALICE, 1, "1.2000", NONCE_A));
        long aliceFirst = index;
        doc(BOB, sealedBid(listing, index + 1, BOB, 2, "1.3000", NONCE_B));
        doc(ALICE, new BidCancelled(listing, aliceFirst, ALICE, 1), sealedBid(listing, index + 1, ALICE, 1, "1.4000", NONCE_C));
        long beforeClose = index;
        long aliceSecond = index;

        for (String viewer : List.of(FeedStore.EVERYTHING, SELLER)) {
            String seen = feedUpTo(viewer, beforeClose);
            assertTrue(seen.contains("SealedBidPlaced"), seen);
            for (String secret : List.of("1.2000", "1.3000", "1.4000", NONCE_A, NONCE_B, NONCE_C)) {
                assertFalse(seen.contains(secret), viewer + " sees a sealed price or nonce before the close: " + seen);
            }
            assertTrue(seen.contains(SealedCommitment.of(NONCE_B, Price.of("1.3000"))), "the commitment is shown: " + seen);
        }
        assertTrue(feedUpTo(FeedStore.EVERYTHING, beforeClose).contains(ALICE), "staff see who bid, not how much");
        assertFalse(feedUpTo(SELLER, beforeClose).contains(ALICE), "the seller sees pseudonyms");
        assertTrue(feedUpTo(SELLER, beforeClose).contains("\"bidder\":\"P2\""), feedUpTo(SELLER, beforeClose));
        String alice = feedUpTo(ALICE, beforeClose);
        assertTrue(alice.contains("1.2000") && alice.contains("1.4000"), "a bidder sees its own prices: " + alice);
        assertFalse(alice.contains("1.3000") || alice.contains(BOB), alice);
        assertFalse(feedUpTo(BOB, beforeClose).contains(ALICE), "other bidders hear nothing of a sealed bid");

        doc(null, new AuctionClosed(listing, ListingMechanism.SEALED, List.of(
                new ClosedBid(aliceSecond, ALICE, 1, Price.of("1.4000"), BidStatus.WON, null, null, NONCE_C),
                new ClosedBid(index - 1, BOB, 2, Price.of("1.3000"), BidStatus.LOST, null, null, NONCE_B)),
                aliceSecond, Price.of("1.4000")), trade(listing, ALICE, "1.4000"));

        assertTrue(feed(FeedStore.EVERYTHING).contains("1.3000"), "the close reveals every bid to staff");
        String seller = feed(SELLER);
        assertTrue(seller.contains("1.3000") && seller.contains("\"bidder\":\"P2\""), seller);
        assertFalse(seller.contains(BOB), "a losing bidder stays anonymous to the seller: " + seller);
        assertTrue(seller.contains(ALICE), "the trade reveals the winner to the seller");
        String bob = feed(BOB);
        assertTrue(bob.contains("AuctionClosed") && bob.contains("1.4000") && bob.contains("\"bidder\":\"P1\""), bob);
        assertFalse(bob.contains(ALICE) || bob.contains(SELLER), "the loser learns the result, not the identities: " + bob);
        assertTrue(feed(ALICE).contains("TradeExecuted") && feed(ALICE).contains(SELLER));
    }

    @Test
    void englishBidsReachTheSellerAndTheOtherBiddersByPseudonymAndAnExpiryReachesEveryBidder() {
        long listing = auction(ListingMechanism.ENGLISH);
        doc(ALICE, new BidPlaced(listing, index + 1, ALICE, 1, Price.of("1.0000"), 1_795_000_100_000L, false));
        doc(BOB, new BidPlaced(listing, index + 1, BOB, 2, Price.of("1.0500"), 1_795_000_100_000L, false));
        doc(ALICE, new BidPlaced(listing, index + 1, ALICE, 1, Price.of("1.1000"), 1_795_000_200_000L, true));

        String bob = feed(BOB);
        assertTrue(bob.contains("1.1000") && bob.contains("\"bidder\":\"P1\""), "Bob sees Alice outbid him: " + bob);
        assertFalse(bob.contains(ALICE) || bob.contains(SELLER), bob);
        String alice = feed(ALICE);
        assertTrue(alice.contains("1.0500") && !alice.contains(BOB), alice);
        assertFalse(alice.contains("\"bidder\":\"P1\""), "a bidder sees its own bids under its own id: " + alice);
        assertTrue(feed(SELLER).contains("\"bidder\":\"P2\"") && !feed(SELLER).contains(BOB));

        doc(null, new AuctionClosed(listing, ListingMechanism.ENGLISH, List.of(
                new ClosedBid(index, ALICE, 1, Price.of("1.1000"), BidStatus.PASSED_OVER, 4005, ALICE + " is not a qualified investor", null),
                new ClosedBid(index - 1, BOB, 2, Price.of("1.0500"), BidStatus.PASSED_OVER, 4005, BOB + " is not a qualified investor", null)),
                0, null), new ListingExpired(listing, LOT));
        assertTrue(feed(ALICE).contains("ListingExpired") && feed(BOB).contains("ListingExpired"));
        assertTrue(feed(ALICE).contains(ALICE + " is not a qualified investor"), "a bidder sees why its own bid was passed over");
        assertFalse(feed(ALICE).contains(BOB), "but not another's reason, which names them: " + feed(ALICE));
        assertFalse(feed(SELLER).contains(ALICE) || feed(SELLER).contains(BOB), feed(SELLER));
    }

    /**
     * Mechanism terms (rules version 11; test-built events, as no released mechanism takes any yet): the seller's own
     * listing shows its terms to the seller only; a bid's terms reach its bidder and oversight whole, the seller and a
     * rival only as the policy shows them to the market: a clock bid's type, never its round (not market-visible).
     */
    @Test
    void aBidsMechanismTermsReachItsBidderAndOversightWholeAndTheSellerAndARivalAsTheMarket() {
        doc(SELLER, new ListingSubmitted(index + 1, "DGF3", SELLER, null, LOT, Price.of("1.0000"), 0,
                ListingMechanism.ENGLISH, null, RofrStatus.NOT_APPLICABLE, null,
                new ClockListing(Price.of("0.0100"), 60_000)));
        long listing = index;
        doc("Staff-01", new ListingOpened(listing));
        doc(ALICE, new BidPlaced(listing, index + 1, ALICE, 1, Price.of("1.0000"), 1_795_000_100_000L, false,
                new ClockBid(3)));
        doc(BOB, new BidPlaced(listing, index + 1, BOB, 2, Price.of("1.0500"), 1_795_000_100_000L, false,
                new ClockBid(4)));

        String clockListing = "\"terms\":{\"increment\":\"0.0100\",\"roundMs\":60000,\"type\":\"ClockListing\"}";
        String seller = feed(SELLER);
        assertTrue(seller.contains(clockListing), seller);
        assertTrue(seller.contains("\"bidder\":\"P1\"") && seller.contains("\"bidder\":\"P2\""), seller);
        assertTrue(seller.contains("\"terms\":{\"type\":\"ClockBid\"}"), seller);
        assertFalse(seller.contains("\"round\""), "the seller does not see a bid's round: " + seller);
        String alice = feed(ALICE);
        assertTrue(alice.contains("\"terms\":{\"round\":3,\"type\":\"ClockBid\"}"), alice);
        assertTrue(alice.contains("1.0500") && alice.contains("\"bidder\":\"P2\"") && alice.contains(
                "\"bidder\":\"P2\",\"endsAt\":1795000100000,\"extended\":false,\"listingId\":" + listing
                + ",\"price\":\"1.0500\",\"pseudonym\":2,\"terms\":{\"type\":\"ClockBid\"}"),
                "Alice sees Bob's bid and its terms' type: " + alice);
        assertFalse(alice.contains("\"round\":4") || alice.contains("ClockListing"), alice);
        String bob = feed(BOB);
        assertTrue(bob.contains("\"terms\":{\"round\":4,\"type\":\"ClockBid\"}"), bob);
        assertFalse(bob.contains("\"round\":3") || bob.contains("ClockListing"), bob);
        String oversight = feed(FeedStore.EVERYTHING);
        assertTrue(oversight.contains(clockListing) && oversight.contains("\"round\":3")
                && oversight.contains("\"round\":4"), oversight);
    }

    /** A listing that trades per acceptance keeps its deposit and terms, with the units left, after a partial trade. */
    @Test
    void aPartlySoldListingIsKeptWithItsDepositAndTerms() {
        ListingSubmitted submitted = new ListingSubmitted(index + 1, "DGF3", SELLER, null, LOT, Price.of("1.2000"), 0,
                ListingMechanism.DUTCH, null, RofrStatus.NOT_APPLICABLE, Money.of("50.00"),
                new ClockListing(Price.of("0.0100"), 60_000));
        doc(SELLER, submitted);
        long listing = index;
        doc("Staff-01", new ListingOpened(listing));
        doc(ALICE, new TradeExecuted(listing * 4096, listing, "DGF3", SELLER, ALICE, Units.of("400.00"),
                Price.of("1.1000"), Money.of("440.00"), 9333, Multiple.of("1.1000"), true, 0));

        assertEquals(Optional.of(submitted.withUnits(Units.of("600.00"))), shaper.kept(listing));
        assertEquals(new ClockListing(Price.of("0.0100"), 60_000), shaper.kept(listing).orElseThrow().terms());
        assertEquals(Money.of("50.00"), shaper.kept(listing).orElseThrow().deposit());
    }

    @Test
    void aStateOwnedListingsDisclosureAndResultReachEveryParticipantWhileItsAppraisalReachesOnlyItsHolder() {
        for (String participant : List.of(SELLER, ALICE, BOB)) {
            doc("Staff-01", new fundexchange.protocol.event.ParticipantRegistered(participant, participant,
                    fundexchange.protocol.reference.ParticipantType.INSTITUTION,
                    List.of(fundexchange.protocol.reference.Role.INVESTOR), true));
        }
        doc(SELLER, new fundexchange.protocol.event.AppraisalRegistered(index + 1, "DGF3", SELLER, Money.of("1200.00"), LOT,
                Price.of("1.2000"), "SASAC-F-1", "2027-06-30"));
        long appraisal = index;
        long listing = auction(ListingMechanism.ENGLISH);
        doc("Staff-01", new fundexchange.protocol.event.DisclosureOpened(listing, "DGF3", appraisal, ListingMechanism.ENGLISH,
                LOT, Price.of("1.2000"), Price.of("1.2000"), 1L, 2L, 3L));
        doc(null, new fundexchange.protocol.event.ResultAnnounced(listing, listing * 4096, "DGF3", ListingMechanism.ENGLISH,
                LOT, Price.of("1.3000"), Money.of("1300.00"), Price.of("1.2000")));

        for (String viewer : List.of(SELLER, ALICE, BOB, FeedStore.EVERYTHING)) {
            String seen = feed(viewer);
            assertTrue(seen.contains("DisclosureOpened") && seen.contains("ResultAnnounced"), viewer + ": " + seen);
        }
        assertTrue(feed(SELLER).contains("SASAC-F-1"));
        for (String other : List.of(ALICE, BOB)) {
            String seen = feed(other);
            assertFalse(seen.contains("AppraisalRegistered") || seen.contains(SELLER), other + ": " + seen);
        }
    }

    @Test
    void auctionsWithoutBuyerEndWithoutFailingTheView() {
        long withdrawn = auction(ListingMechanism.ENGLISH);
        doc(SELLER, new ListingWithdrawn(withdrawn, LOT));
        long expired = auction(ListingMechanism.SEALED);
        doc(null, new AuctionClosed(expired, ListingMechanism.SEALED, List.of(), 0, null), new ListingExpired(expired, LOT));
        assertTrue(feed(SELLER).contains("ListingWithdrawn") && feed(SELLER).contains("ListingExpired"), feed(SELLER));
    }

    @Test
    void anExercisedRightOfFirstRefusalTellsTheSellerTheDecisionButNotWhoExercisedIt() {
        AuctionTerms terms = new AuctionTerms(Price.of("1.0000"), Price.of("1.0000"), null, 0, 1_795_000_100_000L, 0, 0, false, null);
        doc(SELLER, new ListingSubmitted(1, "DGF3", SELLER, null, LOT, Price.of("1.0000"), 0, ListingMechanism.SEALED,
                terms, RofrStatus.PENDING));
        doc("Staff-01", new RofrCleared(1, ClearRofr.RofrDecision.EXERCISED, List.of("Holder-02"), "Holder-03", "Staff-01"),
                new ListingCancelled(1, LOT, 4020, "right of first refusal exercised by Holder-03"));
        String seller = feed(SELLER);
        assertTrue(seller.contains("EXERCISED") && seller.contains("ListingCancelled"), seller);
        assertFalse(seller.contains("Holder-02") || seller.contains("Holder-03") || seller.contains("Staff-01"), seller);
        Map<String, Object> cancelled = feeds.read(SELLER, 0, 1000).getLast().data();
        assertEquals(4020, cancelled.get("rejectCode"));
    }

    @Test
    void anAuctionsMatchStageTellsTheWinnerAndTheHoldersAskedButNeverNamesOneToTheOther() {
        long listing = auction(ListingMechanism.ENGLISH);
        doc(ALICE, new BidPlaced(listing, index + 1, ALICE, 1, Price.of("1.1000"), 1_795_000_100_000L, false));
        long bid = index;
        doc(BOB, new BidPlaced(listing, index + 1, BOB, 2, Price.of("1.0500"), 1_795_000_100_000L, false));
        doc(null, new AuctionClosed(listing, ListingMechanism.ENGLISH, List.of(
                        new ClosedBid(bid, ALICE, 1, Price.of("1.1000"), BidStatus.WON, null, null, null),
                        new ClosedBid(index, BOB, 2, Price.of("1.0500"), BidStatus.LOST, null, null, null)), bid, Price.of("1.1000")),
                new AuctionAwardedConditionally(listing, "DGF3", SELLER, ALICE, bid, LOT, Price.of("1.1000"), "Manager-01",
                        PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA,
                        List.of(new TransferNoticeIssued.NoticeHolder("Holder-02", Units.of("3000.00"))), 1_797_000_000_000L));
        doc("Holder-02", new TransferNoticeAnswered(listing, "Holder-02", NoticeAnswer.EXERCISE, Units.of("400.00"), null));
        doc("Manager-01", new TransferNoticeAnswered(listing, "Manager-01", NoticeAnswer.WAIVE, null, null),
                new AuctionMatchResolved(listing, List.of(new Allocation("Holder-02", Units.of("400.00"), Units.of("400.00"), 0)),
                        List.of(), ALICE, Units.of("600.00")));

        String holder = feed("Holder-02");
        assertTrue(holder.contains("AuctionAwardedConditionally") && holder.contains(SELLER) && holder.contains("1.1000")
                && holder.contains("AuctionMatchResolved"), holder);
        assertFalse(holder.contains(ALICE), "a holder asked to match is never told the winner: " + holder);
        String manager = feed("Manager-01");
        assertTrue(manager.contains("AuctionAwardedConditionally"), manager);
        assertFalse(manager.contains(ALICE) || manager.contains("Holder-02"), manager);
        String winner = feed(ALICE);
        assertTrue(winner.contains("AuctionAwardedConditionally") && winner.contains("\"winnerUnits\":\"600.00\""), winner);
        assertFalse(winner.contains("Holder-02") || winner.contains("Manager-01") || winner.contains(SELLER), winner);
        String seller = feed(SELLER);
        assertTrue(seller.contains("AuctionAwardedConditionally") && seller.contains("\"holder\":\"Holder-02\""), seller);
        assertFalse(feedUpTo(SELLER, index - 2).contains(ALICE) || feedUpTo(SELLER, index - 2).contains("Holder-02"),
                "before the matches trade the seller knows neither the winner nor the holders asked");
        assertFalse(feed(BOB).contains("AuctionAwardedConditionally") || feed(BOB).contains("AuctionMatchResolved"), feed(BOB));
        // Holder-03, not asked to match, has a feed of its own (its answer on another listing's notice) without the match.
        doc("Holder-03", new TransferNoticeAnswered(listing + 100, "Holder-03", NoticeAnswer.WAIVE, null, null));
        String other = feed("Holder-03");
        assertTrue(other.contains("TransferNoticeAnswered") && !other.contains("Auction"), other);
    }

    /**
     * The holder's feed carries its investors' openings of its data room (the access log names them), not those of
     * staff and regulators, which stay in the oversight feed (docs/rules.md, Data room).
     */
    @Test
    void theHolderHearsOfItsInvestorsOpeningsNotOfOversights() {
        for (String participant : List.of("Regulator-01", ALICE)) {
            doc("Staff-01", new fundexchange.protocol.event.ParticipantRegistered(participant, participant,
                    fundexchange.protocol.reference.ParticipantType.INSTITUTION,
                    List.of(participant.startsWith("Regulator") ? fundexchange.protocol.reference.Role.REGULATOR
                            : fundexchange.protocol.reference.Role.INVESTOR), false));
        }
        String digest = "d".repeat(64);
        doc("Regulator-01", new fundexchange.protocol.event.DocumentOpened(77, 70, "Regulator-01", digest, SELLER));
        long byRegulator = index;
        doc(ALICE, new fundexchange.protocol.event.DocumentOpened(77, 70, ALICE, digest, SELLER));
        long byInvestor = index;
        List<Long> heard = feeds.read(SELLER, 0, 1000).stream().map(FeedEntry::sourceIndex).toList();
        assertEquals(List.of(byInvestor), heard, "the holder hears of its investor's opening only");
        List<Long> oversight = feeds.read(FeedStore.EVERYTHING, 0, 1000).stream().map(FeedEntry::sourceIndex)
                .filter(i -> i == byRegulator || i == byInvestor).distinct().toList();
        assertEquals(List.of(byRegulator, byInvestor), oversight);
        assertTrue(feed("Regulator-01").contains("DocumentOpened"), "the regulator's own feed has its opening");
    }
}
