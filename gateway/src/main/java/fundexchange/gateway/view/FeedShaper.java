package fundexchange.gateway.view;

import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.disclosure.Relation;
import fundexchange.protocol.disclosure.Shown;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.DocumentEvent;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.AppraisalRegistered;
import fundexchange.protocol.event.DisclosureOpened;
import fundexchange.protocol.event.ReserveApprovalRecorded;
import fundexchange.protocol.event.ResultAnnounced;
import fundexchange.protocol.event.StateOwnedEvent;
import fundexchange.protocol.event.StateOwnedSet;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Delivers each event document to the feeds of those it concerns (CONTRACTS.md 12): the oversight feed gets every
 * document, each participant the events whose subject it stands in a {@link Relation} to, as {@link DisclosurePolicy}
 * shapes them for it (pseudonyms, sealed prices, reasons). This class knows only who is who (sellers, named buyers,
 * bidders in the order they first bid); what each sees is the policy's. Called by the view's one tailer thread only.
 */
final class FeedShaper {
    private static final Viewer OVERSIGHT = Viewer.active(FeedStore.EVERYTHING, Set.of(Role.STAFF, Role.REGULATOR));
    private final Map<Long, ListingSubmitted> listings = new ConcurrentHashMap<>();
    private final IntentFeed intents = new IntentFeed();
    private final PositionFeed positions = new PositionFeed();
    private final Set<Long> opened = ConcurrentHashMap.newKeySet();
    /** Every participant ever registered, in id order: a public notice reaches each one's feed. */
    private final Set<String> participants = new java.util.concurrent.ConcurrentSkipListSet<>();
    /** The settlement bank's participants (role BANK) ever registered: public notices of trades never reach them. */
    private final Set<String> banks = new java.util.concurrent.ConcurrentSkipListSet<>();
    /**
     * The bank's participants now ACTIVE (approved, not suspended, or reinstated): the receipts, instructions and
     * confirmations reach them only while active.
     */
    private final Set<String> activeBanks = new java.util.concurrent.ConcurrentSkipListSet<>();
    /** Staff and regulators (roles are fixed at registration): their data-room openings stay in the oversight feed. */
    private final Set<String> overseers = ConcurrentHashMap.newKeySet();
    /** Open transfer notices by listing id: who hears of their answers' resolution and of their listing's end. */
    private final Map<Long, TransferNoticeIssued> notices = new ConcurrentHashMap<>();
    /** Auctions in their match stage by listing id: who hears of the match's resolution. */
    private final Map<Long, AuctionAwardedConditionally> matches = new ConcurrentHashMap<>();
    /** Each live auction's bidders, in the order they first bid. */
    private final Map<Long, Set<String>> bidders = new ConcurrentHashMap<>();

    void shape(EventDocument doc, BiConsumer<String, FeedEntry> deliver) {
        deliver.accept(FeedStore.EVERYTHING, entry(doc, "document", sealed(doc)));
        if (doc.participant() != null) {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("clientRequestId", doc.clientRequestId());
            own.put("outcome", doc.outcome());
            deliver.accept(doc.participant(), entry(doc, "outcome", own));
        }
        for (Event event : doc.events()) {
            shapeEvent(doc, event, deliver);
        }
    }

    /** The whole document as the oversight feed shows it, each event as the policy discloses it to oversight. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sealed(EventDocument doc) {
        Map<String, Object> whole = JournalCodec.mapper().convertValue(doc, MAP);
        List<Object> events = (List<Object>) whole.get("events");
        for (int i = 0; i < doc.events().size(); i++) {
            Disclosure disclosure = DisclosurePolicy.event(OVERSIGHT, Relation.NONE, doc.events().get(i));
            if (!(disclosure instanceof Disclosure.Whole)) {
                events.set(i, Disclosed.fields((Map<String, Object>) events.get(i), disclosure));
            }
        }
        return whole;
    }

    /**
     * Routes each group of events to the switch that lists its members, so the compiler names this class (or
     * {@link PositionFeed} or {@link IntentFeed}) for every new event: someone must decide who hears of it.
     */
    private void shapeEvent(EventDocument doc, Event event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case KeyEvent e -> key(doc, e, deliver);
            case ParticipantEvent e -> participant(doc, e, deliver);
            case PlatformEvent e -> platform(doc, e, deliver);
            case ListingEvent e -> listing(doc, e, deliver);
            case TradeEvent e -> trade(doc, e, deliver);
            case HoldingEvent e -> positions.holding(doc, e, deliver);
            case BookEvent e -> positions.book(doc, e, deliver);
            case IntentEvent e -> intents.shape(doc, e, deliver);
            case StateOwnedEvent e -> stateOwned(doc, e, deliver);
            case DocumentEvent e -> dataRoom(doc, e, deliver);
            case fundexchange.protocol.event.CashEvent e -> cash(doc, e, deliver);
        }
    }

    /**
     * The data room: the holder hears of its documents and directions, of each NDA acceptance and of each opening by
     * an investor (the access log names the investor to the holder: docs/rules.md, Data room), not of openings by
     * staff or regulators (oversight does not tell the party it oversees what it reads); the investor of its own; a
     * fund's manager of the fund documents it registered.
     */
    private void dataRoom(EventDocument doc, DocumentEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case DocumentRegistered e -> to(e.holder(), Relation.SELF, doc, e, deliver);
            case fundexchange.protocol.event.FundDocumentRegistered e -> to(e.registeredBy(), Relation.SELF, doc, e, deliver);
            case DisclosureDirected e -> to(e.holder(), Relation.SELF, doc, e, deliver);
            case NdaAccepted e -> {
                to(e.investor(), Relation.SELF, doc, e, deliver);
                to(e.holder(), Relation.COUNTERPARTY, doc, e, deliver);
            }
            case DocumentOpened e -> {
                to(e.viewer(), Relation.SELF, doc, e, deliver);
                if (!e.holder().equals(e.viewer()) && !overseers.contains(e.viewer())) {
                    to(e.holder(), Relation.COUNTERPARTY, doc, e, deliver);
                }
            }
        }
    }

    /**
     * Cash (issue 22): an account's participant hears of its own account's movements (SELF); the bank's participants,
     * read with their BANK role, of the receipts, instructions, confirmations and statements, never of
     * suspense assignments, alarms or corrections; a correction reaches each participant it names with its own side; a
     * bid deposit's lock, release or hold only its participant (rules version 8).
     */
    private void cash(EventDocument doc, fundexchange.protocol.event.CashEvent event,
                      BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case fundexchange.protocol.event.CashReceived e -> {
                to(e.participantId(), Relation.SELF, doc, e, deliver);
                toBanks(doc, e, deliver);
            }
            case fundexchange.protocol.event.UnidentifiedReceiptRecorded e -> toBanks(doc, e, deliver);
            case fundexchange.protocol.event.SuspenseAssigned e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
            case fundexchange.protocol.event.PayoutInstructed e -> {
                to(e.account().participantId(), Relation.SELF, doc, e, deliver);
                toBanks(doc, e, deliver);
            }
            case fundexchange.protocol.event.PayoutExecuted e -> {
                to(e.account().participantId(), Relation.SELF, doc, e, deliver);
                toBanks(doc, e, deliver);
            }
            case fundexchange.protocol.event.PayoutReturned e -> {
                to(e.account().participantId(), Relation.SELF, doc, e, deliver);
                toBanks(doc, e, deliver);
            }
            case fundexchange.protocol.event.BankStatementRecorded e -> toBanks(doc, e, deliver);
            case fundexchange.protocol.event.EscrowMismatchRaised e -> { }
            case fundexchange.protocol.event.EscrowMismatchAcknowledged e -> { }
            case fundexchange.protocol.event.CashCorrected e -> {
                to(e.from().participantId(), Relation.SELF, doc, e, deliver);
                to(e.to().participantId(), Relation.SELF, doc, e, deliver);
            }
            // Delivery versus payment (rules version 8): never the bank's; each party what CashDisclosure shows it.
            case fundexchange.protocol.event.TradeFundingLocked e -> to(e.buyer(), Relation.SELF, doc, e, deliver);
            case fundexchange.protocol.event.TradeFunded e -> parties(doc, e, deliver, e.buyer(), e.seller(), e.manager());
            case fundexchange.protocol.event.RegistrationConfirmed e ->
                    parties(doc, e, deliver, e.buyer(), e.seller(), e.registrar());
            case fundexchange.protocol.event.RegistrationRefused e ->
                    parties(doc, e, deliver, e.buyer(), e.seller(), e.registrar());
            case fundexchange.protocol.event.TradeCashSettled e -> parties(doc, e, deliver, e.buyer(), e.seller());
            case fundexchange.protocol.event.TradeFundingReleased e -> parties(doc, e, deliver, e.buyer(), e.seller());
            case fundexchange.protocol.event.SettlementOverridden e -> parties(doc, e, deliver, e.buyer(), e.seller());
            // Rules version 9: units delivered or returned to the parties and the registrar, cash to the parties.
            case fundexchange.protocol.event.TradeUnitsDelivered e ->
                    parties(doc, e, deliver, e.buyer(), e.seller(), e.manager());
            case fundexchange.protocol.event.TradeUnitsReturned e ->
                    parties(doc, e, deliver, e.buyer(), e.seller(), e.manager());
            case fundexchange.protocol.event.TradeProceedsLocked e -> parties(doc, e, deliver, e.buyer(), e.seller());
            case fundexchange.protocol.event.TradeProceedsReleased e -> parties(doc, e, deliver, e.buyer(), e.seller());
            case fundexchange.protocol.event.TradeProceedsReturned e -> parties(doc, e, deliver, e.buyer(), e.seller());
            // A bid deposit names its bidder (a sealed bid's existence is private): its participant only, never the
            // bank, the seller or other bidders.
            case fundexchange.protocol.event.DepositLocked e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
            case fundexchange.protocol.event.DepositReleased e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
            case fundexchange.protocol.event.DepositHeldForTrade e ->
                    to(e.participantId(), Relation.SELF, doc, e, deliver);
        }
    }

    /** Each distinct named participant, as SELF: the disclosure policy decides what each sees (or nothing). */
    private static void parties(EventDocument doc, fundexchange.protocol.event.CashEvent event,
                                BiConsumer<String, FeedEntry> deliver, String... participants) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String participant : participants) {
            if (participant != null && seen.add(participant)) {
                to(participant, Relation.SELF, doc, event, deliver);
            }
        }
    }

    private void toBanks(EventDocument doc, fundexchange.protocol.event.CashEvent event,
                         BiConsumer<String, FeedEntry> deliver) {
        for (String bank : activeBanks) {
            Viewer viewer = Viewer.active(bank, Set.of(Role.BANK));
            Disclosure disclosure = DisclosurePolicy.event(viewer, Relation.COUNTERPARTY, event);
            if (!(disclosure instanceof Disclosure.Withheld)) {
                deliver.accept(bank, entry(doc, "event", Disclosed.fields(fields(event), disclosure)));
            }
        }
    }

    /** A participant hears of its own keys; the exchange's key is the oversight feed's only. */
    private static void key(EventDocument doc, KeyEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case ExchangeKeyRegistered e -> { }
            case KeyRegistered e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
            case KeyRevoked e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
        }
    }

    private void participant(EventDocument doc, ParticipantEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case ParticipantRegistered e -> {
                participants.add(e.participantId());
                if (e.roles().contains(Role.STAFF) || e.roles().contains(Role.REGULATOR)) {
                    overseers.add(e.participantId());
                }
                if (e.roles().contains(Role.BANK)) {
                    banks.add(e.participantId());
                }
                to(e.participantId(), Relation.SELF, doc, e, deliver);
            }
            case ParticipantApproved e -> {
                active(e.participantId(), true);
                to(e.participantId(), Relation.SELF, doc, e, deliver);
            }
            case ParticipantSuspended e -> {
                active(e.participantId(), false);
                to(e.participantId(), Relation.SELF, doc, e, deliver);
            }
            case ParticipantReinstated e -> {
                active(e.participantId(), true);
                to(e.participantId(), Relation.SELF, doc, e, deliver);
            }
            case QualificationSet e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
        }
    }

    /** Keeps {@link #activeBanks} to the bank's participants that are ACTIVE now. */
    private void active(String participantId, boolean active) {
        if (!banks.contains(participantId)) {
            return;
        }
        if (active) {
            activeBanks.add(participantId);
        } else {
            activeBanks.remove(participantId);
        }
    }

    /**
     * A state-owned holder hears of its own flag, appraisal and reserve approval; a listing's public disclosure and a
     * deal's result announcement reach every participant's feed except the settlement bank's (Order No. 32's public
     * notices; they name nobody; the bank sees nothing of trades, issue 22).
     */
    private void stateOwned(EventDocument doc, StateOwnedEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case StateOwnedSet e -> to(e.participantId(), Relation.SELF, doc, e, deliver);
            case AppraisalRegistered e -> to(e.holder(), Relation.SELF, doc, e, deliver);
            case ReserveApprovalRecorded e -> to(e.holder(), Relation.SELF, doc, e, deliver);
            case DisclosureOpened e -> toEveryone(doc, e, deliver);
            case ResultAnnounced e -> toEveryone(doc, e, deliver);
        }
    }

    private void toEveryone(EventDocument doc, StateOwnedEvent event, BiConsumer<String, FeedEntry> deliver) {
        for (String participant : participants) {
            if (!banks.contains(participant)) {
                to(participant, Relation.NONE, doc, event, deliver);
            }
        }
    }

    /**
     * The platform's reference data, proposals and checkpoints reach the oversight feed only; a manager's market-data
     * consent also reaches that manager.
     */
    private static void platform(EventDocument doc, PlatformEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case fundexchange.protocol.event.MarketDataConsentSet e -> to(e.manager(), Relation.SELF, doc, e, deliver);
            case PlatformParameterSet e -> { }
            case HolidaysSet e -> { }
            case FundRegistered e -> { }
            case TransferTermsSet e -> { }
            case NavUpdated e -> { }
            case ProposalCreated e -> { }
            case ProposalApproved e -> { }
            case ProposalExpired e -> { }
            case CheckpointRecorded e -> { }
        }
    }

    private void listing(EventDocument doc, ListingEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case ListingSubmitted e -> {
                listings.put(e.listingId(), e);
                to(e.seller(), Relation.SELF, doc, e, deliver);
            }
            case ListingOpened e -> opened(doc, e, deliver);
            case RofrCleared e -> to(listings.get(e.listingId()).seller(), Relation.SELF, doc, e, deliver);
            case TransferNoticeIssued e -> {
                notices.put(e.listingId(), e);
                noticeTo(doc, e, e, deliver);
            }
            case TransferNoticeAnswered e -> to(e.participant(), Relation.SELF, doc, e, deliver);
            case TransferNoticeResolved e -> {
                TransferNoticeIssued notice = notices.remove(e.listingId());
                if (notice != null) {
                    noticeTo(doc, notice, e, deliver);
                }
            }
            case BidPlaced e -> {
                to(e.bidder(), Relation.SELF, doc, e, deliver);
                to(listings.get(e.listingId()).seller(), Relation.COUNTERPARTY, doc, e, deliver);
                for (String other : bidders(e.listingId())) {
                    if (!other.equals(e.bidder())) {
                        to(other, Relation.RIVAL, doc, e, deliver);
                    }
                }
                bidders(e.listingId()).add(e.bidder());
            }
            case SealedBidPlaced e -> {
                to(e.bidder(), Relation.SELF, doc, e, deliver);
                to(listings.get(e.listingId()).seller(), Relation.COUNTERPARTY, doc, e, deliver);
                bidders(e.listingId()).add(e.bidder());
            }
            case BidCancelled e -> {
                to(e.bidder(), Relation.SELF, doc, e, deliver);
                to(listings.get(e.listingId()).seller(), Relation.COUNTERPARTY, doc, e, deliver);
            }
            case AuctionClosed e -> {
                to(listings.get(e.listingId()).seller(), Relation.SELF, doc, e, deliver);
                for (String bidder : bidders(e.listingId())) {
                    to(bidder, Relation.COUNTERPARTY, doc, e, deliver);
                }
            }
            case AuctionAwardedConditionally e -> {
                matches.put(e.listingId(), e);
                matchTo(doc, e, e, deliver);
            }
            case fundexchange.protocol.event.AuctionMatchResolved e -> {
                AuctionAwardedConditionally award = matches.remove(e.listingId());
                if (award != null) {
                    matchTo(doc, award, e, deliver);
                }
            }
            case ListingExpired e -> ended(doc, e, e.listingId(), deliver);
            case ListingDeclined e -> ended(doc, e, e.listingId(), deliver);
            case ListingWithdrawn e -> ended(doc, e, e.listingId(), deliver);
            case ListingCancelled e -> ended(doc, e, e.listingId(), deliver);
        }
    }

    /** Both sides hear of a trade and its settlement; a listing's trade ends what this class kept of it. */
    private void trade(EventDocument doc, TradeEvent event, BiConsumer<String, FeedEntry> deliver) {
        switch (event) {
            case TradeExecuted e -> {
                traded(e);
                to(e.seller(), Relation.SELF, doc, e, deliver);
                to(e.buyer(), Relation.SELF, doc, e, deliver);
            }
            case TradeSettled e -> {
                to(e.seller(), Relation.SELF, doc, e, deliver);
                to(e.buyer(), Relation.SELF, doc, e, deliver);
            }
            case TradeFailed e -> {
                to(e.seller(), Relation.SELF, doc, e, deliver);
                to(e.buyer(), Relation.SELF, doc, e, deliver);
            }
        }
    }

    /** The seller hears of the approval; a named buyer gets the listing's terms, each side as the policy names it. */
    private void opened(EventDocument doc, ListingOpened e, BiConsumer<String, FeedEntry> deliver) {
        ListingSubmitted listing = listings.get(e.listingId());
        opened.add(e.listingId());
        to(listing.seller(), Relation.SELF, doc, e, deliver);
        if (listing.buyer() == null) {
            return;
        }
        Disclosure terms = DisclosurePolicy.event(party(listing.buyer()), Relation.COUNTERPARTY, e);
        if (terms instanceof Disclosure.Withheld) {
            return;
        }
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("type", "ListingOpened");
        offer.put("listingId", listing.listingId());
        offer.put("fundCode", listing.fundCode());
        offer.put("units", listing.units());
        offer.put("price", listing.price());
        offer.put("expiresAt", listing.expiresAt());
        offer.put("seller", label(terms.field("seller"), listing.seller()));
        offer.put("you", label(terms.field("buyer"), listing.buyer()));
        deliver.accept(listing.buyer(), entry(doc, "event", offer));
    }

    private static String label(Shown shown, String participantId) {
        return shown instanceof Shown.Pseudonym pseudonym ? pseudonym.label() : participantId;
    }

    /**
     * A listing ended without a trade: the seller hears of it, a named buyer to whom it was opened and every bidder
     * too, as the policy shows it to each (a reason that may name someone else stays out).
     */
    private void ended(EventDocument doc, Event event, long listingId, BiConsumer<String, FeedEntry> deliver) {
        ListingSubmitted listing = listings.get(listingId);
        to(listing.seller(), Relation.SELF, doc, event, deliver);
        if (listing.buyer() != null && opened.contains(listingId)) {
            to(listing.buyer(), Relation.COUNTERPARTY, doc, event, deliver);
        }
        for (String bidder : bidders(listingId)) {
            to(bidder, Relation.COUNTERPARTY, doc, event, deliver);
        }
        TransferNoticeIssued notice = notices.remove(listingId);
        if (notice != null) {
            for (TransferNoticeIssued.NoticeHolder holder : notice.holders()) {
                to(holder.holder(), Relation.COUNTERPARTY, doc, event, deliver);
            }
            if (managerDecides(notice)) {
                to(notice.manager(), Relation.COUNTERPARTY, doc, event, deliver);
            }
        }
        forget(listingId);
    }

    /**
     * A transfer notice's event goes to those the notice went to (CONTRACTS.md 12's exception): the seller and the
     * manager as its own, each holder on the register as a counterparty (the policy shows a holder its own line only).
     */
    private static void noticeTo(EventDocument doc, TransferNoticeIssued notice, Event event,
                                 BiConsumer<String, FeedEntry> deliver) {
        to(notice.transferor(), Relation.SELF, doc, event, deliver);
        if (managerDecides(notice)) {
            to(notice.manager(), Relation.SELF, doc, event, deliver);
        }
        for (TransferNoticeIssued.NoticeHolder holder : notice.holders()) {
            to(holder.holder(), Relation.COUNTERPARTY, doc, event, deliver);
        }
    }

    /**
     * An auction's match stage (rules version 6): the seller as its own, the winner and each holder of the right (the
     * manager first when it holds the first priority) as counterparties; the policy keeps the winner from the holders
     * and them from the winner. Other bidders and holders hear nothing.
     */
    private static void matchTo(EventDocument doc, AuctionAwardedConditionally award, Event event,
                                BiConsumer<String, FeedEntry> deliver) {
        to(award.seller(), Relation.SELF, doc, event, deliver);
        to(award.winner(), Relation.COUNTERPARTY, doc, event, deliver);
        if (award.priority() == fundexchange.protocol.transfer.PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA
                && award.manager() != null && !award.manager().equals(award.seller())
                && !award.manager().equals(award.winner())) {
            to(award.manager(), Relation.COUNTERPARTY, doc, event, deliver);
        }
        for (TransferNoticeIssued.NoticeHolder holder : award.holders()) {
            to(holder.holder(), Relation.COUNTERPARTY, doc, event, deliver);
        }
    }

    /**
     * Whether the notice asks the manager anything: its consent, its attestation, or its own first priority (a manager
     * with nothing to decide is not told; a manager holding units hears as a holder on the register).
     */
    private static boolean managerDecides(TransferNoticeIssued notice) {
        String manager = notice.manager();
        return manager != null && !manager.equals(notice.transferor()) && !manager.equals(notice.buyer())
                && (notice.consentRequired() || notice.attestationRequired()
                || notice.priority() == fundexchange.protocol.transfer.PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA);
    }

    /** Delivers {@code event} to {@code participant} (if any) as the policy discloses it to one in {@code relation}. */
    static void to(String participant, Relation relation, EventDocument doc, Event event,
                   BiConsumer<String, FeedEntry> deliver) {
        to(participant, relation, doc, event, event, deliver);
    }

    /** As above, showing {@code shown} (the event narrowed to what concerns the participant) in place of the event. */
    static void to(String participant, Relation relation, EventDocument doc, Event event, Event shown,
                   BiConsumer<String, FeedEntry> deliver) {
        if (participant == null) {
            return;
        }
        Disclosure disclosure = DisclosurePolicy.event(party(participant), relation, event);
        if (!(disclosure instanceof Disclosure.Withheld)) {
            deliver.accept(participant, entry(doc, "event", Disclosed.fields(fields(shown), disclosure)));
        }
    }

    /** A feed's participant as a party: staff and regulators read the oversight feed, not this one. */
    private static Viewer party(String participantId) {
        return Viewer.active(participantId, Set.of());
    }

    private Set<String> bidders(long listingId) {
        return bidders.computeIfAbsent(listingId, id -> new LinkedHashSet<>());
    }

    /** A trade ends its listing, unless an acceptance of part of the lot leaves units: those stay on sale. */
    private void traded(TradeExecuted e) {
        ListingSubmitted l = listings.get(e.listingId());
        if (l == null || e.units().compareTo(l.units()) >= 0) {
            forget(e.listingId());
            return;
        }
        listings.put(l.listingId(), l.withUnits(l.units().minus(e.units())));
    }

    /** The listing as this shaper keeps it (its units left after partial trades), if it still does. */
    Optional<ListingSubmitted> kept(long listingId) {
        return Optional.ofNullable(listings.get(listingId));
    }

    private void forget(long listingId) {
        listings.remove(listingId);
        opened.remove(listingId);
        bidders.remove(listingId);
    }

    private static final Class<Map<String, Object>> MAP = mapType();

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    static Map<String, Object> fields(Object event) {
        return JournalCodec.mapper().convertValue(event, MAP);
    }

    static FeedEntry whole(EventDocument doc, Event event) {
        return entry(doc, "event", fields(event));
    }

    static FeedEntry entry(EventDocument doc, String kind, Map<String, Object> data) {
        return new FeedEntry(doc.sourceIndex(), doc.time(), kind, data);
    }
}
