package fundexchange.protocol.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.AuctionClosed.ClosedBid;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
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
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.dataroom.DocumentKind;
import fundexchange.protocol.listing.ClockTerms.ClockBid;
import fundexchange.protocol.listing.ClockTerms.ClockListing;
import fundexchange.protocol.money.Price;
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
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.TransferTerms;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.event.AppraisalRegistered;
import fundexchange.protocol.event.DisclosureOpened;
import fundexchange.protocol.event.ReserveApprovalRecorded;
import fundexchange.protocol.event.ResultAnnounced;
import fundexchange.protocol.event.StateOwnedSet;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The disclosure policy as a table: viewer x event (or read model) x field, each cell visible ({@code whole}, or a
 * field not named), pseudonymised ({@code P<n>}), hidden, or the whole event withheld. Every event type needs rows for
 * an oversight viewer and for a party; a new event type without them fails {@link #everyEventTypeHasRows}.
 */
class DisclosurePolicyTest {
    private static final String OWNER = "Holder-01";
    private static final String COUNTER = "Investor-07";
    private static final String RIVAL = "Investor-08";
    private static final String THIRD = "Holder-09";
    private static final String STAFF = "Staff-01";
    private static final long LISTING = 42;

    private static final Map<String, Viewer> VIEWERS = Map.of(
            "owner", Viewer.active(OWNER, Set.of(Role.HOLDER)),
            "counterparty", Viewer.active(COUNTER, Set.of(Role.INVESTOR)),
            "rival", Viewer.active(RIVAL, Set.of(Role.INVESTOR)),
            "third", Viewer.active(THIRD, Set.of(Role.HOLDER)),
            "staff", Viewer.active(STAFF, Set.of(Role.STAFF)),
            "regulator", Viewer.active("Regulator-01", Set.of(Role.REGULATOR)),
            "suspended-staff", new Viewer("Staff-02", Set.of(Role.STAFF), ParticipantStatus.SUSPENDED, false),
            "pending-regulator", new Viewer("Regulator-02", Set.of(Role.REGULATOR), ParticipantStatus.PENDING, false),
            "export", Viewer.EXPORT,
            "bank", Viewer.active("Bank-01", Set.of(Role.BANK)));

    /** One event of every type: its subject is OWNER's, its other side COUNTER. */
    private static final List<Event> SAMPLES = List.of(
            new AuctionClosed(LISTING, null, List.of(
                    new ClosedBid(1L, COUNTER, 1, null, null, null, "outbid", "nonce-1"),
                    new ClosedBid(2L, RIVAL, 2, null, null, 1030, "names " + RIVAL, "nonce-2")), 1L, null),
            new BidCancelled(LISTING, 1L, OWNER, 2, null, "reason"),
            new BidPlaced(LISTING, 1L, OWNER, 2, null, 1L, false),
            new BookBatchSettled("fundCode", "businessDate", 1),
            new BookHalted("fundCode"),
            new BookOpened("fundCode", null),
            new CheckpointRecorded("keyId", 1L, "chainHead", 1L, "signature"),
            new CustodyApproved(1L, "fundCode", STAFF),
            new CustodyRejected(1L, "fundCode", STAFF, "reason"),
            new CustodySubmitted(1L, "fundCode", null, OWNER, List.of(new CustodyEntry(COUNTER, null, null, null, null),
                    new CustodyEntry(THIRD, null, null, null, null)), "documentDigest"),
            new ExchangeKeyRegistered("keyId", "algorithm", "publicKey"),
            new FundRegistered(null),
            new HoldingConfirmed(1L, "fundCode", OWNER, null),
            new HolidaysSet(1, List.of()),
            new IntentAmended(1L, OWNER, List.of(), null, null, null, 1L, 1L, List.of()),
            new IntentClosed(1L, OWNER, null, List.of(), null, "reason"),
            new IntentMatchedListing(1L, OWNER, LISTING, "fundCode", 1, null, 1L),
            new IntentPosted(1L, OWNER, List.of(), null, null, null, 1L, 1L),
            new KeyRegistered(OWNER, "keyId", "algorithm", "publicKey"),
            new KeyRevoked(OWNER, "keyId", OWNER),
            new ListingCancelled(LISTING, null, 1030, "reason"),
            new ListingDeclined(LISTING, null),
            new ListingExpired(LISTING, null),
            new ListingOpened(LISTING),
            new ListingSubmitted(LISTING, "fundCode", OWNER, COUNTER, null, null, 1L, null, null, null),
            new ListingWithdrawn(LISTING, null),
            new MatchAccepted(1L, 1L, 1L, null, 2),
            new MatchAgreed(1L, 1L, 1L, COUNTER, OWNER),
            new MatchBrokered(1L, 1L, 1L, "fundCode", 2, null, null, 1L, STAFF),
            new MatchDeclined(1L, 1L, 1L, null, 2),
            new MatchProposed(1L, 1L, 1L, "fundCode", 1, null, null, null, 1L, 1L),
            new MatchScanLimited(1L, 1),
            new NavUpdated("fundCode", null, "navDate"),
            new OfferClosed(1L, "fundCode", OWNER, null, null, List.of(), List.of(), null, "reason"),
            new OfferPosted(1L, "fundCode", OWNER, null, null, null, 1L, null, null, 1L),
            new OrderAccepted(1L, "fundCode", OWNER, null, null, null),
            new OrderAmended(1L, "fundCode", OWNER, null, null, null, null, false),
            new OrderCancelled(1L, "fundCode", OWNER, null, null, 1, "reason"),
            new ParticipantApproved(OWNER),
            new ParticipantRegistered(OWNER, "name", null, List.of(), false, "legalName", "registrationNumber"),
            new ParticipantReinstated(OWNER, 1L, "reason"),
            new ParticipantSuspended(OWNER, 1L, "reason"),
            new PlatformParameterSet("name", "value"),
            new PledgeRegistered(1L, "fundCode", OWNER, null, "Bank-01", null, "documentDigest"),
            new PledgeReleased(1L, "fundCode", OWNER, null, STAFF),
            new DocumentRegistered(1L, LISTING, OWNER, "digest", DocumentKind.NDA, "title", 1L, 1, 1),
            new fundexchange.protocol.event.FundDocumentRegistered(1L, "DGF3", OWNER, "digest",
                    DocumentKind.QUARTERLY_REPORT, "title", 1L, 1),
            new fundexchange.protocol.event.MarketDataConsentSet("DGF3", true, OWNER),
            new DisclosureDirected(LISTING, OWNER, List.of(COUNTER)),
            new fundexchange.protocol.event.CashReceived(OWNER, "CNY", null, "R1", "2026-06-30", "Bank-01"),
            new fundexchange.protocol.event.UnidentifiedReceiptRecorded("CNY", null, "R2", "2026-06-30", "payer",
                    "Bank-01"),
            new fundexchange.protocol.event.SuspenseAssigned("R2", OWNER, "CNY", null, 1L, "reason"),
            new fundexchange.protocol.event.PayoutInstructed(4096L, fundexchange.protocol.cash.AccountRef.participant(OWNER),
                    "CNY", null, null, null),
            new fundexchange.protocol.event.PayoutExecuted(4096L, fundexchange.protocol.cash.AccountRef.participant(OWNER),
                    "CNY", null, "R3", "2026-06-30", "Bank-01"),
            new fundexchange.protocol.event.PayoutReturned(4096L, fundexchange.protocol.cash.AccountRef.participant(OWNER),
                    "CNY", null, "R4", "2026-06-30", "reason", "Bank-01"),
            new fundexchange.protocol.event.BankStatementRecorded("CNY", "2026-06-30", null, null, "R5", "Bank-01"),
            new fundexchange.protocol.event.EscrowMismatchRaised(1L, "CNY", "2026-06-30", null, null),
            new fundexchange.protocol.event.EscrowMismatchAcknowledged(1L, "CNY", 2L, "reason"),
            new fundexchange.protocol.event.CashCorrected(1L, "CNY", fundexchange.protocol.cash.AccountRef.participant(OWNER),
                    fundexchange.protocol.cash.AccountRef.participant(COUNTER), null, "misbooked receipt"),
            new fundexchange.protocol.event.TradeFundingLocked(1L, COUNTER, "CNY", null, null, null),
            new fundexchange.protocol.event.TradeFunded(1L, "fundCode", OWNER, COUNTER, THIRD, null, 1L),
            new fundexchange.protocol.event.RegistrationConfirmed(1L, "fundCode", OWNER, COUNTER, THIRD),
            new fundexchange.protocol.event.RegistrationRefused(1L, "fundCode", OWNER, COUNTER, THIRD, "reason"),
            new fundexchange.protocol.event.TradeCashSettled(1L, "fundCode", OWNER, COUNTER, "CNY", null, null, null,
                    null, null),
            new fundexchange.protocol.event.TradeFundingReleased(1L, OWNER, COUNTER, "CNY",
                    fundexchange.protocol.money.Money.of("10.00"), fundexchange.protocol.money.Money.of("5.00")),
            new fundexchange.protocol.event.SettlementOverridden(1L, "fundCode", OWNER, COUNTER, 1L, "reason"),
            new fundexchange.protocol.event.DepositLocked(LISTING, OWNER, "CNY", null),
            new fundexchange.protocol.event.DepositReleased(LISTING, OWNER, "CNY", null),
            new fundexchange.protocol.event.DepositHeldForTrade(LISTING, 1L, OWNER, "CNY", null),
            new fundexchange.protocol.event.TradeUnitsDelivered(1L, "fundCode", OWNER, COUNTER, THIRD, null, null, null,
                    1, null, null),
            new fundexchange.protocol.event.TradeUnitsReturned(1L, "fundCode", OWNER, COUNTER, THIRD, null, null, null,
                    1, null, null),
            new fundexchange.protocol.event.TradeProceedsLocked(1L, "fundCode", OWNER, COUNTER, "CNY",
                    fundexchange.protocol.money.Money.of("10.00"), fundexchange.protocol.money.Money.of("1.00"),
                    fundexchange.protocol.money.Money.of("1.00"), fundexchange.protocol.money.Money.ZERO,
                    fundexchange.protocol.money.Money.ZERO),
            new fundexchange.protocol.event.TradeProceedsReleased(1L, "fundCode", OWNER, COUNTER, "CNY", null, null),
            new fundexchange.protocol.event.TradeProceedsReturned(1L, "fundCode", OWNER, COUNTER, "CNY",
                    fundexchange.protocol.money.Money.of("9.00"), fundexchange.protocol.money.Money.of("2.00")),
            new NdaAccepted(LISTING, COUNTER, 1, "digest", OWNER),
            new DocumentOpened(1L, LISTING, COUNTER, "digest", OWNER),
            new ProposalApproved(1L, STAFF),
            new ProposalCreated(1L, STAFF, null, null),
            new ProposalExpired(1L, STAFF),
            new QualificationSet(OWNER, null, "validUntil", null, null, null, null, null, "evidenceDigest", STAFF),
            new QuoteAccepted(1L, 1L, null, 2, null, null),
            new QuoteCountered(1L, 1L, 1, null, 2, null, null, 1L),
            new QuoteDeclined(1L, 1L, null, 2, null, "reason"),
            new QuoteSubmitted(1L, 1L, "fundCode", OWNER, 2, null, null, 1L),
            new RofrCleared(LISTING, null, List.of(THIRD), THIRD, STAFF),
            new TransferNoticeAnswered(LISTING, OWNER, null, null, null),
            new TransferNoticeIssued(LISTING, "fundCode", OWNER, COUNTER, null, null, "Manager-01", true, null, false,
                    List.of(new TransferNoticeIssued.NoticeHolder(THIRD, null)), 1L),
            new TransferNoticeResolved(LISTING, null, List.of(new Allocation(COUNTER, null,
                    fundexchange.protocol.money.Units.of("1.00"), 0),
                    new Allocation(THIRD, null, null, 0)), List.of(THIRD), null),
            new TransferTermsSet(new TransferTerms("fundCode", "Manager-01", true, null, null, 30, 30, List.of(), "digest")),
            new fundexchange.protocol.event.AuctionAwardedConditionally(LISTING, "fundCode", OWNER, COUNTER, 7L, null, null,
                    "Manager-01", null, List.of(new TransferNoticeIssued.NoticeHolder(THIRD, null)), 1L),
            new fundexchange.protocol.event.AuctionMatchResolved(LISTING, List.of(new Allocation(THIRD, null,
                    fundexchange.protocol.money.Units.of("1.00"), 0), new Allocation(RIVAL, null,
                    fundexchange.protocol.money.Units.ZERO, 0)), List.of(RIVAL), COUNTER,
                    fundexchange.protocol.money.Units.of("1.00")),
            new SealedBidPlaced(LISTING, 1L, OWNER, 2, null, "nonce", "commitment"),
            new TradeExecuted(1L, LISTING, "fundCode", OWNER, COUNTER, null, null, null, 1L, null, false, 1L, null, null, "tradeDate", null),
            new TradeFailed(1L, "fundCode", OWNER, COUNTER, null, 1, "reason"),
            new TradeSettled(1L, "fundCode", OWNER, COUNTER, null, null, null, 1, "settledOn", null, null),
            new UnitsDeposited("fundCode", OWNER, null, null, 1, null, null, null, null),
            new UnitsFrozen(1L, "fundCode", OWNER, null, "authority", "caseNumber", "documentDigest"),
            new UnitsUnfrozen(1L, "fundCode", OWNER, null, "reason"),
            new StateOwnedSet(OWNER, true, 1L, "reason"),
            new AppraisalRegistered(1L, "fundCode", OWNER, null, null, null, "filingReference", "validUntil"),
            new ReserveApprovalRecorded(1L, "fundCode", OWNER, null, "approvalReference", 1L),
            new DisclosureOpened(LISTING, "fundCode", 1L, null, null, null, null, 1L, 2L, null),
            new ResultAnnounced(LISTING, 1L, "fundCode", null, null, null, null, null));
    /** Public notices (Order No. 32): they name no participant and reach every participant's feed. */
    private static final Set<String> PUBLIC_NOTICES = Set.of("DisclosureOpened", "ResultAnnounced");

    /** Variants beside the samples, by name. */
    private static final Map<String, Event> VARIANTS = Map.of(
            "ListingCancelled(rofr)", new ListingCancelled(LISTING, null, RejectCode.ROFR_NOT_CLEARED.code(), "exercised"),
            "BidPlaced(terms)", new BidPlaced(LISTING, 1L, OWNER, 2, null, 1L, false, new ClockBid(3)),
            "ListingSubmitted(terms)", new ListingSubmitted(LISTING, "fundCode", OWNER, null, null, null, 1L, null, null,
                    null, null, new ClockListing(Price.of("0.0100"), 60_000)));

    /**
     * context | event | viewer | relation | shown. Context: {@code feed} ({@link DisclosurePolicy#event}), {@code answer}
     * ({@link DisclosurePolicy#inAnswer}, relation unused), {@code export-open} and {@code export-closed}
     * ({@link DisclosurePolicy#sealedBid} judged before and at the listing's close).
     */
    private static final String EVENT_TABLE = """
            feed   | ExchangeKeyRegistered  | owner             | SELF         | withheld
            feed   | ExchangeKeyRegistered  | staff             | NONE         | whole
            feed   | ParticipantRegistered  | owner             | SELF         | whole
            feed   | ParticipantRegistered  | third             | NONE         | withheld
            feed   | ParticipantRegistered  | staff             | NONE         | whole
            feed   | ParticipantRegistered  | suspended-staff   | NONE         | withheld
            feed   | ParticipantApproved    | owner             | SELF         | whole
            feed   | ParticipantApproved    | regulator         | NONE         | whole
            feed   | ParticipantApproved    | pending-regulator | NONE         | withheld
            feed   | ParticipantSuspended   | owner             | SELF         | whole
            feed   | ParticipantSuspended   | staff             | NONE         | whole
            feed   | ParticipantReinstated  | owner             | SELF         | whole
            feed   | ParticipantReinstated  | staff             | NONE         | whole
            feed   | QualificationSet       | owner             | SELF         | whole
            feed   | QualificationSet       | counterparty      | COUNTERPARTY | withheld
            feed   | QualificationSet       | regulator         | NONE         | whole
            feed   | KeyRegistered          | owner             | SELF         | whole
            feed   | KeyRegistered          | staff             | NONE         | whole
            feed   | KeyRevoked             | owner             | SELF         | whole
            feed   | KeyRevoked             | third             | NONE         | withheld
            feed   | KeyRevoked             | staff             | NONE         | whole
            feed   | ProposalCreated        | owner             | SELF         | withheld
            feed   | ProposalCreated        | staff             | NONE         | whole
            feed   | ProposalCreated        | suspended-staff   | NONE         | withheld
            feed   | ProposalApproved       | owner             | SELF         | withheld
            feed   | ProposalApproved       | regulator         | NONE         | whole
            feed   | ProposalExpired        | owner             | SELF         | withheld
            feed   | ProposalExpired        | staff             | NONE         | whole
            feed   | PlatformParameterSet   | owner             | SELF         | withheld
            feed   | PlatformParameterSet   | staff             | NONE         | whole
            feed   | FundRegistered         | owner             | SELF         | withheld
            feed   | FundRegistered         | regulator         | NONE         | whole
            feed   | NavUpdated             | owner             | SELF         | withheld
            feed   | NavUpdated             | staff             | NONE         | whole
            feed   | HolidaysSet            | owner             | SELF         | withheld
            feed   | HolidaysSet            | staff             | NONE         | whole
            feed   | CheckpointRecorded     | owner             | SELF         | withheld
            feed   | CheckpointRecorded     | regulator         | NONE         | whole
            feed   | UnitsDeposited         | owner             | SELF         | whole
            feed   | UnitsDeposited         | third             | NONE         | withheld
            feed   | UnitsDeposited         | staff             | NONE         | whole
            feed   | ListingSubmitted       | owner             | SELF         | whole
            feed   | ListingSubmitted       | counterparty      | COUNTERPARTY | withheld
            feed   | ListingSubmitted       | staff             | NONE         | whole
            feed   | ListingSubmitted(terms) | owner            | SELF         | whole
            feed   | ListingSubmitted(terms) | counterparty     | COUNTERPARTY | withheld
            feed   | ListingSubmitted(terms) | rival            | RIVAL        | withheld
            feed   | ListingSubmitted(terms) | third            | NONE         | withheld
            feed   | ListingSubmitted(terms) | staff            | NONE         | whole
            feed   | ListingOpened          | owner             | SELF         | whole
            feed   | ListingOpened          | counterparty      | COUNTERPARTY | seller=P1, buyer=P2
            feed   | ListingOpened          | rival             | RIVAL        | withheld
            feed   | ListingOpened          | staff             | NONE         | whole
            feed   | ListingExpired         | owner             | SELF         | whole
            feed   | ListingExpired         | counterparty      | COUNTERPARTY | whole
            feed   | ListingExpired         | third             | NONE         | withheld
            feed   | ListingExpired         | staff             | NONE         | whole
            feed   | ListingDeclined        | owner             | SELF         | whole
            feed   | ListingDeclined        | counterparty      | COUNTERPARTY | whole
            feed   | ListingDeclined        | regulator         | NONE         | whole
            feed   | ListingWithdrawn       | owner             | SELF         | whole
            feed   | ListingWithdrawn       | counterparty      | COUNTERPARTY | whole
            feed   | ListingWithdrawn       | staff             | NONE         | whole
            feed   | ListingCancelled       | owner             | SELF         | whole
            feed   | ListingCancelled       | counterparty      | COUNTERPARTY | reason=hidden
            feed   | ListingCancelled       | third             | NONE         | withheld
            feed   | ListingCancelled       | staff             | NONE         | whole
            feed   | ListingCancelled(rofr) | owner             | SELF         | reason=hidden
            feed   | ListingCancelled(rofr) | counterparty      | COUNTERPARTY | reason=hidden
            feed   | ListingCancelled(rofr) | staff             | NONE         | whole
            feed   | RofrCleared            | owner             | SELF         | waivedBy=hidden, exercisedBy=hidden, recordedBy=hidden
            feed   | RofrCleared            | counterparty      | COUNTERPARTY | withheld
            feed   | RofrCleared            | staff             | NONE         | whole
            feed   | TransferTermsSet       | owner             | SELF         | withheld
            feed   | TransferTermsSet       | staff             | NONE         | whole
            feed   | TransferNoticeIssued   | owner             | SELF         | holders=hidden
            feed   | TransferNoticeIssued   | third             | COUNTERPARTY | holders=hidden, buyer=hidden
            feed   | TransferNoticeIssued   | rival             | NONE         | withheld
            feed   | TransferNoticeIssued   | regulator         | NONE         | whole
            feed   | TransferNoticeAnswered | owner             | SELF         | whole
            feed   | TransferNoticeAnswered | counterparty      | COUNTERPARTY | withheld
            feed   | TransferNoticeAnswered | staff             | NONE         | whole
            feed   | TransferNoticeResolved | owner             | SELF         | silent=hidden, allocations[1]=withheld
            feed   | TransferNoticeResolved | third             | COUNTERPARTY | silent=hidden, allocations[0]=withheld
            feed   | TransferNoticeResolved | third             | NONE         | withheld
            feed   | TransferNoticeResolved | staff             | NONE         | whole
            feed   | AuctionAwardedConditionally | owner        | SELF         | winner=hidden, holders=hidden
            feed   | AuctionAwardedConditionally | counterparty | COUNTERPARTY | seller=hidden, manager=hidden, holders=hidden
            feed   | AuctionAwardedConditionally | third        | COUNTERPARTY | winner=hidden, winningBidId=hidden, holders=hidden
            feed   | AuctionAwardedConditionally | rival        | NONE         | withheld
            feed   | AuctionAwardedConditionally | staff        | NONE         | whole
            feed   | AuctionMatchResolved   | owner             | SELF         | silent=hidden, allocations[1]=withheld
            feed   | AuctionMatchResolved   | counterparty      | COUNTERPARTY | silent=hidden, allocations[0]=withheld, allocations[1]=withheld
            feed   | AuctionMatchResolved   | third             | COUNTERPARTY | silent=hidden, winner=hidden, winnerUnits=hidden, allocations[1]=withheld
            feed   | AuctionMatchResolved   | rival             | COUNTERPARTY | silent=hidden, winner=hidden, winnerUnits=hidden, allocations[0]=withheld
            feed   | AuctionMatchResolved   | third             | NONE         | withheld
            feed   | AuctionMatchResolved   | regulator         | NONE         | whole
            feed   | BidPlaced              | owner             | SELF         | whole
            feed   | BidPlaced              | counterparty      | COUNTERPARTY | bidder=P2
            feed   | BidPlaced              | rival             | RIVAL        | bidder=P2
            feed   | BidPlaced              | third             | NONE         | withheld
            feed   | BidPlaced              | staff             | NONE         | whole
            feed   | BidPlaced(terms)       | owner             | SELF         | whole
            feed   | BidPlaced(terms)       | counterparty      | COUNTERPARTY | bidder=P2, terms.round=hidden
            feed   | BidPlaced(terms)       | rival             | RIVAL        | bidder=P2, terms.round=hidden
            feed   | BidPlaced(terms)       | third             | NONE         | withheld
            feed   | BidPlaced(terms)       | staff             | NONE         | whole
            feed   | BidPlaced(terms)       | regulator         | NONE         | whole
            feed   | SealedBidPlaced        | owner             | SELF         | whole
            feed   | SealedBidPlaced        | counterparty      | COUNTERPARTY | bidder=P2, price=hidden, nonce=hidden
            feed   | SealedBidPlaced        | rival             | RIVAL        | withheld
            feed   | SealedBidPlaced        | third             | NONE         | withheld
            feed   | SealedBidPlaced        | staff             | NONE         | price=hidden, nonce=hidden
            feed   | SealedBidPlaced        | regulator         | NONE         | price=hidden, nonce=hidden
            feed   | SealedBidPlaced        | suspended-staff   | NONE         | withheld
            feed   | BidCancelled           | owner             | SELF         | whole
            feed   | BidCancelled           | counterparty      | COUNTERPARTY | bidder=P2
            feed   | BidCancelled           | rival             | RIVAL        | withheld
            feed   | BidCancelled           | staff             | NONE         | whole
            feed   | AuctionClosed          | owner             | SELF         | bids[0].bidder=P1, bids[0].reason=hidden, bids[1].bidder=P2, bids[1].reason=hidden
            feed   | AuctionClosed          | counterparty      | COUNTERPARTY | bids[1].bidder=P2, bids[1].reason=hidden
            feed   | AuctionClosed          | rival             | COUNTERPARTY | bids[0].bidder=P1, bids[0].reason=hidden
            feed   | AuctionClosed          | third             | NONE         | withheld
            feed   | AuctionClosed          | regulator         | NONE         | whole
            feed   | TradeExecuted          | owner             | SELF         | whole
            feed   | TradeExecuted          | counterparty      | SELF         | whole
            feed   | TradeExecuted          | third             | NONE         | withheld
            feed   | TradeExecuted          | staff             | NONE         | whole
            feed   | TradeSettled           | owner             | SELF         | whole
            feed   | TradeSettled           | third             | NONE         | withheld
            feed   | TradeSettled           | regulator         | NONE         | whole
            feed   | TradeFailed            | counterparty      | SELF         | whole
            feed   | TradeFailed            | rival             | RIVAL        | withheld
            feed   | TradeFailed            | staff             | NONE         | whole
            feed   | BookOpened             | owner             | SELF         | withheld
            feed   | BookOpened             | staff             | NONE         | whole
            feed   | BookHalted             | owner             | SELF         | withheld
            feed   | BookHalted             | regulator         | NONE         | whole
            feed   | BookBatchSettled       | owner             | SELF         | withheld
            feed   | BookBatchSettled       | staff             | NONE         | whole
            feed   | OrderAccepted          | owner             | SELF         | whole
            feed   | OrderAccepted          | counterparty      | COUNTERPARTY | withheld
            feed   | OrderAccepted          | staff             | NONE         | whole
            feed   | OrderAmended           | owner             | SELF         | whole
            feed   | OrderAmended           | staff             | NONE         | whole
            feed   | OrderCancelled         | owner             | SELF         | whole
            feed   | OrderCancelled         | third             | NONE         | withheld
            feed   | OrderCancelled         | staff             | NONE         | whole
            feed   | OfferPosted            | owner             | SELF         | whole
            feed   | OfferPosted            | counterparty      | COUNTERPARTY | withheld
            feed   | OfferPosted            | staff             | NONE         | whole
            feed   | OfferClosed            | owner             | SELF         | whole
            feed   | OfferClosed            | regulator         | NONE         | whole
            feed   | IntentPosted           | owner             | SELF         | whole
            feed   | IntentPosted           | counterparty      | COUNTERPARTY | withheld
            feed   | IntentPosted           | staff             | NONE         | whole
            feed   | IntentAmended          | owner             | SELF         | whole
            feed   | IntentAmended          | staff             | NONE         | whole
            feed   | IntentClosed           | owner             | SELF         | whole
            feed   | IntentClosed           | staff             | NONE         | whole
            feed   | IntentMatchedListing   | owner             | SELF         | whole
            feed   | IntentMatchedListing   | third             | NONE         | withheld
            feed   | IntentMatchedListing   | regulator         | NONE         | whole
            feed   | QuoteSubmitted         | owner             | SELF         | whole
            feed   | QuoteSubmitted         | counterparty      | COUNTERPARTY | investor=P2
            feed   | QuoteSubmitted         | rival             | RIVAL        | withheld
            feed   | QuoteSubmitted         | staff             | NONE         | whole
            feed   | QuoteCountered         | owner             | SELF         | whole
            feed   | QuoteCountered         | counterparty      | COUNTERPARTY | whole
            feed   | QuoteCountered         | third             | NONE         | withheld
            feed   | QuoteCountered         | staff             | NONE         | whole
            feed   | QuoteDeclined          | owner             | SELF         | whole
            feed   | QuoteDeclined          | counterparty      | COUNTERPARTY | whole
            feed   | QuoteDeclined          | staff             | NONE         | whole
            feed   | QuoteAccepted          | owner             | SELF         | whole
            feed   | QuoteAccepted          | counterparty      | COUNTERPARTY | whole
            feed   | QuoteAccepted          | regulator         | NONE         | whole
            feed   | MatchProposed          | owner             | SELF         | withheld
            feed   | MatchProposed          | counterparty      | COUNTERPARTY | withheld
            feed   | MatchProposed          | staff             | NONE         | whole
            feed   | MatchBrokered          | owner             | SELF         | brokeredBy=hidden
            feed   | MatchBrokered          | counterparty      | COUNTERPARTY | brokeredBy=hidden, intentId=hidden
            feed   | MatchBrokered          | third             | NONE         | withheld
            feed   | MatchBrokered          | staff             | NONE         | whole
            feed   | MatchAccepted          | owner             | SELF         | whole
            feed   | MatchAccepted          | counterparty      | COUNTERPARTY | intentId=hidden
            feed   | MatchAccepted          | staff             | NONE         | whole
            feed   | MatchDeclined          | owner             | SELF         | whole
            feed   | MatchDeclined          | counterparty      | COUNTERPARTY | intentId=hidden
            feed   | MatchDeclined          | regulator         | NONE         | whole
            feed   | MatchAgreed            | owner             | SELF         | whole
            feed   | MatchAgreed            | counterparty      | COUNTERPARTY | whole
            feed   | MatchAgreed            | third             | NONE         | withheld
            feed   | MatchAgreed            | staff             | NONE         | whole
            feed   | MatchScanLimited       | owner             | SELF         | withheld
            feed   | MatchScanLimited       | staff             | NONE         | whole
            feed   | CustodySubmitted       | owner             | SELF         | whole
            feed   | CustodySubmitted       | counterparty      | COUNTERPARTY | submittedBy=hidden, entries[1]=withheld
            feed   | CustodySubmitted       | third             | COUNTERPARTY | submittedBy=hidden, entries[0]=withheld
            feed   | CustodySubmitted       | rival             | NONE         | withheld
            feed   | CustodySubmitted       | staff             | NONE         | whole
            feed   | CustodyApproved        | owner             | SELF         | whole
            feed   | CustodyApproved        | counterparty      | COUNTERPARTY | whole
            feed   | CustodyApproved        | third             | NONE         | withheld
            feed   | CustodyApproved        | staff             | NONE         | whole
            feed   | CustodyRejected        | owner             | SELF         | whole
            feed   | CustodyRejected        | counterparty      | COUNTERPARTY | whole
            feed   | CustodyRejected        | regulator         | NONE         | whole
            feed   | HoldingConfirmed       | owner             | SELF         | whole
            feed   | HoldingConfirmed       | counterparty      | COUNTERPARTY | whole
            feed   | HoldingConfirmed       | staff             | NONE         | whole
            feed   | PledgeRegistered       | owner             | SELF         | whole
            feed   | PledgeRegistered       | counterparty      | COUNTERPARTY | withheld
            feed   | PledgeRegistered       | staff             | NONE         | whole
            feed   | PledgeReleased         | owner             | SELF         | whole
            feed   | PledgeReleased         | regulator         | NONE         | whole
            feed   | UnitsFrozen            | owner             | SELF         | whole
            feed   | UnitsFrozen            | third             | NONE         | withheld
            feed   | UnitsFrozen            | staff             | NONE         | whole
            feed   | UnitsUnfrozen          | owner             | SELF         | whole
            feed   | UnitsUnfrozen          | staff             | NONE         | whole
            feed   | StateOwnedSet          | owner             | SELF         | whole
            feed   | StateOwnedSet          | third             | NONE         | withheld
            feed   | StateOwnedSet          | staff             | NONE         | whole
            feed   | AppraisalRegistered    | owner             | SELF         | whole
            feed   | AppraisalRegistered    | counterparty      | COUNTERPARTY | withheld
            feed   | AppraisalRegistered    | regulator         | NONE         | whole
            feed   | ReserveApprovalRecorded | owner            | SELF         | whole
            feed   | ReserveApprovalRecorded | third            | NONE         | withheld
            feed   | ReserveApprovalRecorded | staff            | NONE         | whole
            feed   | DisclosureOpened       | third             | NONE         | whole
            feed   | DisclosureOpened       | counterparty      | NONE         | whole
            feed   | DisclosureOpened       | staff             | NONE         | whole
            feed   | ResultAnnounced        | third             | NONE         | whole
            feed   | ResultAnnounced        | rival             | NONE         | whole
            feed   | ResultAnnounced        | regulator         | NONE         | whole
            answer | ResultAnnounced        | counterparty      | -            | withheld
            feed   | DocumentRegistered     | owner             | SELF         | whole
            feed   | DocumentRegistered     | counterparty      | COUNTERPARTY | withheld
            feed   | DocumentRegistered     | regulator         | NONE         | whole
            feed   | CashReceived           | owner             | SELF         | whole
            feed   | CashReceived           | bank              | COUNTERPARTY | whole
            feed   | CashReceived           | counterparty      | COUNTERPARTY | withheld
            feed   | CashReceived           | staff             | NONE         | whole
            feed   | UnidentifiedReceiptRecorded | bank         | COUNTERPARTY | whole
            feed   | UnidentifiedReceiptRecorded | owner        | SELF         | withheld
            feed   | UnidentifiedReceiptRecorded | regulator    | NONE         | whole
            feed   | SuspenseAssigned       | owner             | SELF         | whole
            feed   | SuspenseAssigned       | bank              | COUNTERPARTY | withheld
            feed   | SuspenseAssigned       | staff             | NONE         | whole
            feed   | PayoutInstructed       | owner             | SELF         | whole
            feed   | PayoutInstructed       | bank              | COUNTERPARTY | whole
            feed   | PayoutInstructed       | counterparty      | SELF         | withheld
            feed   | PayoutInstructed       | staff             | NONE         | whole
            feed   | PayoutExecuted         | owner             | SELF         | whole
            feed   | PayoutExecuted         | bank              | COUNTERPARTY | whole
            feed   | PayoutExecuted         | regulator         | NONE         | whole
            feed   | PayoutReturned         | owner             | SELF         | whole
            feed   | PayoutReturned         | bank              | COUNTERPARTY | whole
            feed   | PayoutReturned         | staff             | NONE         | whole
            feed   | BankStatementRecorded  | bank              | COUNTERPARTY | whole
            feed   | BankStatementRecorded  | owner             | SELF         | withheld
            feed   | BankStatementRecorded  | staff             | NONE         | whole
            feed   | EscrowMismatchRaised   | bank              | COUNTERPARTY | withheld
            feed   | EscrowMismatchRaised   | owner             | SELF         | withheld
            feed   | EscrowMismatchRaised   | staff             | NONE         | whole
            feed   | EscrowMismatchAcknowledged | bank          | COUNTERPARTY | withheld
            feed   | EscrowMismatchAcknowledged | regulator     | NONE         | whole
            feed   | CashCorrected          | owner             | SELF         | to=hidden
            feed   | CashCorrected          | counterparty      | SELF         | from=hidden
            feed   | CashCorrected          | bank              | COUNTERPARTY | withheld
            feed   | CashCorrected          | staff             | NONE         | whole
            feed   | TradeFundingLocked     | counterparty      | SELF         | whole
            feed   | TradeFundingLocked     | owner             | COUNTERPARTY | withheld
            feed   | TradeFundingLocked     | bank              | COUNTERPARTY | withheld
            feed   | TradeFundingLocked     | staff             | NONE         | whole
            feed   | TradeFunded            | owner             | SELF         | whole
            feed   | TradeFunded            | counterparty      | SELF         | whole
            feed   | TradeFunded            | third             | SELF         | whole
            feed   | TradeFunded            | rival             | NONE         | withheld
            feed   | TradeFunded            | bank              | COUNTERPARTY | withheld
            feed   | TradeFunded            | regulator         | NONE         | whole
            feed   | RegistrationConfirmed  | third             | SELF         | whole
            feed   | RegistrationConfirmed  | owner             | SELF         | whole
            feed   | RegistrationConfirmed  | rival             | NONE         | withheld
            feed   | RegistrationConfirmed  | staff             | NONE         | whole
            feed   | RegistrationRefused    | third             | SELF         | whole
            feed   | RegistrationRefused    | counterparty      | SELF         | whole
            feed   | RegistrationRefused    | bank              | COUNTERPARTY | withheld
            feed   | RegistrationRefused    | staff             | NONE         | whole
            feed   | TradeCashSettled       | owner             | SELF         | depositApplied=hidden, released=hidden
            feed   | TradeCashSettled       | counterparty      | SELF         | whole
            feed   | TradeCashSettled       | third             | NONE         | withheld
            feed   | TradeCashSettled       | bank              | COUNTERPARTY | withheld
            feed   | TradeCashSettled       | staff             | NONE         | whole
            feed   | TradeFundingReleased   | counterparty      | SELF         | whole
            feed   | TradeFundingReleased   | owner             | SELF         | released=hidden
            feed   | TradeFundingReleased   | bank              | COUNTERPARTY | withheld
            feed   | TradeFundingReleased   | regulator         | NONE         | whole
            feed   | SettlementOverridden   | owner             | SELF         | whole
            feed   | SettlementOverridden   | rival             | NONE         | withheld
            feed   | SettlementOverridden   | staff             | NONE         | whole
            feed   | DepositLocked          | owner             | SELF         | whole
            feed   | DepositLocked          | counterparty      | COUNTERPARTY | withheld
            feed   | DepositLocked          | bank              | COUNTERPARTY | withheld
            feed   | DepositLocked          | staff             | NONE         | whole
            feed   | DepositLocked          | regulator         | NONE         | whole
            feed   | DepositReleased        | owner             | SELF         | whole
            feed   | DepositReleased        | counterparty      | COUNTERPARTY | withheld
            feed   | DepositReleased        | bank              | COUNTERPARTY | withheld
            feed   | DepositReleased        | staff             | NONE         | whole
            feed   | DepositHeldForTrade    | owner             | SELF         | whole
            feed   | DepositHeldForTrade    | counterparty      | COUNTERPARTY | withheld
            feed   | DepositHeldForTrade    | bank              | COUNTERPARTY | withheld
            feed   | DepositHeldForTrade    | regulator         | NONE         | whole
            feed   | TradeUnitsDelivered    | owner             | SELF         | whole
            feed   | TradeUnitsDelivered    | counterparty      | SELF         | whole
            feed   | TradeUnitsDelivered    | third             | SELF         | consideration=hidden, sellerCostReleased=hidden
            feed   | TradeUnitsDelivered    | rival             | NONE         | withheld
            feed   | TradeUnitsDelivered    | bank              | COUNTERPARTY | withheld
            feed   | TradeUnitsDelivered    | staff             | NONE         | whole
            feed   | TradeUnitsDelivered    | regulator         | NONE         | whole
            feed   | TradeUnitsReturned     | owner             | SELF         | buyerCostReleased=hidden
            feed   | TradeUnitsReturned     | counterparty      | SELF         | whole
            feed   | TradeUnitsReturned     | third             | SELF         | buyerCostReleased=hidden, sellerCostReleased=hidden
            feed   | TradeUnitsReturned     | rival             | NONE         | withheld
            feed   | TradeUnitsReturned     | bank              | COUNTERPARTY | withheld
            feed   | TradeUnitsReturned     | regulator         | NONE         | whole
            feed   | TradeProceedsLocked    | owner             | SELF         | depositApplied=hidden, released=hidden
            feed   | TradeProceedsLocked    | counterparty      | SELF         | whole
            feed   | TradeProceedsLocked    | third             | NONE         | withheld
            feed   | TradeProceedsLocked    | bank              | COUNTERPARTY | withheld
            feed   | TradeProceedsLocked    | staff             | NONE         | whole
            feed   | TradeProceedsReleased  | owner             | SELF         | whole
            feed   | TradeProceedsReleased  | counterparty      | SELF         | whole
            feed   | TradeProceedsReleased  | third             | NONE         | withheld
            feed   | TradeProceedsReleased  | bank              | COUNTERPARTY | withheld
            feed   | TradeProceedsReleased  | regulator         | NONE         | whole
            feed   | TradeProceedsReturned  | owner             | SELF         | whole
            feed   | TradeProceedsReturned  | counterparty      | SELF         | whole
            feed   | TradeProceedsReturned  | rival             | NONE         | withheld
            feed   | TradeProceedsReturned  | bank              | COUNTERPARTY | withheld
            feed   | TradeProceedsReturned  | staff             | NONE         | whole
            answer | CashReceived           | bank              | -            | whole
            answer | CashCorrected          | owner             | -            | to=hidden
            answer | UnidentifiedReceiptRecorded | owner        | -            | withheld
            feed   | FundDocumentRegistered | owner             | SELF         | whole
            feed   | FundDocumentRegistered | counterparty      | COUNTERPARTY | withheld
            feed   | FundDocumentRegistered | regulator         | NONE         | whole
            feed   | MarketDataConsentSet   | owner             | SELF         | whole
            feed   | MarketDataConsentSet   | counterparty      | COUNTERPARTY | withheld
            feed   | MarketDataConsentSet   | regulator         | NONE         | whole
            feed   | DisclosureDirected     | owner             | SELF         | whole
            feed   | DisclosureDirected     | counterparty      | COUNTERPARTY | withheld
            feed   | DisclosureDirected     | staff             | NONE         | whole
            feed   | NdaAccepted            | counterparty      | SELF         | holder=hidden
            feed   | NdaAccepted            | owner             | COUNTERPARTY | whole
            feed   | NdaAccepted            | third             | NONE         | withheld
            feed   | NdaAccepted            | regulator         | NONE         | whole
            feed   | DocumentOpened         | counterparty      | SELF         | holder=hidden
            feed   | DocumentOpened         | owner             | COUNTERPARTY | whole
            feed   | DocumentOpened         | rival             | NONE         | withheld
            feed   | DocumentOpened         | regulator         | NONE         | whole
            answer | SealedBidPlaced        | owner             | -            | whole
            answer | SealedBidPlaced        | counterparty      | -            | withheld
            answer | SealedBidPlaced        | staff             | -            | price=hidden, nonce=hidden
            answer | SealedBidPlaced        | suspended-staff   | -            | withheld
            answer | TradeExecuted          | counterparty      | -            | whole
            answer | TradeExecuted          | third             | -            | withheld
            answer | ListingSubmitted       | counterparty      | -            | whole
            answer | ListingSubmitted(terms) | owner            | -            | whole
            answer | ListingSubmitted(terms) | counterparty     | -            | withheld
            answer | BidPlaced(terms)       | owner             | -            | whole
            answer | BidPlaced(terms)       | counterparty      | -            | withheld
            answer | AuctionClosed          | counterparty      | -            | withheld
            answer | AuctionClosed          | regulator         | -            | whole
            answer | QuoteSubmitted         | owner             | -            | whole
            answer | QuoteCountered         | owner             | -            | withheld
            answer | MatchAgreed            | counterparty      | -            | whole
            answer | KeyRevoked             | owner             | -            | whole
            answer | CustodySubmitted       | owner             | -            | withheld
            answer | CustodySubmitted       | counterparty      | -            | withheld
            answer | ProposalCreated        | staff             | -            | whole
            answer | ProposalCreated        | owner             | -            | withheld
            export-open   | SealedBidPlaced | export            | -            | price=hidden, nonce=hidden
            export-open   | SealedBidPlaced | owner             | -            | whole
            export-closed | SealedBidPlaced | export            | -            | whole
            export-closed | SealedBidPlaced | counterparty      | -            | whole
            """;

    @Test
    void eachViewerSeesOfEachEventWhatTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            String actual = describe(row.decide());
            if (!actual.equals(normal(row.shown()))) {
                wrong.add(row + " -> " + actual);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyEventTypeHasRows() {
        Set<String> types = Arrays.stream(Event.class.getPermittedSubclasses())
                .flatMap(group -> Arrays.stream(group.getPermittedSubclasses())).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(types, SAMPLES.stream().map(e -> e.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new)), "one sample per event type");
        List<String> missing = new ArrayList<>();
        for (String type : types) {
            List<Row> feed = rows().stream().filter(r -> r.context().equals("feed") && r.event().equals(type)).toList();
            if (feed.stream().noneMatch(r -> VIEWERS.get(r.viewer()).oversight())
                    || feed.stream().noneMatch(r -> !VIEWERS.get(r.viewer()).oversight())) {
                missing.add(type);
            }
        }
        assertEquals(List.of(), missing, "event types without a feed row for oversight and for a party");
    }

    /** Properties every event keeps, beyond the table: who is not oversight and not related sees nothing. */
    @Test
    void noEventReachesAThirdPartyOrAStaffMemberOutOfStanding() {
        List<String> leaks = new ArrayList<>();
        for (Event event : SAMPLES) {
            if (PUBLIC_NOTICES.contains(event.getClass().getSimpleName())) {
                continue; // public by design: publicNoticesNameNobodyAndReachEveryone
            }
            for (String viewer : List.of("third", "suspended-staff", "pending-regulator")) {
                Disclosure seen = DisclosurePolicy.event(VIEWERS.get(viewer), Relation.NONE, event);
                if (!(seen instanceof Disclosure.Withheld)) {
                    leaks.add(viewer + " sees " + event.getClass().getSimpleName());
                }
            }
            assertEquals(DisclosurePolicy.event(VIEWERS.get("staff"), Relation.NONE, event),
                    DisclosurePolicy.event(VIEWERS.get("regulator"), Relation.NONE, event));
        }
        assertEquals(List.of(), leaks);
    }

    /** The state-owned holder's public notices reach every viewer whole, and name no participant. */
    @Test
    void publicNoticesNameNobodyAndReachEveryone() {
        List<String> wrong = new ArrayList<>();
        for (Event event : SAMPLES) {
            if (!PUBLIC_NOTICES.contains(event.getClass().getSimpleName())) {
                continue;
            }
            if (!DisclosurePolicy.names(event).isEmpty()) {
                wrong.add(event.getClass().getSimpleName() + " names " + DisclosurePolicy.names(event));
            }
            for (Map.Entry<String, Viewer> viewer : new TreeMap<>(VIEWERS).entrySet()) {
                if (!(DisclosurePolicy.event(viewer.getValue(), Relation.NONE, event) instanceof Disclosure.Whole)) {
                    wrong.add(viewer.getKey() + " does not see " + event.getClass().getSimpleName());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** read model | viewer | shown: the gateway's reads. */
    private static final String READ_TABLE = """
            listing(negotiated)     | staff        | whole
            listing(negotiated)     | owner        | closedReason=hidden
            listing(negotiated)     | counterparty | seller=P1, buyer=P2, reservePrice=hidden, rofr=hidden, closedReason=hidden
            listing(negotiated)     | suspended-staff | seller=P1, buyer=P2, reservePrice=hidden, rofr=hidden, closedReason=hidden
            listing(auction)        | regulator    | whole
            listing(auction)        | owner        | closedReason=hidden
            listing(auction)        | counterparty | seller=hidden, buyer=hidden, reservePrice=hidden, rofr=hidden, closedReason=hidden
            listing(selling)        | staff        | whole
            listing(selling)        | owner        | closedReason=hidden
            listing(selling)        | counterparty | seller=hidden, buyer=hidden, reservePrice=hidden, rofr=hidden, closedReason=hidden, tradePrice=hidden
            bid                     | staff        | whole
            bid                     | owner        | listingId=hidden
            bid                     | counterparty | listingId=hidden, bidder=P3, reason=hidden
            offer                   | staff        | whole
            offer                   | owner        | whole
            offer                   | counterparty | teaser
            offer                   | suspended-staff | teaser
            quote(open)             | staff        | whole
            quote(open)             | owner        | investor=P4
            quote(open)             | counterparty | holder=hidden
            quote(open)             | third        | withheld
            quote(accepted)         | owner        | whole
            quote(accepted)         | counterparty | whole
            match(brokered)         | regulator    | whole
            match(brokered)         | owner        | intentId=hidden, investor=P5, rank=hidden, amount=hidden, surplusBasisPoints=hidden, brokeredBy=hidden, proposedIndex=hidden
            match(brokered)         | counterparty | holder=hidden, rank=hidden, amount=hidden, surplusBasisPoints=hidden, brokeredBy=hidden, proposedIndex=hidden
            match(agreed)           | owner        | intentId=hidden, rank=hidden, amount=hidden, surplusBasisPoints=hidden, brokeredBy=hidden, proposedIndex=hidden
            custody                 | staff        | whole
            custody                 | regulator    | whole
            custody                 | owner        | whole
            custody                 | counterparty | submittedBy=hidden, decidedBy=hidden, entries[0]=withheld, entries[2]=withheld
            custody                 | third        | submittedBy=hidden, decidedBy=hidden, entries[0]=withheld, entries[1]=withheld
            custody                 | rival        | withheld
            custody                 | suspended-staff | withheld
            """;

    @Test
    void eachViewerSeesOfEachReadModelWhatTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (String line : READ_TABLE.strip().split("\n")) {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            Viewer viewer = VIEWERS.get(cells[1]);
            Disclosure decided = switch (cells[0]) {
                case "listing(negotiated)" -> DisclosurePolicy.listing(viewer, OWNER, false, false);
                case "listing(auction)" -> DisclosurePolicy.listing(viewer, OWNER, true, false);
                case "listing(selling)" -> DisclosurePolicy.listing(viewer, OWNER, true, true);
                case "bid" -> DisclosurePolicy.bid(viewer, OWNER, 3);
                case "offer" -> DisclosurePolicy.offer(viewer, OWNER);
                case "quote(open)" -> DisclosurePolicy.quote(viewer, OWNER, COUNTER, 4, false);
                case "quote(accepted)" -> DisclosurePolicy.quote(viewer, OWNER, COUNTER, 4, true);
                case "match(brokered)" -> DisclosurePolicy.match(viewer, OWNER, 5, false);
                case "match(agreed)" -> DisclosurePolicy.match(viewer, OWNER, 5, true);
                case "custody" -> DisclosurePolicy.custodyRegistration(viewer, OWNER, List.of(OWNER, COUNTER, THIRD));
                default -> throw new IllegalArgumentException(cells[0]);
            };
            String actual = describe(decided);
            if (!actual.equals(normal(cells[2]))) {
                wrong.add(line.strip() + " -> " + actual);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * A bid's mechanism terms, applied to its encoded fields: the bidder and oversight keep them whole, the seller and
     * the rival bidders get only the components marked market-visible (none of a clock bid's: its type alone); a bid
     * without terms is shaped to exactly the fields it had before.
     */
    @Test
    void aBidsMechanismTermsReachItsBidderAndOversightWholeAndTheMarketOnlyAsMarkedVisible() {
        Event bid = sample("BidPlaced(terms)");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "BidPlaced");
        fields.put("listingId", LISTING);
        fields.put("bidder", OWNER);
        fields.put("terms", Map.of("type", "ClockBid", "round", 3));
        Map<String, Object> withoutTerms = new LinkedHashMap<>(fields);
        withoutTerms.remove("terms");
        Map<String, Object> withoutTermsByPseudonym = new LinkedHashMap<>(withoutTerms);
        withoutTermsByPseudonym.put("bidder", "P2");
        Map<String, Object> byPseudonym = new LinkedHashMap<>(fields);
        byPseudonym.put("bidder", "P2");
        byPseudonym.put("terms", Map.of("type", "ClockBid"));

        assertEquals(fields, Disclosed.fields(fields, DisclosurePolicy.event(VIEWERS.get("owner"), Relation.SELF, bid)));
        assertEquals(fields, Disclosed.fields(fields, DisclosurePolicy.event(VIEWERS.get("staff"), Relation.NONE, bid)));
        for (Relation relation : List.of(Relation.COUNTERPARTY, Relation.RIVAL)) {
            Disclosure seen = DisclosurePolicy.event(VIEWERS.get("counterparty"), relation, bid);
            assertEquals(byPseudonym, Disclosed.fields(fields, seen), relation.name());
            assertEquals(withoutTermsByPseudonym, Disclosed.fields(withoutTerms, seen), relation + ", a bid without terms");
        }
    }

    @Test
    void theTeaserOfAnOfferNamesNeitherItsHolderNorItsCost() {
        Disclosure.Teaser teaser = (Disclosure.Teaser) DisclosurePolicy.offer(VIEWERS.get("third"), OWNER);
        assertEquals(List.of("offerId", "fundCode", "units", "minLot", "askPrice", "askPercentOfNavBasisPoints",
                "visibility", "expiresAt", "status"), teaser.fields());
    }

    /** scope | viewer | grounds: which rows of a read model exist for whom. */
    @Test
    void rowsExistForWhomTheScopesSay() {
        Viewer qualified = new Viewer(COUNTER, Set.of(Role.INVESTOR), ParticipantStatus.ACTIVE, true);
        Viewer unqualified = VIEWERS.get("counterparty");
        assertEquals(Scope.EVERYTHING, DisclosurePolicy.listings(VIEWERS.get("staff")));
        assertEquals(grounds("SELLS, OFFERED_TO, OPEN_AUCTION, BID_ON"), DisclosurePolicy.listings(qualified));
        assertEquals(grounds("SELLS, OFFERED_TO, BID_ON"), DisclosurePolicy.listings(unqualified));
        assertEquals(grounds("SELLS, OFFERED_TO, BID_ON"), DisclosurePolicy.listings(VIEWERS.get("suspended-staff")));
        assertEquals(Scope.EVERYTHING, DisclosurePolicy.offers(VIEWERS.get("regulator")));
        assertEquals(grounds("HOLDS, OPEN_PUBLIC_OFFER, OPEN_QUALIFIED_OFFER, QUOTED, BROKERED_TO"),
                DisclosurePolicy.offers(qualified));
        assertEquals(grounds("HOLDS, OPEN_PUBLIC_OFFER, QUOTED, BROKERED_TO"), DisclosurePolicy.offers(unqualified));
        assertEquals(grounds("HOLDS, QUOTED"), DisclosurePolicy.quotes(unqualified));
        assertEquals(grounds("BROKERED_PARTY"), DisclosurePolicy.matches(unqualified));
        assertEquals(grounds("OWNS"), DisclosurePolicy.owned(VIEWERS.get("pending-regulator")));
        assertEquals(Scope.EVERYTHING, DisclosurePolicy.owned(VIEWERS.get("staff")));
        assertEquals(new Scope.Grounds(Set.of()), DisclosurePolicy.listings(VIEWERS.get("bank")));
        assertEquals(new Scope.Grounds(Set.of()), DisclosurePolicy.offers(VIEWERS.get("bank")));
    }

    @Test
    void aSealedBidCommandBodyStaysOutOfAnExportUntilItsListingClosesAndForGoodIfNotAccepted() {
        assertEquals(Shown.HIDDEN, DisclosurePolicy.sealedBidCommand(true, false));
        assertEquals(Shown.FULL, DisclosurePolicy.sealedBidCommand(true, true));
        assertEquals(Shown.HIDDEN, DisclosurePolicy.sealedBidCommand(false, true));
        assertEquals(Shown.HIDDEN, DisclosurePolicy.sealedBidCommand(false, false));
    }

    @Test
    void anAnswerShowsAParticipantTheEventsNamingIt() {
        assertEquals(List.of(OWNER, COUNTER), DisclosurePolicy.names(sample("TradeExecuted")));
        assertEquals(List.of(OWNER, OWNER), DisclosurePolicy.names(sample("KeyRevoked")));
        assertTrue(DisclosurePolicy.names(sample("CustodySubmitted")).isEmpty());
    }

    private static Scope grounds(String names) {
        return new Scope.Grounds(Arrays.stream(names.split(", ")).map(Scope.Ground::valueOf)
                .collect(Collectors.toSet()));
    }

    private record Row(String context, String event, String viewer, String relation, String shown) {
        Disclosure decide() {
            Viewer who = VIEWERS.get(viewer);
            Event sample = sample(event);
            return switch (context) {
                case "feed" -> DisclosurePolicy.event(who, Relation.valueOf(relation), sample);
                case "answer" -> DisclosurePolicy.inAnswer(who, sample);
                case "export-open" -> DisclosurePolicy.sealedBid(who, ((SealedBidPlaced) sample).bidder(), false);
                case "export-closed" -> DisclosurePolicy.sealedBid(who, ((SealedBidPlaced) sample).bidder(), true);
                default -> throw new IllegalArgumentException(context);
            };
        }

        @Override
        public String toString() {
            return String.join(" | ", context, event, viewer, relation, shown);
        }
    }

    private static List<Row> rows() {
        return EVENT_TABLE.strip().lines().map(line -> {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (VIEWERS.get(cells[2]) == null) {
                throw new IllegalArgumentException("no viewer " + cells[2]);
            }
            return new Row(cells[0], cells[1], cells[2], cells[3], cells[4]);
        }).toList();
    }

    private static Event sample(String name) {
        return Stream.concat(VARIANTS.entrySet().stream().filter(v -> v.getKey().equals(name)).map(Map.Entry::getValue),
                        SAMPLES.stream().filter(e -> e.getClass().getSimpleName().equals(name)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no sample " + name));
    }

    /** A disclosure as the table writes it: whole, withheld, teaser, or its non-full fields, sorted. */
    private static String describe(Disclosure disclosure) {
        return switch (disclosure) {
            case Disclosure.Whole whole -> "whole";
            case Disclosure.Withheld withheld -> "withheld";
            case Disclosure.Teaser teaser -> "teaser";
            case Disclosure.Shaped shaped -> {
                List<String> cells = new ArrayList<>();
                flatten("", shaped, cells);
                yield cells.isEmpty() ? "whole" : String.join(", ", new TreeSet<>(cells));
            }
        };
    }

    private static void flatten(String prefix, Disclosure.Shaped shaped, List<String> cells) {
        shaped.fields().forEach((field, shown) -> {
            switch (shown) {
                case Shown.Full full -> {
                }
                case Shown.Hidden hidden -> cells.add(prefix + field + "=hidden");
                case Shown.Pseudonym pseudonym -> cells.add(prefix + field + "=" + pseudonym.label());
                case Shown.Fields nested -> {
                    switch (nested.disclosure()) {
                        case Disclosure.Whole whole -> {
                        }
                        case Disclosure.Withheld withheld -> cells.add(prefix + field + "=withheld");
                        case Disclosure.Teaser teaser -> cells.add(prefix + field + "=teaser");
                        case Disclosure.Shaped object -> flatten(prefix + field + ".", object, cells);
                    }
                }
                case Shown.Rows rows -> {
                    for (int i = 0; i < rows.rows().size(); i++) {
                        String at = prefix + field + "[" + i + "]";
                        switch (rows.rows().get(i)) {
                            case Disclosure.Whole whole -> {
                            }
                            case Disclosure.Withheld withheld -> cells.add(at + "=withheld");
                            case Disclosure.Teaser teaser -> cells.add(at + "=teaser");
                            case Disclosure.Shaped row -> flatten(at + ".", row, cells);
                        }
                    }
                }
            }
        });
    }

    private static String normal(String shown) {
        if (shown.equals("whole") || shown.equals("withheld") || shown.equals("teaser")) {
            return shown;
        }
        return String.join(", ", new TreeSet<>(Arrays.stream(shown.split(",")).map(String::strip).toList()));
    }
}
