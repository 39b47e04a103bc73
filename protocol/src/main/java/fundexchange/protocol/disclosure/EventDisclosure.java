package fundexchange.protocol.disclosure;

import fundexchange.protocol.disclosure.Shown.Pseudonym;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionClosed.ClosedBid;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.FundDocumentRegistered;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.event.CashEvent;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.MatchScanLimited;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.QuoteAccepted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.AppraisalRegistered;
import fundexchange.protocol.event.DisclosureOpened;
import fundexchange.protocol.event.ReserveApprovalRecorded;
import fundexchange.protocol.event.ResultAnnounced;
import fundexchange.protocol.event.StateOwnedEvent;
import fundexchange.protocol.event.StateOwnedSet;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The event half of {@link DisclosurePolicy}: one exhaustive switch per question, no default branch. */
final class EventDisclosure {
    private static final Disclosure WHOLE = Disclosure.WHOLE;
    private static final Disclosure WITHHELD = Disclosure.WITHHELD;

    private EventDisclosure() {
    }

    /** What a party (not oversight) standing in {@code relation} to the event's subject sees of it. */
    static Disclosure toParty(Viewer viewer, Relation relation, Event event) {
        if (event instanceof StateOwnedEvent stateOwned) {
            return stateOwned(relation, stateOwned);
        }
        if (relation == Relation.NONE) {
            return WITHHELD;
        }
        boolean self = relation == Relation.SELF;
        boolean counterparty = relation == Relation.COUNTERPARTY;
        boolean party = self || counterparty;
        return switch (event) {
            case ExchangeKeyRegistered e -> WITHHELD;
            case ParticipantRegistered e -> only(self);
            case ParticipantApproved e -> only(self);
            case ParticipantSuspended e -> only(self);
            case ParticipantReinstated e -> only(self);
            case QualificationSet e -> only(self);
            case KeyRegistered e -> only(self);
            case KeyRevoked e -> only(self);
            case ProposalCreated e -> WITHHELD;
            case ProposalApproved e -> WITHHELD;
            case ProposalExpired e -> WITHHELD;
            case PlatformParameterSet e -> WITHHELD;
            case FundRegistered e -> WITHHELD;
            case TransferTermsSet e -> WITHHELD;
            case fundexchange.protocol.event.MarketDataConsentSet e -> only(self);
            case NavUpdated e -> WITHHELD;
            case HolidaysSet e -> WITHHELD;
            case CheckpointRecorded e -> WITHHELD;
            case UnitsDeposited e -> only(self);
            // Only the seller, so its mechanism terms (rules version 11) with it.
            case ListingSubmitted e -> only(self);
            case ListingOpened e -> self ? WHOLE
                    : counterparty ? shaped("seller", Pseudonym.of(1), "buyer", Pseudonym.of(2)) : WITHHELD;
            case ListingExpired e -> only(party);
            case ListingDeclined e -> only(party);
            case ListingWithdrawn e -> only(party);
            case ListingCancelled e -> !party ? WITHHELD
                    : self && e.rejectCode() != RejectCode.ROFR_NOT_CLEARED.code() ? WHOLE
                    : shaped("reason", Shown.HIDDEN);
            case RofrCleared e -> self
                    ? shaped("waivedBy", Shown.HIDDEN, "exercisedBy", Shown.HIDDEN, "recordedBy", Shown.HIDDEN)
                    : WITHHELD;
            // CONTRACTS.md 12's exception: the notice names the transferor and the terms to those holding the right;
            // the seller and the manager (who decides the consent) also see the buyer; who else it went to stays with
            // oversight.
            case TransferNoticeIssued e -> self ? shaped("holders", Shown.HIDDEN)
                    : counterparty ? shaped("holders", Shown.HIDDEN, "buyer", Shown.HIDDEN) : WITHHELD;
            case TransferNoticeAnswered e -> only(self);
            // The seller and the manager see the allotments that trade; a holder only its own line (an exercise refused
            // or allotted nothing names a holder who never becomes a party).
            case TransferNoticeResolved e -> party ? shaped("silent", Shown.HIDDEN, "allocations", new Shown.Rows(
                    e.allocations().stream().map(line -> self && line.allocated() != null && line.allocated().positive() ? WHOLE
                            : ownLine(viewer, line.holder())).toList()))
                    : WITHHELD;
            // The match stage (rules version 6): the seller (SELF) is not told the winner nor the holders; the winner
            // (COUNTERPARTY) is not told the seller, the manager nor the holders; a holder of the right (COUNTERPARTY)
            // learns the seller and the clearing price (CONTRACTS.md 12's exception), never the winner.
            case AuctionAwardedConditionally e -> self ? shaped("winner", Shown.HIDDEN, "holders", Shown.HIDDEN)
                    : !counterparty ? WITHHELD
                    : viewer.is(e.winner()) ? shaped("seller", Shown.HIDDEN, "manager", Shown.HIDDEN, "holders", Shown.HIDDEN)
                    : shaped("winner", Shown.HIDDEN, "winningBidId", Shown.HIDDEN, "holders", Shown.HIDDEN);
            // The seller sees the matches that trade and the winner when it buys; the winner only its own units; a
            // holder only its own line.
            case AuctionMatchResolved e -> self ? shaped("silent", Shown.HIDDEN, "winner",
                    e.winnerUnits().positive() ? Shown.FULL : Shown.HIDDEN, "allocations", new Shown.Rows(e.allocations()
                            .stream().map(line -> line.allocated().positive() ? WHOLE : WITHHELD).toList()))
                    : !counterparty ? WITHHELD
                    : viewer.is(e.winner()) ? shaped("silent", Shown.HIDDEN, "allocations", new Shown.Rows(
                            e.allocations().stream().map(line -> WITHHELD).toList()))
                    : shaped("silent", Shown.HIDDEN, "winner", Shown.HIDDEN, "winnerUnits", Shown.HIDDEN, "allocations",
                            new Shown.Rows(e.allocations().stream().map(line -> ownLine(viewer, line.holder())).toList()));
            // A bid's mechanism terms (rules version 11): the seller and the rival bidders see only the components marked
            // market-visible (DisclosurePolicy.terms: a forgotten mark hides a term, never leaks one).
            case BidPlaced e -> self ? WHOLE : e.terms() == null ? shaped("bidder", Pseudonym.of(e.pseudonym()))
                    : shaped("bidder", Pseudonym.of(e.pseudonym()),
                            "terms", TermsDisclosure.field(viewer, e.bidder(), e.terms()));
            case SealedBidPlaced e -> self ? WHOLE : counterparty ? shaped("bidder", Pseudonym.of(e.pseudonym()),
                    "price", Shown.HIDDEN, "nonce", Shown.HIDDEN) : WITHHELD;
            case BidCancelled e -> self ? WHOLE
                    : counterparty ? shaped("bidder", Pseudonym.of(e.pseudonym())) : WITHHELD;
            case AuctionClosed e -> party ? shaped("bids", new Shown.Rows(e.bids().stream()
                    .map(bid -> closedBid(viewer, bid)).toList())) : WITHHELD;
            case TradeExecuted e -> only(self);
            case TradeSettled e -> only(self);
            case TradeFailed e -> only(self);
            case BookOpened e -> WITHHELD;
            case BookHalted e -> WITHHELD;
            case BookBatchSettled e -> WITHHELD;
            case OrderAccepted e -> only(self);
            case OrderAmended e -> only(self);
            case OrderCancelled e -> only(self);
            case OfferPosted e -> only(self);
            case OfferClosed e -> only(self);
            case IntentPosted e -> only(self);
            case IntentAmended e -> only(self);
            case IntentClosed e -> only(self);
            case IntentMatchedListing e -> only(self);
            case QuoteSubmitted e -> self ? WHOLE
                    : counterparty ? shaped("investor", Pseudonym.of(e.pseudonym())) : WITHHELD;
            case QuoteCountered e -> only(party);
            case QuoteDeclined e -> only(party);
            case QuoteAccepted e -> only(party);
            case MatchProposed e -> WITHHELD;
            case MatchBrokered e -> self ? shaped("brokeredBy", Shown.HIDDEN)
                    : counterparty ? shaped("brokeredBy", Shown.HIDDEN, "intentId", Shown.HIDDEN) : WITHHELD;
            case MatchAccepted e -> self ? WHOLE : counterparty ? shaped("intentId", Shown.HIDDEN) : WITHHELD;
            case MatchDeclined e -> self ? WHOLE : counterparty ? shaped("intentId", Shown.HIDDEN) : WITHHELD;
            case MatchAgreed e -> only(party);
            case MatchScanLimited e -> WITHHELD;
            case CustodySubmitted e -> self ? WHOLE : counterparty ? shaped("submittedBy", Shown.HIDDEN,
                    "entries", new Shown.Rows(e.entries().stream().map(line -> ownLine(viewer, line.holder())).toList()))
                    : WITHHELD;
            case CustodyApproved e -> only(party);
            case CustodyRejected e -> only(party);
            case HoldingConfirmed e -> only(party);
            case PledgeRegistered e -> only(self);
            case PledgeReleased e -> only(self);
            case UnitsFrozen e -> only(self);
            case UnitsUnfrozen e -> only(self);
            case DocumentRegistered e -> only(self);
            case FundDocumentRegistered e -> only(self);
            case DisclosureDirected e -> only(self);
            // The data room names the investor to the holder (docs/rules.md, Data room): the access log is a control.
            // The investor never learns the holder (CONTRACTS.md 12: a listing hides its seller from investors).
            case NdaAccepted e -> !party ? WITHHELD : viewer.is(e.holder()) ? WHOLE : shaped("holder", Shown.HIDDEN);
            case DocumentOpened e -> !party ? WITHHELD : viewer.is(e.holder()) ? WHOLE : shaped("holder", Shown.HIDDEN);
            case StateOwnedEvent e -> stateOwned(relation, e);
            case CashEvent e -> CashDisclosure.toParty(viewer, e);
        };
    }

    /**
     * A state-owned holder's flag, appraisal and reserve approval reach only the holder; a listing's public disclosure
     * and a deal's result announcement, which name nobody, reach every participant (Order No. 32's public notices).
     */
    private static Disclosure stateOwned(Relation relation, StateOwnedEvent event) {
        boolean self = relation == Relation.SELF;
        return switch (event) {
            case StateOwnedSet e -> only(self);
            case AppraisalRegistered e -> only(self);
            case ReserveApprovalRecorded e -> only(self);
            case DisclosureOpened e -> WHOLE;
            case ResultAnnounced e -> WHOLE;
        };
    }

    /** Staff and regulators: every event whole but a sealed bid's price and nonce, which only its bidder sees. */
    static Disclosure toOversight(Viewer viewer, Event event) {
        if (event instanceof SealedBidPlaced bid) {
            return sealedBid(viewer, bid.bidder(), false);
        }
        return WHOLE;
    }

    /** A sealed bid's price and nonce: for its bidder, and for everyone once {@code closed}. */
    static Disclosure sealedBid(Viewer viewer, String bidder, boolean closed) {
        return closed || viewer.is(bidder) ? WHOLE : shaped("price", Shown.HIDDEN, "nonce", Shown.HIDDEN);
    }

    /**
     * The participants an event names in its own top-level party fields ({@code participantId}, {@code holder},
     * {@code seller}, {@code buyer}, {@code bidder}, {@code owner}, {@code investor}, {@code proposer},
     * {@code approver}, {@code revokedBy}, {@code viewer}); not the staff or officials who recorded it, nor nested lines.
     */
    static List<String> names(Event event) {
        return switch (event) {
            case ExchangeKeyRegistered e -> List.of();
            case ParticipantRegistered e -> of(e.participantId());
            case ParticipantApproved e -> of(e.participantId());
            case ParticipantSuspended e -> of(e.participantId());
            case ParticipantReinstated e -> of(e.participantId());
            case QualificationSet e -> of(e.participantId());
            case KeyRegistered e -> of(e.participantId());
            case KeyRevoked e -> of(e.participantId(), e.revokedBy());
            case ProposalCreated e -> of(e.proposer());
            case ProposalApproved e -> of(e.approver());
            case ProposalExpired e -> of(e.proposer());
            case PlatformParameterSet e -> List.of();
            case FundRegistered e -> List.of();
            case TransferTermsSet e -> of(e.terms().manager());
            case fundexchange.protocol.event.MarketDataConsentSet e -> of(e.manager());
            case NavUpdated e -> List.of();
            case HolidaysSet e -> List.of();
            case CheckpointRecorded e -> List.of();
            case UnitsDeposited e -> of(e.holder());
            case ListingSubmitted e -> of(e.seller(), e.buyer());
            case ListingOpened e -> List.of();
            case ListingExpired e -> List.of();
            case ListingDeclined e -> List.of();
            case ListingWithdrawn e -> List.of();
            case ListingCancelled e -> List.of();
            case RofrCleared e -> List.of();
            case TransferNoticeIssued e -> of(e.transferor(), e.buyer(), e.manager());
            case TransferNoticeAnswered e -> of(e.participant());
            case TransferNoticeResolved e -> List.of();
            case AuctionAwardedConditionally e -> of(e.seller(), e.winner(), e.manager());
            case AuctionMatchResolved e -> of(e.winner());
            case BidPlaced e -> of(e.bidder());
            case SealedBidPlaced e -> of(e.bidder());
            case BidCancelled e -> of(e.bidder());
            case AuctionClosed e -> List.of();
            case TradeExecuted e -> of(e.seller(), e.buyer());
            case TradeSettled e -> of(e.seller(), e.buyer());
            case TradeFailed e -> of(e.seller(), e.buyer());
            case BookOpened e -> List.of();
            case BookHalted e -> List.of();
            case BookBatchSettled e -> List.of();
            case OrderAccepted e -> of(e.owner());
            case OrderAmended e -> of(e.owner());
            case OrderCancelled e -> of(e.owner());
            case OfferPosted e -> of(e.holder());
            case OfferClosed e -> of(e.holder());
            case IntentPosted e -> of(e.investor());
            case IntentAmended e -> of(e.investor());
            case IntentClosed e -> of(e.investor());
            case IntentMatchedListing e -> of(e.investor());
            case QuoteSubmitted e -> of(e.investor());
            case QuoteCountered e -> List.of();
            case QuoteDeclined e -> List.of();
            case QuoteAccepted e -> List.of();
            case MatchProposed e -> List.of();
            case MatchBrokered e -> List.of();
            case MatchAccepted e -> List.of();
            case MatchDeclined e -> List.of();
            case MatchAgreed e -> of(e.holder(), e.investor());
            case MatchScanLimited e -> List.of();
            case CustodySubmitted e -> List.of();
            case CustodyApproved e -> List.of();
            case CustodyRejected e -> List.of();
            case HoldingConfirmed e -> of(e.holder());
            case PledgeRegistered e -> of(e.holder());
            case PledgeReleased e -> of(e.holder());
            case UnitsFrozen e -> of(e.holder());
            case UnitsUnfrozen e -> of(e.holder());
            case StateOwnedSet e -> of(e.participantId());
            case AppraisalRegistered e -> of(e.holder());
            case ReserveApprovalRecorded e -> of(e.holder());
            case DisclosureOpened e -> List.of();
            case ResultAnnounced e -> List.of();
            case DocumentRegistered e -> of(e.holder());
            case FundDocumentRegistered e -> of(e.registeredBy());
            case DisclosureDirected e -> of(e.holder());
            case NdaAccepted e -> of(e.investor(), e.holder());
            case DocumentOpened e -> of(e.viewer(), e.holder());
            case CashEvent e -> CashDisclosure.names(e);
        };
    }

    /** One bid of a close: the viewer's own whole, any other by pseudonym and without a reason that may name its bidder. */
    private static Disclosure closedBid(Viewer viewer, ClosedBid bid) {
        return viewer.is(bid.bidder()) ? WHOLE
                : shaped("bidder", Pseudonym.of(bid.pseudonym()), "reason", Shown.HIDDEN);
    }

    /** A custody line: whole to its holder, withheld from everyone else (feed and read alike). */
    static Disclosure ownLine(Viewer viewer, String holder) {
        return viewer.is(holder) ? WHOLE : WITHHELD;
    }

    private static Disclosure only(boolean shown) {
        return shown ? WHOLE : WITHHELD;
    }

    private static List<String> of(String... ids) {
        return Arrays.stream(ids).filter(Objects::nonNull).toList();
    }

    static Disclosure shaped(Object... fieldsAndShown) {
        Map<String, Shown> fields = new java.util.HashMap<>();
        for (int i = 0; i < fieldsAndShown.length; i += 2) {
            fields.put((String) fieldsAndShown[i], (Shown) fieldsAndShown[i + 1]);
        }
        return new Disclosure.Shaped(fields);
    }
}
