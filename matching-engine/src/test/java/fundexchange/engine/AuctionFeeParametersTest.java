package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.FeeSchedule;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The auction mechanisms' fee parameters ({@code fee-english-*}, {@code fee-sealed-*}, {@code fee-dutch-*}) through
 * {@code SetPlatformParameter}: unknown before the settlement fees (rules version 8), set by maker-checker from it;
 * and the rule that a mechanism outside a version's rules ({@code AuctionMechanism.inRules}) has none there, which
 * {@link FeeParametersOfVersion} tells the gateway's parameters read.
 */
class AuctionFeeParametersTest {
    private static final long PROPOSAL_EXPIRY_MS = 7 * 24 * 3_600_000L;
    private static final List<SetPlatformParameter> AUCTION_FEES = List.of(
            new SetPlatformParameter("fee-english-buyer-bps", "20"),
            new SetPlatformParameter("fee-sealed-seller-bps", "30"),
            new SetPlatformParameter("fee-dutch-minimum", "50.00"));

    /** Staff-01 proposes {@code parameter} and Staff-02 approves it; the whole event sequence of both is asserted. */
    private static void set(Market m, SetPlatformParameter parameter) {
        EventDocument proposal = m.ok("Staff-01", new Propose(parameter));
        assertEquals(List.of(new ProposalCreated(proposal.sourceIndex(), "Staff-01", parameter,
                m.s.time + PROPOSAL_EXPIRY_MS)), proposal.events());
        EventDocument approval = m.ok("Staff-02", new ApproveProposal(proposal.sourceIndex()));
        assertEquals(List.of(new ProposalApproved(proposal.sourceIndex(), "Staff-02"),
                new PlatformParameterSet(parameter.name(), parameter.value())), approval.events());
    }

    private static void setsEveryAuctionMechanismsFeeParameter(int rulesVersion) {
        Market m = new Market(rulesVersion);
        AUCTION_FEES.forEach(parameter -> set(m, parameter));
        var parameters = m.s.engine.state().parameters;
        assertEquals(new FeeSchedule.Rate(20, 10, Money.of("100.00"), Money.of("50000.00")), parameters.fee("english"));
        assertEquals(new FeeSchedule.Rate(10, 30, Money.of("100.00"), Money.of("50000.00")), parameters.fee("sealed"));
        assertEquals(new FeeSchedule.Rate(10, 10, Money.of("50.00"), Money.of("50000.00")), parameters.fee("dutch"));
        m.replayCheckingInvariants();
    }

    @Test
    void aVersionEightJournalSetsEveryAuctionMechanismsFeeParameterByMakerChecker() {
        setsEveryAuctionMechanismsFeeParameter(RulesVersion.SETTLEMENT_FEES);
    }

    @Test
    void aCurrentJournalSetsEveryAuctionMechanismsFeeParameterByMakerChecker() {
        setsEveryAuctionMechanismsFeeParameter(RulesVersion.CURRENT);
    }

    @Test
    void aVersionSevenJournalRefusesEveryAuctionMechanismsFeeParameterAsUnknownAsBefore() {
        Market m = new Market(7);
        for (SetPlatformParameter parameter : AUCTION_FEES) {
            EventDocument proposal = m.s.by("Staff-01", new Propose(parameter));
            assertEquals(Outcome.rejected(RejectCode.INVALID_PARAMETER.code(), RejectCode.INVALID_PARAMETER.name(),
                    "unknown platform parameter " + parameter.name()), proposal.outcome());
            assertEquals(List.of(), proposal.events());
        }
        assertEquals(new FeeSchedule.Rate(10, 10, Money.of("100.00"), Money.of("50000.00")),
                m.s.engine.state().parameters.fee("dutch"));
        m.replayCheckingInvariants();
    }

    /** A mechanism that is in the rules only from version 11 (as a new one would say), the others in every version. */
    private static final BiPredicate<ListingMechanism, Integer> DUTCH_FROM_ELEVEN =
            (mechanism, version) -> mechanism != ListingMechanism.DUTCH || version >= 11;

    @Test
    void aFeeParameterOfAMechanismOutsideTheVersionsRulesIsRefusedAsUnknownAndSetFromItsVersion() {
        for (String name : List.of("fee-dutch-buyer-bps", "fee-dutch-seller-bps", "fee-dutch-minimum",
                "fee-dutch-maximum")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> AuctionMechanism.requireFeeParameterOfVersion(10, name, DUTCH_FROM_ELEVEN));
            assertEquals("unknown platform parameter " + name, refused.getMessage());
            AuctionMechanism.requireFeeParameterOfVersion(11, name, DUTCH_FROM_ELEVEN);
        }
        AuctionMechanism.requireFeeParameterOfVersion(10, "fee-english-minimum", DUTCH_FROM_ELEVEN);
        AuctionMechanism.requireFeeParameterOfVersion(10, "fee-sealed-maximum", DUTCH_FROM_ELEVEN);
    }

    @Test
    void theBooksAndOffersFeeParametersAndOtherParametersAreNeverAskedAbout() {
        BiPredicate<ListingMechanism, Integer> never = (mechanism, version) -> {
            throw new AssertionError("asked about " + mechanism);
        };
        for (String name : List.of("fee-book-minimum", "fee-book-buyer-bps", "fee-offer-seller-bps",
                "fee-offer-maximum", "bid-deposit-bp", "market-data-k", "fee-dutch-bogus")) {
            AuctionMechanism.requireFeeParameterOfVersion(RulesVersion.CURRENT, name, never);
        }
    }

    /** What a read outside the engine asks (GET /parameters): the clock's fees exist from its version on. */
    @Test
    void aMechanismsFeeParametersAreKnownOnlyToAVersionWhoseRulesHoldIt() {
        for (String rate : List.of("buyer-bps", "seller-bps", "minimum", "maximum")) {
            assertEquals(false, FeeParametersOfVersion.known(RulesVersion.MECHANISM_TERMS, "fee-clock-" + rate));
            assertEquals(true, FeeParametersOfVersion.known(RulesVersion.CLOCK_AUCTION, "fee-clock-" + rate));
            assertEquals(true, FeeParametersOfVersion.known(RulesVersion.MECHANISM_TERMS, "fee-dutch-" + rate));
            assertEquals(true, FeeParametersOfVersion.known(RulesVersion.MECHANISM_TERMS, "fee-book-" + rate));
        }
        assertEquals(true, FeeParametersOfVersion.known(RulesVersion.MECHANISM_TERMS, "zone"));
    }

    @Test
    void aNegotiatedListingsFeeParametersPassUnderEveryVersionAsItIsNoAuction() {
        for (int version = RulesVersion.OLDEST_DECIDED; version <= RulesVersion.CURRENT; version++) {
            AuctionMechanism.requireFeeParameterOfVersion(version, "fee-negotiated-minimum");
        }
    }
}
