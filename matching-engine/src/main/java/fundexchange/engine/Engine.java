package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DeclineListing;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic state machine: {@link #apply} takes one journaled command and returns its one event document.
 * Time and ids come only from the command record. Single-threaded by contract. It reads the journals only to confirm
 * a repeated request id ({@link JournaledRequests}), and holds a secret only to place ids in its idempotency memory
 * ({@link RequestMemoryKey}); neither reaches an outcome other than through the journal's own records.
 */
public final class Engine {
    private final ExchangeState state = new ExchangeState();
    private final StateApplier applier = new StateApplier(state);
    /** The in-memory journal this engine fills itself (see {@link #Engine()}), or null. */
    private final AppliedRequests own;
    /** Whether {@link #own} forgets what the idempotency memory no longer holds ({@link #selfContained()}). */
    private boolean forgets;
    private final Authentication authentication;
    private final SettlementRules settlement = new SettlementRules(state);
    private final Encumbrances encumbrances = new Encumbrances(state);
    private final DataRoomRules dataRooms = new DataRoomRules(state);
    private final CashRules cash = new CashRules(state);
    private final MarketDataRules marketData = new MarketDataRules(state);
    private final IdentityRules identity;
    private final FundRules funds = new FundRules(state);
    private final CustodyRules custody = new CustodyRules(state);
    private final CustodyWorkflow registrations = new CustodyWorkflow(state);
    private final TransferChecks checks = new TransferChecks(state);
    private final TradeTerms terms = new TradeTerms(state, checks);
    private final ListingLifecycle listings = new ListingLifecycle(state, checks);
    private final TransferNotices notices = new TransferNotices(state, checks, terms);
    private final NegotiatedTransferRules negotiated = new NegotiatedTransferRules(state, listings, checks, terms, notices);
    private final AuctionRules auctions = new AuctionRules(state, listings, checks, notices);
    private final Deadlines deadlines = new Deadlines(state, new AuctionClose(state, listings, checks, terms), settlement,
            notices);
    private final AuditRules audit = new AuditRules(state);
    private final BookRules books = new BookRules(state, listings, checks, terms);
    private final IntentMatching matching = new IntentMatching(state, checks);
    private final OfferRules offers = new OfferRules(state, listings, matching);
    private final IntentRules intents = new IntentRules(state, matching);
    private final InquiryRules inquiries = new InquiryRules(state, checks, terms);
    private final BrokerRules brokering = new BrokerRules(state, checks, terms);

    /**
     * An engine that confirms repeated request ids against {@code journaled} (the journals it is fed from) and places
     * ids in its idempotency memory under {@code key}. Allocates the memory for the default capacity now.
     */
    public Engine(JournaledRequests journaled, RequestMemoryKey key) {
        this(journaled, key, false);
    }

    /**
     * An engine for tests and offline tools that feed it records without Chronicle journals: it keeps the signed
     * requests it applies in an {@link AppliedRequests} of its own ({@link #applied()}) and places ids under the public
     * {@link RequestMemoryKey#FIXED}. Never for an engine facing the network.
     */
    public Engine() {
        this(new AppliedRequests(), RequestMemoryKey.FIXED, true);
    }

    /**
     * As {@link #Engine()}, but its in-memory journal forgets each request once the idempotency memory no longer holds
     * its id, so it stays as small as the memory: for long offline replays (benchmarks) whose journal no other engine
     * reads. (A test whose restored engines read this engine's journal uses {@link #Engine()}.)
     */
    public static Engine selfContained() {
        Engine engine = new Engine();
        engine.forgets = true;
        return engine;
    }

    private Engine(JournaledRequests journaled, RequestMemoryKey key, boolean fillsItself) {
        java.util.Objects.requireNonNull(journaled, "journaled requests");
        this.own = fillsItself ? (AppliedRequests) journaled : null;
        this.authentication = new Authentication(state, journaled);
        this.identity = new IdentityRules(state, settlement, new QualificationRules(state), encumbrances,
                new TransferTermsRules(state), notices, cash);
        state.requests.placeUnder(key);
    }

    /** Applies the next command; its index must follow the previous one. */
    public EventDocument apply(CommandRecord record) {
        if (record.index() != state.lastIndex + 1) {
            throw new IllegalStateException("journal gap: expected index " + (state.lastIndex + 1) + ", got " + record.index());
        }
        RulesVersion.requireOf(record);
        if (record.index() == 1 && record.command() instanceof Genesis genesis) {
            state.rulesVersion = RulesVersion.of(genesis.rulesVersion());
        }
        long time = Math.max(record.time(), state.lastTime);
        List<Event> events = null; // the deadlines' events, when any fired
        int fills = 0;
        for (List<Event> fired; !(fired = DepositFollowing.follow(state, fireNextDeadline(time, record.index(), fills)))
                .isEmpty(); ) {
            applyAll(fired, record.index(), time);
            if (events == null) {
                events = new ArrayList<>();
            }
            events.addAll(fired);
            fills += Deadlines.tradesIn(fired);
        }
        state.lastIndex = record.index();
        state.lastTime = time;
        state.requests.advance(time, state.parameters);
        Pruning.prune(state, time);
        Decided decided = decideAndApply(record, time, fills);
        List<Event> all = events == null ? decided.events() : append(events, decided.events());
        EventDocument document = new EventDocument(EventDocument.VERSION, record.index(), time, record.participant(),
                record.clientRequestId(), decided.outcome(), all);
        if (own != null) {
            own.record(record, document);
            if (forgets) {
                own.forgetBefore(state.requests.oldestIndex());
            }
        }
        return document;
    }

    /** A command's outcome and the events it decided (empty unless accepted). */
    private record Decided(Outcome outcome, List<Event> events) {
    }

    private static List<Event> append(List<Event> events, List<Event> more) {
        events.addAll(more);
        return events;
    }

    /** A deadline's decision never rejects; a failure there is a bug, so the engine halts. */
    private List<Event> fireNextDeadline(long time, long index, int fills) {
        try {
            return deadlines.fireNext(time, index, fills);
        } catch (RuntimeException bug) {
            throw new IllegalStateException("deciding a deadline at index " + index + " failed; engine halted", bug);
        }
    }

    private Decided decideAndApply(CommandRecord record, long time, int fills) {
        Authentication.Verdict verdict;
        try {
            verdict = authentication.authenticate(record, time);
        } catch (Rejection rejection) {
            return new Decided(rejected(rejection), List.of());
        } catch (JournaledRequests.Unavailable disagreement) {
            throw new IllegalStateException("the request memory points at a record the journals cannot give (index "
                    + record.index() + "); engine halted", disagreement);
        } catch (RuntimeException unexpected) {
            return new Decided(internal(unexpected), List.of());
        }
        if (verdict.duplicate() != null) {
            return new Decided(verdict.duplicate().outcome().asDuplicateOf(verdict.duplicate().index()), List.of());
        }
        Outcome outcome;
        List<Event> decided = List.of();
        try {
            CommandContext ctx = new CommandContext(record.index(), time, verdict.actor(), state.parameters.zone(), fills,
                    state.dates);
            decided = DepositFollowing.follow(state, decide(ctx, record.command()));
            outcome = Outcome.ACCEPTED;
        } catch (Rejection rejection) {
            outcome = rejected(rejection);
        } catch (RuntimeException unexpected) {
            outcome = internal(unexpected);
        }
        applyAll(decided, record.index(), time);
        authentication.remember(record, verdict, time);
        return new Decided(outcome, decided);
    }

    /**
     * Applies decided events. Deciding validated everything, so a failure here is a bug that may have left the state
     * half-changed: the engine halts rather than carry on (the runner raises the alarm; see docs/operations.md).
     */
    private void applyAll(List<Event> events, long index, long time) {
        try {
            for (int i = 0, n = events.size(); i < n; i++) {
                applier.apply(events.get(i), index, time);
            }
        } catch (RuntimeException bug) {
            throw new IllegalStateException("applying the events of index " + index + " failed; engine halted", bug);
        }
    }

    private static Outcome internal(RuntimeException unexpected) {
        return Outcome.rejected(RejectCode.INTERNAL.code(), RejectCode.INTERNAL.name(),
                "internal error: " + unexpected.getClass().getSimpleName());
    }

    private List<Event> decide(CommandContext ctx, Command command) {
        return switch (command) {
            case Genesis c -> identity.genesis(c);
            case Tick c -> List.of();
            case RegisterParticipant c -> identity.register(ctx, c);
            case Propose c -> identity.propose(ctx, c);
            case ApproveProposal c -> identity.approve(ctx, c);
            case RotateKey c -> identity.rotate(ctx, c);
            case RevokeKey c -> identity.revoke(ctx, c);
            case RegisterFund c -> funds.register(ctx, c);
            case UpdateNav c -> funds.updateNav(ctx, c);
            case SetHolidays c -> funds.setHolidays(ctx, c);
            case DepositUnits c -> custody.deposit(ctx, c);
            case ListNegotiated c -> negotiated.list(ctx, c);
            case ApproveListing c -> matching.afterApproval(ctx, listings.approve(ctx, c));
            case AcceptListing c -> negotiated.accept(ctx, c);
            case ConfirmSettlement c -> settlement.settle(ctx, c);
            case Checkpoint c -> audit.checkpoint(ctx, c);
            case DeclineListing c -> negotiated.decline(ctx, c);
            case WithdrawListing c -> listings.withdraw(ctx, c);
            case ClearRofr c -> listings.clearRofr(ctx, c);
            case ListAuction c -> auctions.list(ctx, c);
            case PlaceBid c -> auctions.bid(ctx, c);
            case PlaceSealedBid c -> auctions.sealedBid(ctx, c);
            case AmendSealedBid c -> auctions.amend(ctx, c);
            case CancelBid c -> auctions.cancel(ctx, c);
            case OpenBook c -> books.open(ctx, c);
            case HaltBook c -> books.halt(ctx, c);
            case PlaceOrder c -> books.place(ctx, c);
            case CancelOrder c -> books.cancel(ctx, c);
            case AmendOrder c -> books.amend(ctx, c);
            case SettleBookBatch c -> settlement.settleBookBatch(ctx, c);
            case PostOffer c -> offers.post(ctx, c);
            case WithdrawOffer c -> offers.withdraw(ctx, c);
            case PostIntent c -> intents.post(ctx, c);
            case AmendIntent c -> intents.amend(ctx, c);
            case CancelIntent c -> intents.cancel(ctx, c);
            case SubmitQuote c -> inquiries.submit(ctx, c);
            case CounterQuote c -> inquiries.counter(ctx, c);
            case AcceptQuote c -> inquiries.accept(ctx, c);
            case DeclineQuote c -> inquiries.decline(ctx, c);
            case BrokerMatch c -> brokering.broker(ctx, c);
            case AcceptMatch c -> brokering.accept(ctx, c);
            case DeclineMatch c -> brokering.decline(ctx, c);
            case SubmitCustody c -> registrations.submit(ctx, c);
            case ApproveCustody c -> registrations.approve(ctx, c);
            case RejectCustody c -> registrations.reject(ctx, c);
            case ConfirmHolding c -> registrations.confirm(ctx, c);
            case RegisterPledge c -> encumbrances.pledge(ctx, c);
            case ReleasePledge c -> encumbrances.release(ctx, c);
            case RegisterAppraisal c -> listings.stateOwned.register(ctx, c);
            case RegisterDocument c -> dataRooms.register(ctx, c);
            case AcceptNda c -> dataRooms.acceptNda(ctx, c);
            case DirectDisclosure c -> dataRooms.direct(ctx, c);
            case OpenDocument c -> dataRooms.open(ctx, c);
            case fundexchange.protocol.command.RegisterFundDocument c -> dataRooms.registerFundDocument(ctx, c);
            case fundexchange.protocol.command.RecordCashReceipt c -> cash.receipt(ctx, c);
            case fundexchange.protocol.command.RecordUnidentifiedReceipt c -> cash.unidentified(ctx, c);
            case fundexchange.protocol.command.RecordPayoutExecuted c -> cash.executed(ctx, c);
            case fundexchange.protocol.command.RecordPayoutReturned c -> cash.returned(ctx, c);
            case fundexchange.protocol.command.RecordBankStatement c -> cash.statement(ctx, c);
            case fundexchange.protocol.command.WithdrawCash c -> cash.withdraw(ctx, c);
            case fundexchange.protocol.command.FundTrade c -> settlement.dvp().fund(ctx, c);
            case fundexchange.protocol.command.ConfirmRegistration c -> settlement.dvp().confirm(ctx, c);
            case fundexchange.protocol.command.RefuseRegistration c -> settlement.dvp().refuse(ctx, c);
            case fundexchange.protocol.command.SetMarketDataConsent c -> marketData.consent(ctx, c);
            case AnswerTransferNotice c -> notices.answer(ctx, c);
        };
    }

    private static Outcome rejected(Rejection rejection) {
        return Outcome.rejected(rejection.code().code(), rejection.code().name(), rejection.getMessage());
    }

    /** Epoch ms of the earliest pending deadline, or {@link Long#MAX_VALUE} if none; the sequencer ticks for it. */
    public long nextDeadline() {
        return deadlines.next();
    }

    /** The whole state as data (on the engine thread, between commands). */
    public EngineSnapshot snapshot() {
        return Snapshots.take(state);
    }

    /**
     * An engine holding a snapshot's state, confirming repeated ids against {@code journaled} and placing ids under
     * {@code key}; throws if the restored state's hash differs from the snapshot's.
     */
    public static Engine restore(EngineSnapshot snapshot, JournaledRequests journaled, RequestMemoryKey key) {
        Engine engine = new Engine(journaled, key);
        Snapshots.restore(snapshot, engine.state);
        return engine;
    }

    /**
     * As {@link #restore(EngineSnapshot, JournaledRequests, RequestMemoryKey)} for an engine that fills its own
     * in-memory journal ({@link #Engine()}) from the snapshot on: a repeat of an id journaled before the snapshot
     * halts it, so give an engine that will see one the journal it came from.
     */
    public static Engine restore(EngineSnapshot snapshot) {
        Engine engine = new Engine();
        Snapshots.restore(snapshot, engine.state);
        return engine;
    }

    /** The in-memory journal this engine fills itself ({@link #Engine()}); empty for an engine over real journals. */
    public java.util.Optional<AppliedRequests> applied() {
        return java.util.Optional.ofNullable(own);
    }

    /** What waits on people now (approvals, proposals, settlements), for operators' metrics; on the engine thread. */
    public QueueDepths queues() {
        return QueueDepths.of(state);
    }

    /** The bytes the idempotency memory's arrays take (all its generations are allocated up front). */
    public long requestMemoryBytes() {
        return state.requests.bytes();
    }

    /** The live state, for tests in this package that check invariants without taking a snapshot. */
    ExchangeState state() {
        return state;
    }

    public long lastIndex() {
        return state.lastIndex;
    }

    /** SHA-256 (hex) over a canonical serialisation of the whole state; equal states give equal hashes. */
    public String stateHash() {
        return StateHash.of(state);
    }

    /** True if the outcome is one a client should see as success. */
    public static boolean succeeded(Outcome outcome) {
        return outcome.status() == OutcomeStatus.ACCEPTED
                || (outcome.status() == OutcomeStatus.DUPLICATE && outcome.reason() == null);
    }
}
