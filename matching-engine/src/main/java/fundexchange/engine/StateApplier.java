package fundexchange.engine;

import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
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
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.engine.dataroom.DataRoom;
import fundexchange.engine.dataroom.RoomDocument;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.engine.listing.Bid;
import fundexchange.protocol.listing.BidStatus;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.KeyRecord;
import fundexchange.protocol.reference.KeyStatus;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.TransferTermsSet;
import java.time.LocalDate;
import java.util.List;
import fundexchange.engine.stateowned.Appraisal;
import fundexchange.engine.stateowned.PublicDisclosure;
import fundexchange.engine.stateowned.ReserveApproval;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.event.AppraisalRegistered;
import fundexchange.protocol.event.DisclosureOpened;
import fundexchange.protocol.event.ReserveApprovalRecorded;
import fundexchange.protocol.event.ResultAnnounced;
import fundexchange.protocol.event.StateOwnedEvent;
import fundexchange.protocol.event.StateOwnedSet;

/** Applies decided events to the state. It never rejects: every check happened while deciding. */
final class StateApplier {
    private final ExchangeState state;
    private final BusinessCalendar calendar;
    private final IntentApplier intents;
    private final CustodyApplier custody;

    StateApplier(ExchangeState state) {
        this.state = state;
        this.calendar = new BusinessCalendar(state);
        this.intents = new IntentApplier(state);
        this.custody = new CustodyApplier(state);
    }

    private DataRoom room(long listingId, String holder) {
        DataRoom room = state.dataRooms.get(listingId);
        return room == null ? DataRoom.empty(listingId, holder) : room;
    }

    /**
     * Applies {@code event} of the command at {@code index}, applied at journal time {@code time} (the command's, its
     * deadlines' events included): a listing or trade the event finishes is queued in the bounded history at it.
     */
    void apply(Event event, long index, long time) {
        if (time < state.lastTime) {
            throw new IllegalStateException("applying at " + time + ", before the journal time " + state.lastTime);
        }
        state.applyingAt = time;
        switch (event) {
            case ExchangeKeyRegistered e -> {
                state.exchangeKey = new ExchangeState.ExchangeKey(e.keyId(), e.algorithm(), e.publicKey());
                state.indexKey(e.keyId(), e.publicKey());
            }
            case ParticipantRegistered e -> {
                state.participants.put(e.participantId(), new Participant(e.participantId(), e.name(),
                        e.participantType(), e.roles(), e.active() ? ParticipantStatus.ACTIVE : ParticipantStatus.PENDING,
                        QualificationStatus.NOT_QUALIFIED, null));
                state.indexParticipant(e.participantId());
            }
            case ParticipantApproved e -> {
                state.participants.computeIfPresent(e.participantId(), (id, p) -> p.withStatus(ParticipantStatus.ACTIVE));
                state.indexBank(e.participantId());
            }
            case ParticipantSuspended e -> {
                state.participants.computeIfPresent(e.participantId(),
                        (id, p) -> p.withStatus(ParticipantStatus.SUSPENDED));
                state.indexBank(e.participantId());
            }
            case ParticipantReinstated e -> {
                state.participants.computeIfPresent(e.participantId(), (id, p) -> p.withStatus(ParticipantStatus.ACTIVE));
                state.indexBank(e.participantId());
            }
            case QualificationSet e -> state.participants.computeIfPresent(e.participantId(),
                    (id, p) -> p.withQualification(e.status(), e.validUntil()));
            case KeyRegistered e -> {
                state.keys.put(e.keyId(), new KeyRecord(e.keyId(), e.participantId(), e.algorithm(), e.publicKey(),
                        KeyStatus.ACTIVE, index, 0));
                state.activeKeys.merge(e.participantId(), 1, Integer::sum);
                state.indexKey(e.keyId(), e.publicKey());
            }
            case KeyRevoked e -> {
                state.keys.computeIfPresent(e.keyId(), (id, k) -> k.revoked(index));
                state.activeKeys.computeIfPresent(e.participantId(), (id, n) -> n > 1 ? n - 1 : null);
            }
            case ProposalCreated e -> {
                long expiresAt = e.expiresAt() == null ? 0 : e.expiresAt();  // 0: never expires
                state.proposals.put(e.proposalId(),
                        new ExchangeState.Proposal(e.proposalId(), e.proposer(), e.action(), false, expiresAt, false));
                if (expiresAt != 0) {
                    ExchangeState.addDeadline(state.proposalDeadlines, expiresAt, e.proposalId());
                }
            }
            case ProposalApproved e -> {
                ExchangeState.Proposal p = state.proposals.get(e.proposalId());
                state.proposals.put(p.proposalId(), new ExchangeState.Proposal(p.proposalId(), p.proposer(), p.action(),
                        true, p.expiresAt(), false));
                ExchangeState.removeDeadline(state.proposalDeadlines, p.expiresAt(), p.proposalId());
            }
            case ProposalExpired e -> {
                ExchangeState.Proposal p = state.proposals.get(e.proposalId());
                state.proposals.put(p.proposalId(), new ExchangeState.Proposal(p.proposalId(), p.proposer(), p.action(),
                        false, p.expiresAt(), true));
                ExchangeState.removeDeadline(state.proposalDeadlines, p.expiresAt(), p.proposalId());
            }
            case PlatformParameterSet e -> {
                state.parameters = state.parameters.with(e.name(), e.value());
                state.requests.resize(state.parameters);
            }
            case FundRegistered e -> state.funds.put(e.fund().fundCode(), e.fund());
            case NavUpdated e -> {
                state.funds.computeIfPresent(e.fundCode(), (c, f) -> f.withNav(e.nav(), e.navDate()));
                state.intentBook.repriceFund(e.fundCode());
            }
            case HolidaysSet e -> { // immutable copies (the same lists when already so): SettlementDeadline.Last
                state.holidays.put(e.year(), List.copyOf(e.holidays()));
                if (e.workdays() == null || e.workdays().isEmpty()) {
                    state.workdays.remove(e.year());
                } else {
                    state.workdays.put(e.year(), List.copyOf(e.workdays()));
                }
            }
            case TransferTermsSet e -> state.transferTerms.put(e.terms().fundCode(), e.terms());
            case fundexchange.protocol.event.MarketDataConsentSet e -> {
                if (e.publish()) {
                    state.marketDataFunds.add(e.fundCode());
                } else {
                    state.marketDataFunds.remove(e.fundCode());
                }
            }
            case UnitsDeposited e -> deposit(e);
            case ListingSubmitted e -> submit(e);
            case ListingOpened e -> state.changeListing(e.listingId(), l -> l.withStatus(ListingStatus.OPEN));
            case RofrCleared e -> {
                state.dropNotice(e.listingId());
                state.changeListing(e.listingId(), l -> l.withRofr(
                        e.decision() == ClearRofr.RofrDecision.EXERCISED ? RofrStatus.EXERCISED : RofrStatus.CLEARED));
            }
            case TransferNoticeIssued e -> state.putNotice(fundexchange.engine.listing.TransferNotice.of(e,
                    state.transferTerms.get(e.fundCode()).consentOnSilence()));
            case TransferNoticeAnswered e -> state.notices.computeIfPresent(e.listingId(), (id, n) -> switch (e.answer()) {
                case CONSENT, REFUSE -> n.withConsent(e.answer());
                case ATTEST_WAIVERS -> n.withAttestation(e.evidenceDigest());
                case WAIVE -> n.withExercise(new fundexchange.engine.listing.TransferNotice.PriorityAnswer(e.participant(),
                        Units.ZERO, index));
                case EXERCISE -> n.withExercise(new fundexchange.engine.listing.TransferNotice.PriorityAnswer(e.participant(),
                        e.units(), index));
            });
            case AuctionAwardedConditionally e -> {
                Listing listing = state.listings.get(e.listingId());
                // The close is done: the listing waits for its match stage's deadline, not its end.
                ExchangeState.removeDeadline(state.listingDeadlines, listing.deadline(), listing.listingId());
                state.putNotice(fundexchange.engine.listing.TransferNotice.of(e, listing.seller(),
                        state.transferTerms.get(e.fundCode()).consentOnSilence()));
            }
            case AuctionMatchResolved e -> state.dropNotice(e.listingId());
            case TransferNoticeResolved e -> {
                state.dropNotice(e.listingId());
                if (e.consent().allows()) {
                    state.changeListing(e.listingId(), l -> l.withRofr(RofrStatus.CLEARED));
                }
            }
            case ListingExpired e -> close(e.listingId(), e.unitsUnlocked(), ListingStatus.EXPIRED);
            case ListingDeclined e -> close(e.listingId(), e.unitsUnlocked(), ListingStatus.CANCELLED);
            case ListingWithdrawn e -> close(e.listingId(), e.unitsUnlocked(), ListingStatus.CANCELLED);
            case ListingCancelled e -> close(e.listingId(), e.unitsUnlocked(), ListingStatus.CANCELLED);
            case BidPlaced e -> {
                addBid(new Bid(e.bidId(), e.listingId(), e.bidder(), e.pseudonym(), e.price(), BidStatus.ACTIVE, null,
                        e.terms()));
                if (e.extended()) {
                    extend(e.listingId(), e.endsAt());
                }
            }
            case SealedBidPlaced e -> addBid(new Bid(e.bidId(), e.listingId(), e.bidder(), e.pseudonym(), e.price(), BidStatus.ACTIVE,
                    e.nonce()));
            case BidCancelled e -> state.bids.computeIfPresent(e.bidId(), (id, b) -> b.withStatus(BidStatus.CANCELLED));
            case AuctionClosed e -> e.bids().forEach(b ->
                    state.bids.computeIfPresent(b.bidId(), (id, bid) -> bid.withStatus(b.status())));
            case TradeExecuted e -> execute(e, index);
            case TradeSettled e -> settle(e, time);
            case TradeFailed e -> fail(e, time);
            case CheckpointRecorded e -> state.lastCheckpointIndex = e.chainIndex();
            case CustodySubmitted e -> custody.submitted(e);
            case CustodyApproved e -> custody.approved(e);
            case CustodyRejected e -> custody.rejected(e);
            case HoldingConfirmed e -> custody.confirmed(e);
            case PledgeRegistered e -> custody.pledged(e);
            case PledgeReleased e -> custody.released(e);
            case UnitsFrozen e -> custody.frozen(e);
            case UnitsUnfrozen e -> custody.unfrozen(e);
            case DocumentRegistered e -> state.putDataRoom(room(e.listingId(), e.holder()).withDocument(new RoomDocument(
                    e.documentId(), e.digest(), e.kind(), e.title(), e.size(), e.pages())));
            case DisclosureDirected e -> state.putDataRoom(room(e.listingId(), e.holder()).withDirected(e.investors()));
            case NdaAccepted e -> state.putDataRoom(room(e.listingId(), e.holder()).withAcceptance(e.investor(), e.version()));
            case fundexchange.protocol.event.FundDocumentRegistered e -> state.fundDocuments.put(e.documentId(),
                    new fundexchange.engine.dataroom.FundDocument(e.documentId(), e.fundCode(), e.registeredBy(),
                            e.digest(), e.kind(), e.title(), e.size(), e.pages()));
            case DocumentOpened e -> { } // the access log is the journal's (and the registry's), not engine state
            case OfferPosted e -> intents.offerPosted(e);
            case OfferClosed e -> intents.offerClosed(e);
            case IntentPosted e -> intents.intentPosted(e, index);
            case IntentAmended e -> intents.intentAmended(e, index);
            case IntentClosed e -> intents.intentClosed(e);
            case QuoteSubmitted e -> intents.quoteSubmitted(e);
            case QuoteCountered e -> intents.quoteCountered(e);
            case QuoteDeclined e -> state.intentBook.removeQuote(e.quoteId());
            case QuoteAccepted e -> state.intentBook.removeQuote(e.quoteId());
            case MatchProposed e -> intents.matchProposed(e);
            case MatchBrokered e -> intents.matchBrokered(e);
            case MatchAccepted e -> intents.matchAccepted(e);
            case MatchDeclined e -> state.intentBook.removeMatch(e.matchId());
            case MatchAgreed e -> state.intentBook.removeMatch(e.matchId());
            case IntentMatchedListing e -> { }
            case MatchScanLimited e -> { }
            case BookOpened e -> state.books.apply(e, index);
            case BookHalted e -> state.books.apply(e, index);
            case OrderAccepted e -> {
                state.books.apply(e, index);
                lockForSale(e.fundCode(), e.owner(), e.side(), e.units());
            }
            case OrderAmended e -> {
                state.books.apply(e, index);
                lockForSale(e.fundCode(), e.owner(), e.side(), e.units().minus(e.unitsBefore()));
            }
            case OrderCancelled e -> {
                state.books.apply(e, index);
                lockForSale(e.fundCode(), e.owner(), e.side(), new Units(-e.units().raw()));
            }
            case BookBatchSettled e -> { }
            case StateOwnedEvent e -> stateOwned(e);
            case fundexchange.protocol.event.TradeFunded e -> {
                // Funded: the settlement deadline no longer applies; the registration deadline does (CashLedger).
                Trade funded = state.trades.get(e.tradeId());
                state.settlementDeadlines.remove(funded.settleBy(), funded.tradeId());
                CashApplier.apply(state.cash, e, null);
            }
            case fundexchange.protocol.event.TradeUnitsDelivered e -> {
                delivered(e);
                state.indexDelivered(state.trades.get(e.tradeId()), true);
                CashApplier.apply(state.cash, e, null);
                reconcileReservation(e.fundCode(), e.seller());
                reconcileReservation(e.fundCode(), e.buyer());
            }
            case fundexchange.protocol.event.TradeUnitsReturned e -> returned(e);
            case fundexchange.protocol.event.CashEvent e -> CashApplier.apply(state.cash, e, java.time.Instant
                    .ofEpochMilli(state.lastTime).atZone(java.time.ZoneId.of(state.parameters.zone())).toLocalDate()
                    .toString());
        }
    }

    private void stateOwned(StateOwnedEvent event) {
        switch (event) {
            case StateOwnedSet e -> {
                if (e.stateOwned()) {
                    state.stateOwnedHolders.add(e.participantId());
                } else {
                    state.stateOwnedHolders.remove(e.participantId());
                }
            }
            case AppraisalRegistered e -> state.appraisals.put(ExchangeState.positionKey(e.fundCode(), e.holder()),
                    new Appraisal(e.appraisalId(), e.fundCode(), e.holder(), e.value(), e.units(), e.pricePerUnit(),
                            e.filingReference(), e.validUntil(), null));
            case ReserveApprovalRecorded e -> state.appraisals.computeIfPresent(ExchangeState.positionKey(e.fundCode(), e.holder()),
                    (key, a) -> a.withApproval(new ReserveApproval(e.minimumPrice(), e.approvalReference(), e.proposalId())));
            case DisclosureOpened e -> state.disclosures.put(e.listingId(), new PublicDisclosure(e.listingId(), e.fundCode(),
                    state.listings.get(e.listingId()).seller(), e.appraisalId(), e.appraisedPrice(), e.openedAt(), e.dealsFrom()));
            case ResultAnnounced e -> { }
        }
    }

    /** A sell order's open units are locked; they stay locked as a pending trade's when filled. */
    private void lockForSale(String fundCode, String owner, Side side, Units change) {
        if (side == Side.SELL && change.raw() != 0) {
            Position seller = state.position(fundCode, owner);
            putPosition(seller.withLocked(seller.locked().plus(change)));
        }
    }

    private void deposit(UnitsDeposited e) {
        Position before = state.position(e.fundCode(), e.holder());
        putPosition(CustodyApplier.deposited(before, e).withUnits(before.units().plus(e.units()), before.locked(),
                before.cost().plus(e.cost())));
        Fund fund = state.funds.get(e.fundCode());
        state.funds.put(fund.fundCode(), fund.withHolders(e.holderCount(), fund.reservedHolders()));
        reconcileReservation(e.fundCode(), e.holder());
    }

    private void submit(ListingSubmitted e) {
        ListingMechanism mechanism = e.mechanism() == null ? ListingMechanism.NEGOTIATED : e.mechanism();
        RofrStatus rofr = e.rofr() == null ? RofrStatus.NOT_APPLICABLE : e.rofr();
        Listing listing = new Listing(e.listingId(), e.fundCode(), e.seller(), e.buyer(), e.units(), e.price(),
                e.expiresAt(), ListingStatus.PENDING_APPROVAL, mechanism, e.auction(), rofr, e.deposit(), null, e.terms());
        state.putListing(listing);
        Position seller = state.position(e.fundCode(), e.seller());
        putPosition(seller.withLocked(seller.locked().plus(e.units())));
        ExchangeState.addDeadline(state.listingDeadlines, listing.deadline(), listing.listingId());
    }

    private void addBid(Bid bid) {
        state.bids.put(bid.bidId(), bid);
        state.bidsByListing.computeIfAbsent(bid.listingId(), id -> new java.util.TreeSet<>()).add(bid.bidId());
        state.rememberNonce(bid);
    }

    private void extend(long listingId, long newEnd) {
        Listing listing = state.listings.get(listingId);
        ExchangeState.removeDeadline(state.listingDeadlines, listing.deadline(), listingId);
        Listing extended = listing.withAuction(listing.auction().endingAt(newEnd));
        state.putListing(extended);
        ExchangeState.addDeadline(state.listingDeadlines, extended.deadline(), listingId);
    }

    private void close(long listingId, Units unlocked, ListingStatus status) {
        state.dropNotice(listingId);
        Listing listing = state.listings.get(listingId);
        state.putListing(listing.withStatus(status));
        Position seller = state.position(listing.fundCode(), listing.seller());
        putPosition(seller.withLocked(seller.locked().minus(unlocked)));
        ExchangeState.removeDeadline(state.listingDeadlines, listing.deadline(), listingId);
    }

    private void execute(TradeExecuted e, long index) {
        if (state.trades.containsKey(e.tradeId())) {
            throw new IllegalStateException("trade id " + e.tradeId() + " is already taken");
        }
        if (e.bookTrade()) {
            state.books.apply(e, index);
        } else if (e.offerId() != null) {
            intents.traded(e);
        } else {
            Listing listing = state.listings.get(e.listingId());
            if (e.units().compareTo(listing.units()) < 0) {
                // An acceptance of part of the lot (a mechanism that trades at once): the rest stays open, locked, with the same deadline.
                state.putListing(listing.withUnits(listing.units().minus(e.units())));
            } else {
                state.putListing(listing.withStatus(ListingStatus.EXECUTED));
                ExchangeState.removeDeadline(state.listingDeadlines, listing.deadline(), listing.listingId());
            }
        }
        Trade trade = new Trade(e.tradeId(), e.listingId(), e.fundCode(), e.seller(), e.buyer(), e.units(), e.price(),
                e.consideration(), e.buyerReservedHolderRoom(), TradeStatus.PENDING_SETTLEMENT, e.settleBy(),
                e.buyOrderId(), e.sellOrderId(), e.tradeDate(), e.offerId());
        state.trades.put(e.tradeId(), trade);
        state.indexPending(trade, true);
        if (e.buyerFee() != null) { // settled delivery versus payment (rules version 8)
            Fund fund = state.funds.get(e.fundCode());
            fundexchange.protocol.transfer.TransferTerms terms = state.transferTerms.get(e.fundCode());
            // The registrar is fixed now: the fund's manager, unless none or a party to the trade (then staff).
            String manager = terms == null || e.seller().equals(terms.manager()) || e.buyer().equals(terms.manager())
                    ? null : terms.manager();
            state.cash.putFunding(new fundexchange.engine.cash.TradeFunding(e.tradeId(), e.fundCode(), e.seller(),
                    e.buyer(), manager, fund.currency(), e.consideration(), e.buyerFee(),
                    e.sellerFee(), fundexchange.protocol.money.Money.ZERO, 0));
        }
        state.settlementDeadlines.add(e.settleBy(), e.tradeId());
        reconcileReservation(e.fundCode(), e.buyer());
    }

    /** Rules version 9: the units move at funding, locked with the buyer pending the registration change. */
    private void delivered(fundexchange.protocol.event.TradeUnitsDelivered e) {
        Money subscribed = orZero(e.subscribedMoved());
        Money paidIn = orZero(e.paidInMoved());
        Position seller = state.position(e.fundCode(), e.seller());
        Position sold = seller.withUnits(seller.units().minus(e.units()), seller.locked().minus(e.units()),
                        seller.cost().minus(e.sellerCostReleased()))
                .withCommitment(seller.subscribed().minus(subscribed), seller.paidIn().minus(paidIn));
        putPosition(sold.withAcquiredUnits(sold.acquiredUnits() == null ? null : sold.acquiredUnits().min(sold.units())));
        Position buyer = state.position(e.fundCode(), e.buyer());
        putPosition(buyer.withUnits(buyer.units().plus(e.units()), buyer.locked(), buyer.cost().plus(e.consideration()))
                .withCommitment(buyer.subscribed().plus(subscribed), buyer.paidIn().plus(paidIn))
                .withRegistering(buyer.pendingRegistration().plus(e.units())));
        Fund fund = state.funds.get(e.fundCode());
        state.funds.put(fund.fundCode(), fund.withHolders(e.holderCount(), fund.reservedHolders()));
    }

    /** Rules version 9: a delivered trade unwinds; its units return to the seller, locked as the trade's. */
    private void returned(fundexchange.protocol.event.TradeUnitsReturned e) {
        Money subscribed = orZero(e.subscribedMoved());
        Money paidIn = orZero(e.paidInMoved());
        Position buyer = state.position(e.fundCode(), e.buyer());
        Position back = buyer.withUnits(buyer.units().minus(e.units()), buyer.locked(),
                        buyer.cost().minus(e.buyerCostReleased()))
                .withCommitment(buyer.subscribed().minus(subscribed), buyer.paidIn().minus(paidIn))
                .withRegistering(buyer.pendingRegistration().minus(e.units()));
        putPosition(back.withAcquiredUnits(back.acquiredUnits() == null ? null : back.acquiredUnits().min(back.units())));
        Position seller = state.position(e.fundCode(), e.seller());
        putPosition(seller.withUnits(seller.units().plus(e.units()), seller.locked().plus(e.units()),
                        seller.cost().plus(e.sellerCostReleased()))
                .withCommitment(seller.subscribed().plus(subscribed), seller.paidIn().plus(paidIn)));
        Fund fund = state.funds.get(e.fundCode());
        state.funds.put(fund.fundCode(), fund.withHolders(e.holderCount(), fund.reservedHolders()));
        state.indexDelivered(state.trades.get(e.tradeId()), false);
        reconcileReservation(e.fundCode(), e.seller());
        reconcileReservation(e.fundCode(), e.buyer());
    }

    private static Money orZero(Money amount) {
        return amount == null ? Money.ZERO : amount;
    }

    private void settle(TradeSettled e, long time) {
        if (e.delivered()) { // rules version 9: final; the buyer's units are its own to dispose of
            Trade trade = endPending(e.tradeId(), TradeStatus.SETTLED, time);
            state.indexDelivered(trade, false);
            Position buyer = state.position(e.fundCode(), e.buyer());
            Position free = buyer.withRegistering(buyer.pendingRegistration().minus(e.units()));
            putPosition(free.acquired(e.settledOn(), e.units(), calendar.stillRestricted(buyer,
                    LocalDate.parse(e.settledOn()))));
            reconcileReservation(trade.fundCode(), trade.seller());
            reconcileReservation(trade.fundCode(), trade.buyer());
            return;
        }
        Trade trade = endPending(e.tradeId(), TradeStatus.SETTLED, time);
        Position seller = CustodyApplier.commitmentMoved(state.position(e.fundCode(), e.seller()), e, false);
        Position sold = seller.withUnits(seller.units().minus(e.units()), seller.locked().minus(e.units()),
                seller.cost().minus(e.sellerCostReleased()));
        putPosition(sold.withAcquiredUnits(sold.acquiredUnits() == null ? null : sold.acquiredUnits().min(sold.units())));
        Position buyer = CustodyApplier.commitmentMoved(state.position(e.fundCode(), e.buyer()), e, true);
        Position moved = buyer.withUnits(buyer.units().plus(e.units()), buyer.locked(), buyer.cost().plus(e.consideration()));
        putPosition(e.settledOn() == null ? moved
                : moved.acquired(e.settledOn(), e.units(), calendar.stillRestricted(buyer, LocalDate.parse(e.settledOn()))));
        Fund fund = state.funds.get(trade.fundCode());
        state.funds.put(fund.fundCode(), fund.withHolders(e.holderCount(), fund.reservedHolders()));
        reconcileReservation(trade.fundCode(), trade.seller());
        reconcileReservation(trade.fundCode(), trade.buyer());
    }

    private void fail(TradeFailed e, long time) {
        Trade trade = endPending(e.tradeId(), TradeStatus.FAILED, time);
        Position seller = state.position(e.fundCode(), e.seller());
        putPosition(seller.withLocked(seller.locked().minus(e.units())));
        reconcileReservation(trade.fundCode(), trade.buyer());
    }

    /** Ends a pending trade, queued in the bounded history at {@code time} (rules version 10). */
    private Trade endPending(long tradeId, TradeStatus status, long time) {
        Trade trade = state.trades.get(tradeId);
        state.trades.put(trade.tradeId(), trade.withStatus(status));
        state.settlementDeadlines.remove(trade.settleBy(), trade.tradeId());
        state.indexPending(trade, false);
        if (state.rulesVersion >= RulesVersion.BOUNDED_HISTORY) {
            state.history.tradeFinished(tradeId, time);
        }
        return trade;
    }

    /**
     * Keeps the holder-cap reservation of {@code participant} in {@code fund} true to its definition: held exactly
     * while it holds no units but buys in a pending trade. A holder who sells out while still buying turns its counted
     * place into a reservation, so a later settlement never takes the fund past its cap. So does a seller whose units
     * all went to buyers at funding while their registration change is awaited (rules version 9): an unwind gives them
     * back.
     */
    private void reconcileReservation(String fundCode, String participant) {
        boolean noUnits = state.unitsRaw(fundCode, participant) == 0;
        if (!noUnits && state.holderReservations.isEmpty()) {
            return; // not wanted, and none held
        }
        boolean wanted = noUnits && (state.buysPending(fundCode, participant)
                || state.sellsAwaitingRegistration(fundCode, participant));
        boolean held = state.holdsReservation(fundCode, participant);
        if (wanted == held) {
            return;
        }
        Fund fund = state.funds.get(fundCode);
        if (wanted) {
            state.reserveHolder(fundCode, participant);
            state.funds.put(fundCode, fund.withHolders(fund.holderCount(), fund.reservedHolders() + 1));
        } else {
            state.releaseHolder(fundCode, participant);
            state.funds.put(fundCode, fund.withHolders(fund.holderCount(), fund.reservedHolders() - 1));
        }
    }

    private void putPosition(Position position) {
        state.putPosition(position);
    }
}
