package fundexchange.engine;

import fundexchange.engine.event.CheckpointRecorded;
import fundexchange.engine.event.Event;
import fundexchange.engine.event.ExchangeKeyRegistered;
import fundexchange.engine.event.FundRegistered;
import fundexchange.engine.event.HolidaysSet;
import fundexchange.engine.event.KeyRegistered;
import fundexchange.engine.event.KeyRevoked;
import fundexchange.engine.event.ListingDeclined;
import fundexchange.engine.event.ListingExpired;
import fundexchange.engine.event.ListingWithdrawn;
import fundexchange.engine.event.ListingOpened;
import fundexchange.engine.event.ListingSubmitted;
import fundexchange.engine.event.NavUpdated;
import fundexchange.engine.event.ParticipantApproved;
import fundexchange.engine.event.ParticipantRegistered;
import fundexchange.engine.event.PlatformParameterSet;
import fundexchange.engine.event.ProposalApproved;
import fundexchange.engine.event.ProposalCreated;
import fundexchange.engine.event.QualificationSet;
import fundexchange.engine.event.TradeExecuted;
import fundexchange.engine.event.TradeSettled;
import fundexchange.engine.event.UnitsDeposited;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.ListingStatus;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.engine.reference.Fund;
import fundexchange.engine.reference.KeyRecord;
import fundexchange.engine.reference.KeyStatus;
import fundexchange.engine.reference.Participant;
import fundexchange.engine.reference.ParticipantStatus;
import fundexchange.engine.reference.QualificationStatus;
import java.util.TreeSet;

/** Applies decided events to the state. It never rejects: every check happened while deciding. */
final class StateApplier {
    private final ExchangeState state;

    StateApplier(ExchangeState state) {
        this.state = state;
    }

    void apply(Event event, long index) {
        switch (event) {
            case ExchangeKeyRegistered e -> state.exchangeKey = new ExchangeState.ExchangeKey(e.keyId(), e.algorithm(), e.publicKey());
            case ParticipantRegistered e -> state.participants.put(e.participantId(), new Participant(e.participantId(),
                    e.name(), e.participantType(), e.roles(), e.active() ? ParticipantStatus.ACTIVE : ParticipantStatus.PENDING,
                    QualificationStatus.NOT_QUALIFIED, null));
            case ParticipantApproved e -> state.participants.computeIfPresent(e.participantId(),
                    (id, p) -> p.withStatus(ParticipantStatus.ACTIVE));
            case QualificationSet e -> state.participants.computeIfPresent(e.participantId(),
                    (id, p) -> p.withQualification(e.status(), e.validUntil()));
            case KeyRegistered e -> state.keys.put(e.keyId(), new KeyRecord(e.keyId(), e.participantId(), e.algorithm(),
                    e.publicKey(), KeyStatus.ACTIVE, index, 0));
            case KeyRevoked e -> state.keys.computeIfPresent(e.keyId(), (id, k) -> k.revoked(index));
            case ProposalCreated e -> state.proposals.put(e.proposalId(),
                    new ExchangeState.Proposal(e.proposalId(), e.proposer(), e.action(), false));
            case ProposalApproved e -> state.proposals.computeIfPresent(e.proposalId(),
                    (id, p) -> new ExchangeState.Proposal(p.proposalId(), p.proposer(), p.action(), true));
            case PlatformParameterSet e -> state.parameters = state.parameters.with(e.name(), e.value());
            case FundRegistered e -> state.funds.put(e.fund().fundCode(), e.fund());
            case NavUpdated e -> state.funds.computeIfPresent(e.fundCode(), (c, f) -> f.withNav(e.nav(), e.navDate()));
            case HolidaysSet e -> state.holidays.put(e.year(), e.holidays());
            case UnitsDeposited e -> deposit(e);
            case ListingSubmitted e -> submit(e);
            case ListingOpened e -> state.listings.computeIfPresent(e.listingId(), (id, l) -> l.withStatus(ListingStatus.OPEN));
            case ListingExpired e -> expire(e);
            case ListingDeclined e -> cancel(e.listingId(), e.unitsUnlocked());
            case ListingWithdrawn e -> cancel(e.listingId(), e.unitsUnlocked());
            case TradeExecuted e -> execute(e);
            case TradeSettled e -> settle(e);
            case CheckpointRecorded e -> state.lastCheckpointIndex = e.chainIndex();
        }
    }

    private void deposit(UnitsDeposited e) {
        Position before = state.position(e.fundCode(), e.holder());
        putPosition(before.withUnits(before.units().plus(e.units()), before.locked(), before.cost().plus(e.cost())));
        Fund fund = state.funds.get(e.fundCode());
        state.funds.put(fund.fundCode(), fund.withHolders(e.holderCount(), fund.reservedHolders()));
    }

    private void submit(ListingSubmitted e) {
        state.listings.put(e.listingId(), new Listing(e.listingId(), e.fundCode(), e.seller(), e.buyer(), e.units(),
                e.price(), e.expiresAt(), ListingStatus.PENDING_APPROVAL));
        Position seller = state.position(e.fundCode(), e.seller());
        putPosition(seller.withUnits(seller.units(), seller.locked().plus(e.units()), seller.cost()));
        if (e.expiresAt() > 0) {
            state.listingDeadlines.computeIfAbsent(e.expiresAt(), t -> new TreeSet<>()).add(e.listingId());
        }
    }

    private void expire(ListingExpired e) {
        Listing listing = state.listings.get(e.listingId());
        state.listings.put(listing.listingId(), listing.withStatus(ListingStatus.EXPIRED));
        Position seller = state.position(listing.fundCode(), listing.seller());
        putPosition(seller.withUnits(seller.units(), seller.locked().minus(e.unitsUnlocked()), seller.cost()));
        removeDeadline(listing);
    }

    private void cancel(long listingId, Units unlocked) {
        Listing listing = state.listings.get(listingId);
        state.listings.put(listing.listingId(), listing.withStatus(ListingStatus.CANCELLED));
        Position seller = state.position(listing.fundCode(), listing.seller());
        putPosition(seller.withUnits(seller.units(), seller.locked().minus(unlocked), seller.cost()));
        removeDeadline(listing);
    }

    private void execute(TradeExecuted e) {
        Listing listing = state.listings.get(e.listingId());
        state.listings.put(listing.listingId(), listing.withStatus(ListingStatus.EXECUTED));
        removeDeadline(listing);
        state.trades.put(e.tradeId(), new Trade(e.tradeId(), e.listingId(), e.fundCode(), e.seller(), e.buyer(),
                e.units(), e.price(), e.consideration(), e.buyerReservedHolderRoom(), TradeStatus.PENDING_SETTLEMENT));
        if (e.buyerReservedHolderRoom()) {
            Fund fund = state.funds.get(e.fundCode());
            state.funds.put(fund.fundCode(), fund.withHolders(fund.holderCount(), fund.reservedHolders() + 1));
            state.holderReservations.add(ExchangeState.positionKey(e.fundCode(), e.buyer()));
        }
    }

    private void settle(TradeSettled e) {
        Trade trade = state.trades.get(e.tradeId());
        state.trades.put(trade.tradeId(), trade.withStatus(TradeStatus.SETTLED));
        Position seller = state.position(e.fundCode(), e.seller());
        putPosition(seller.withUnits(seller.units().minus(e.units()), seller.locked().minus(e.units()),
                seller.cost().minus(e.sellerCostReleased())));
        Position buyer = state.position(e.fundCode(), e.buyer());
        putPosition(buyer.withUnits(buyer.units().plus(e.units()), buyer.locked(), buyer.cost().plus(e.consideration())));
        Fund fund = state.funds.get(e.fundCode());
        int reserved = fund.reservedHolders() - (trade.buyerReservedHolderRoom() ? 1 : 0);
        state.funds.put(fund.fundCode(), fund.withHolders(e.holderCount(), reserved));
        if (trade.buyerReservedHolderRoom()) {
            state.holderReservations.remove(ExchangeState.positionKey(e.fundCode(), e.buyer()));
        }
    }

    private void removeDeadline(Listing listing) {
        TreeSet<Long> due = state.listingDeadlines.get(listing.expiresAt());
        if (due != null) {
            due.remove(listing.listingId());
            if (due.isEmpty()) {
                state.listingDeadlines.remove(listing.expiresAt());
            }
        }
    }

    private void putPosition(Position position) {
        String key = ExchangeState.positionKey(position.fundCode(), position.holder());
        if (position.isEmpty() && position.cost().equals(Money.ZERO)) {
            state.positions.remove(key);
        } else {
            state.positions.put(key, position);
        }
    }
}
