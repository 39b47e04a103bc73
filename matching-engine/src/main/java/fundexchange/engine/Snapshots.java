package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.reference.KeyStatus;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.stateowned.StateOwnedView;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.KeyRecord;
import fundexchange.protocol.reference.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Takes an {@link EngineSnapshot} of the state and restores one into an empty state. */
final class Snapshots {
    private Snapshots() {
    }

    static EngineSnapshot take(ExchangeState state) {
        List<EngineSnapshot.Proposal> proposals = new ArrayList<>();
        state.proposals.values().forEach(p -> proposals.add(new EngineSnapshot.Proposal(p.proposalId(), p.proposer(), p.action(), p.approved(),
                p.expiresAt(), p.expired())));
        EngineSnapshot.ExchangeKey exchangeKey = state.exchangeKey == null ? null
                : new EngineSnapshot.ExchangeKey(state.exchangeKey.keyId(), state.exchangeKey.algorithm(), state.exchangeKey.publicKey());
        return new EngineSnapshot(EngineSnapshot.VERSION, state.lastIndex, state.lastTime, state.lastCheckpointIndex,
                StateHash.of(state), state.parameters, exchangeKey,
                List.copyOf(state.participants.values()), List.copyOf(state.keys.values()), List.copyOf(state.funds.values()),
                List.copyOf(state.positions().values()), List.copyOf(state.listings.values()), List.copyOf(state.trades.values()),
                List.copyOf(state.bids.values()), proposals, new TreeMap<>(state.holidays), List.copyOf(state.holderReservations), state.requests.view(),
                state.books.views(),
                List.copyOf(state.intentBook.offers.values()), List.copyOf(state.intentBook.intents.values()),
                List.copyOf(state.intentBook.quotes.values()), List.copyOf(state.intentBook.matches.values()),
                List.copyOf(state.custody.values()), List.copyOf(state.pledges.values()), List.copyOf(state.freezes.values()),
                state.rulesVersion, new TreeMap<>(state.workdays), stateOwned(state),
                List.copyOf(state.dataRooms.values()),
                orNull(state.transferTerms.values()), orNull(state.notices.values()),
                orNull(state.fundDocuments.values()), state.cash.view(), orNull(state.marketDataFunds),
                state.history.viewOrNull());
    }

    /** Null when no holder was ever flagged, so snapshots without state-owned holders keep their bytes. */
    private static StateOwnedView stateOwned(ExchangeState state) {
        if (state.stateOwnedHolders.isEmpty() && state.appraisals.isEmpty() && state.disclosures.isEmpty()) {
            return null;
        }
        return new StateOwnedView(List.copyOf(state.stateOwnedHolders), List.copyOf(state.appraisals.values()),
                List.copyOf(state.disclosures.values()));
    }

    static void restore(EngineSnapshot snapshot, ExchangeState state) {
        if (snapshot.version() != EngineSnapshot.VERSION) {
            throw new IllegalArgumentException("unknown snapshot version " + snapshot.version());
        }
        state.rulesVersion = RulesVersion.require(snapshot.rulesVersion(), "snapshot at index " + snapshot.lastIndex());
        state.lastIndex = snapshot.lastIndex();
        state.lastTime = snapshot.lastTime();
        state.lastCheckpointIndex = snapshot.lastCheckpointIndex();
        state.parameters = snapshot.parameters();
        EngineSnapshot.ExchangeKey key = snapshot.exchangeKey();
        state.exchangeKey = key == null ? null : new ExchangeState.ExchangeKey(key.keyId(), key.algorithm(), key.publicKey());
        if (key != null) {
            state.indexKey(key.keyId(), key.publicKey());
        }
        for (Participant p : snapshot.participants()) {
            state.participants.put(p.participantId(), p);
            state.indexParticipant(p.participantId());
        }
        for (KeyRecord k : snapshot.keys()) {
            state.keys.put(k.keyId(), k);
            state.indexKey(k.keyId(), k.publicKey());
        }
        for (Fund f : snapshot.funds()) {
            state.funds.put(f.fundCode(), f);
        }
        for (Position p : snapshot.positions()) {
            state.storePosition(p);
        }
        for (Listing l : snapshot.listings()) {
            state.putListing(l);
            if (l.live()) {
                ExchangeState.addDeadline(state.listingDeadlines, l.deadline(), l.listingId());
            }
        }
        for (Trade t : snapshot.trades()) {
            state.trades.put(t.tradeId(), t);
            if (t.status() == TradeStatus.PENDING_SETTLEMENT) {
                state.settlementDeadlines.add(t.settleBy(), t.tradeId());
                state.indexPending(t, true);
            }
        }
        for (Bid b : snapshot.bids()) {
            state.bids.put(b.bidId(), b);
            state.bidsByListing.computeIfAbsent(b.listingId(), id -> new TreeSet<>()).add(b.bidId());
            state.rememberNonce(b);
        }
        for (KeyRecord k : snapshot.keys()) {
            if (k.status() == KeyStatus.ACTIVE) {
                state.activeKeys.merge(k.participantId(), 1, Integer::sum);
            }
        }
        for (EngineSnapshot.Proposal p : snapshot.proposals()) {
            state.proposals.put(p.proposalId(), new ExchangeState.Proposal(p.proposalId(), p.proposer(), p.action(),
                    p.approved(), p.expiresAt(), p.expired()));
            if (!p.approved() && !p.expired() && p.expiresAt() != 0) {
                ExchangeState.addDeadline(state.proposalDeadlines, p.expiresAt(), p.proposalId());
            }
        }
        for (Map.Entry<Integer, List<String>> year : snapshot.holidays().entrySet()) {
            state.holidays.put(year.getKey(), List.copyOf(year.getValue()));
        }
        for (Map.Entry<Integer, List<String>> year : snapshot.workdays().entrySet()) {
            state.workdays.put(year.getKey(), List.copyOf(year.getValue()));
        }
        for (String reservation : snapshot.holderReservations()) { // fund|participant: a fund code has no '|'
            int bar = reservation.indexOf('|');
            state.reserveHolder(reservation.substring(0, bar), reservation.substring(bar + 1));
        }
        state.requests.restore(snapshot.requestMemory(), state.parameters);
        snapshot.books().forEach(state.books::restore);
        state.intentBook.restore(orEmpty(snapshot.offers()), orEmpty(snapshot.intents()), orEmpty(snapshot.quotes()),
                orEmpty(snapshot.matches()));
        snapshot.custody().forEach(state::putCustody);
        snapshot.pledges().forEach(p -> state.pledges.put(p.pledgeId(), p));
        snapshot.freezes().forEach(f -> state.freezes.put(f.freezeId(), f));
        StateOwnedView stateOwned = snapshot.stateOwned() == null ? new StateOwnedView(null, null, null) : snapshot.stateOwned();
        state.stateOwnedHolders.addAll(stateOwned.holders());
        stateOwned.appraisals().forEach(a -> state.appraisals.put(ExchangeState.positionKey(a.fundCode(), a.holder()), a));
        stateOwned.disclosures().forEach(d -> state.disclosures.put(d.listingId(), d));
        snapshot.dataRooms().forEach(state::putDataRoom);
        orEmpty(snapshot.transferTerms()).forEach(t -> state.transferTerms.put(t.fundCode(), t));
        orEmpty(snapshot.notices()).forEach(notice -> {
            state.putNotice(notice);
            if (notice.matchStage()) {
                // An auction in its match stage has closed: its end is no longer a deadline (rules version 6).
                Listing listing = state.listings.get(notice.listingId());
                ExchangeState.removeDeadline(state.listingDeadlines, listing.deadline(), listing.listingId());
            }
        });
        orEmpty(snapshot.fundDocuments()).forEach(f -> state.fundDocuments.put(f.documentId(), f));
        state.cash.restore(snapshot.cash());
        for (fundexchange.engine.cash.TradeFunding funding : state.cash.tradeFundings().values()) {
            if (funding.awaitingRegistration()) { // funded: its registration deadline applies, not its settlement one
                Trade t = state.trades.get(funding.tradeId());
                state.settlementDeadlines.remove(t.settleBy(), t.tradeId());
            }
            Trade t = state.trades.get(funding.tradeId());
            if (funding.delivered() && t.status() == TradeStatus.PENDING_SETTLEMENT) {
                state.indexDelivered(t, true);
            }
        }
        state.marketDataFunds.addAll(orEmpty(snapshot.marketDataFunds()));
        state.history.restore(snapshot.history()); // after the listings, whose restore queued nothing that counts
        String hash = StateHash.of(state);
        if (!hash.equals(snapshot.stateHash())) {
            throw new IllegalStateException("restored state hash " + hash + " differs from the snapshot's " + snapshot.stateHash());
        }
    }

    /** Absent when empty, so a snapshot without consent state reads as before (the codec leaves nulls out). */
    private static <T> List<T> orNull(java.util.Collection<T> items) {
        return items.isEmpty() ? null : List.copyOf(items);
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
