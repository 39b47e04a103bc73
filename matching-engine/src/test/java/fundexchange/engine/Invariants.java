package fundexchange.engine;

import fundexchange.engine.custody.CustodyRegistration;
import fundexchange.engine.custody.EncumbranceStatus;
import fundexchange.engine.custody.Freeze;
import fundexchange.engine.custody.Pledge;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.engine.intent.Offer;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.EventDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Invariants that hold between any two commands (STYLE.md 7). Feed every event document to {@link #observe} in
 * journal order, then {@link #check} the engine; a violation throws an {@link AssertionError} naming each broken rule.
 * Works on {@link EngineSnapshot}, so it needs no access to the engine's internals.
 */
final class Invariants {
    /** Raw units deposited into each fund, from the UnitsDeposited events observed. */
    private final TreeMap<String, Long> deposited = new TreeMap<>();
    /**
     * Raw cash per currency the bank confirmed received (identified or not) minus what it confirmed paid out: the only
     * ways money enters or leaves escrow (issue 22).
     */
    private final TreeMap<String, Long> escrowed = new TreeMap<>();

    /** Starts from an empty journal: call {@link #observe} with every document from the genesis on. */
    Invariants() {
    }

    /** Starts from a restored snapshot, trusting its per-fund unit totals as what had been deposited so far. */
    static Invariants startingFrom(EngineSnapshot snapshot) {
        Invariants invariants = new Invariants();
        snapshot.positions().forEach(p -> invariants.deposited.merge(p.fundCode(), p.units().raw(), Math::addExact));
        if (snapshot.cash() != null) {
            snapshot.cash().balances().forEach(b -> invariants.escrowed.merge(b.currency(), b.total().raw(),
                    Math::addExact));
        }
        return invariants;
    }

    /** Tallies units entering custody; events that move units into or out of custody are counted HERE. */
    void observe(EventDocument document) {
        for (Event event : document.events()) {
            if (event instanceof UnitsDeposited deposit) {
                deposited.merge(deposit.fundCode(), deposit.units().raw(), Math::addExact);
            }
            // Every other event moves cash only between accounts, or none.
            if (event instanceof fundexchange.protocol.event.CashReceived e) {
                escrowed.merge(e.currency(), e.amount().raw(), Math::addExact);
            } else if (event instanceof fundexchange.protocol.event.UnidentifiedReceiptRecorded e) {
                escrowed.merge(e.currency(), e.amount().raw(), Math::addExact);
            } else if (event instanceof fundexchange.protocol.event.PayoutExecuted e) {
                escrowed.merge(e.currency(), -e.amount().raw(), Math::addExact);
            }
        }
    }

    void check(Engine engine) {
        if (!engine.state().positionIndexAgrees()) {
            throw new AssertionError("the engine's position lookup index disagrees with its positions");
        }
        if (!engine.state().pendingIndexesAgree()) {
            throw new AssertionError("the engine's pending-trade lookup indexes disagree with its pending trades");
        }
        if (!engine.state().reservationIndexAgrees()) {
            throw new AssertionError("the engine's reservation lookup index disagrees with its holder reservations");
        }
        check(engine.snapshot());
    }

    void check(EngineSnapshot state) {
        List<String> violations = new ArrayList<>();
        TreeMap<String, Long> expectedLocks = expectedLocks(state);
        TreeMap<String, long[]> expectedEncumbrances = expectedEncumbrances(state);
        TreeMap<String, Long> expectedRegistering = expectedRegistering(state);
        TreeMap<String, Long> unitsPerFund = new TreeMap<>();
        TreeMap<String, Integer> holdersPerFund = new TreeMap<>();
        for (Position p : state.positions()) {
            String key = ExchangeState.positionKey(p.fundCode(), p.holder());
            if (p.units().raw() < 0 || p.locked().raw() < 0 || p.cost().raw() < 0) {
                violations.add("position " + key + " is negative: " + p);
            }
            if (p.locked().compareTo(p.units()) > 0) {
                violations.add("position " + key + " locks " + p.locked() + " of only " + p.units() + " units");
            }
            long expectedLocked = expectedLocks.getOrDefault(key, 0L);
            if (p.locked().raw() != expectedLocked) {
                violations.add("position " + key + " locks " + p.locked() + " but its open listings and pending sales lock "
                        + new Units(expectedLocked));
            }
            expectedLocks.remove(key);
            Long registering = expectedRegistering.remove(key);
            if (p.pendingRegistration().raw() != (registering == null ? 0L : registering)) {
                violations.add("position " + key + " holds " + p.pendingRegistration() + " units pending registration but"
                        + " its delivered trades say " + new Units(registering == null ? 0L : registering));
            }
            checkEncumbrances(p, key, expectedEncumbrances, violations);
            unitsPerFund.merge(p.fundCode(), p.units().raw(), Math::addExact);
            holdersPerFund.merge(p.fundCode(), p.units().raw() > 0 ? 1 : 0, Integer::sum);
        }
        expectedLocks.forEach((key, units) -> violations.add("no position " + key + " for the " + new Units(units)
                + " units its listings and sales lock"));
        expectedEncumbrances.forEach((key, units) -> violations.add("no position " + key + " for its pledges, freezes"
                + " or unconfirmed custody lines"));
        expectedRegistering.forEach((key, units) -> violations.add("no position " + key + " for the " + new Units(units)
                + " units delivered to it pending registration"));
        checkFunds(state, unitsPerFund, holdersPerFund, violations);
        checkIntentBook(state, violations);
        checkCash(state, violations);
        if (!violations.isEmpty()) {
            throw new AssertionError("invariants violated after index " + state.lastIndex() + ":\n  " + String.join("\n  ", violations));
        }
    }

    /**
     * Cash conservation (issue 22): per currency, the escrow total (every account's available and locked balances)
     * equals the receipts the bank confirmed minus the payouts it confirmed executed; no balance is negative; each
     * account's locked cash is exactly what it owes: its pending payout instructions and its funding of trades settled
     * delivery versus payment ({@link #lockedClaims}), plus its bid deposits, locked on listings and held for trades
     * ({@link #bidDepositsLocked}, the one sum that counts a held deposit).
     */
    private void checkCash(EngineSnapshot state, List<String> violations) {
        fundexchange.engine.cash.CashView cash = state.cash() == null ? new fundexchange.engine.cash.CashView(null,
                null, null, null, null, null, null) : state.cash();
        TreeMap<String, Long> escrow = new TreeMap<>();
        TreeMap<String, Long> locked = new TreeMap<>();
        for (fundexchange.engine.cash.CashBalance b : cash.balances()) {
            if (b.available().raw() < 0 || b.locked().raw() < 0) {
                violations.add("cash account " + b.currency() + " " + b.account() + " is negative: " + b);
            }
            escrow.merge(b.currency(), b.total().raw(), Math::addExact);
            if (b.locked().raw() != 0) {
                locked.put(b.currency() + " " + b.account(), b.locked().raw());
            }
        }
        TreeMap<String, Long> pending = lockedClaims(cash);
        TreeMap<String, Long> bidDepositsLocked = bidDepositsLocked(state, cash, violations);
        TreeMap<String, Long> expectedLocked = new TreeMap<>(pending);
        bidDepositsLocked.forEach((account, amount) -> expectedLocked.merge(account, amount, Math::addExact));
        if (!locked.equals(expectedLocked)) {
            violations.add("locked cash " + locked + " differs from what is locked for (payout instructions, trade"
                    + " funding) " + pending + " plus the bid deposits " + bidDepositsLocked);
        }
        checkSuspense(cash, violations);
        TreeSet<String> currencies = new TreeSet<>(escrow.keySet());
        currencies.addAll(escrowed.keySet());
        for (String currency : currencies) {
            long held = escrow.getOrDefault(currency, 0L);
            long in = escrowed.getOrDefault(currency, 0L);
            if (held != in) {
                violations.add("escrow " + currency + " holds " + new fundexchange.protocol.money.Money(held)
                        + " but the bank confirmed " + new fundexchange.protocol.money.Money(in)
                        + " received less paid out");
            }
        }
    }

    /**
     * What each account's locked cash is locked for, by "currency account": its PENDING payout instructions (seller's
     * proceeds of a settled trade included: they go to the bank at once) and the funding it locked for trades settled
     * delivery versus payment ({@code TradeFunding.funded}); for a trade delivered at funding (rules version 9), its
     * proceeds locked for its seller and its fees in REVENUE instead. Bid deposits, on listings and held for trades, are
     * {@link #bidDepositsLocked}'s alone, so a held deposit is counted once.
     */
    static TreeMap<String, Long> lockedClaims(fundexchange.engine.cash.CashView cash) {
        TreeMap<String, Long> claims = new TreeMap<>();
        for (fundexchange.engine.cash.PayoutInstruction i : cash.instructions()) {
            if (i.status() == fundexchange.engine.cash.InstructionStatus.PENDING) {
                claims.merge(i.currency() + " " + i.account(), i.amount().raw(), Math::addExact);
            }
        }
        if (cash.tradeFundings() != null) {
            for (fundexchange.engine.cash.TradeFunding f : cash.tradeFundings()) {
                if (f.delivered()) {
                    // Rules version 9: the proceeds are locked for the seller and the fees in REVENUE.
                    if (f.proceeds().raw() != 0) {
                        claims.merge(f.currency() + " " + fundexchange.protocol.cash.AccountRef.participant(f.seller()),
                                f.proceeds().raw(), Math::addExact);
                    }
                    if (f.fees().raw() != 0) {
                        claims.merge(f.currency() + " " + fundexchange.protocol.cash.AccountRef.REVENUE,
                                f.fees().raw(), Math::addExact);
                    }
                } else if (f.funded().raw() != 0) {
                    claims.merge(f.currency() + " " + fundexchange.protocol.cash.AccountRef.participant(f.buyer()),
                            f.funded().raw(), Math::addExact);
                }
            }
        }
        return claims;
    }

    /**
     * Bid deposits (rules version 8), by currency and account: those locked on listings (each on a live listing that
     * asks a deposit at least as large, one per participant) and those held for trades (each for a trade pending
     * settlement of the listing bought by its participant, at most the trade's consideration).
     */
    private static TreeMap<String, Long> bidDepositsLocked(EngineSnapshot state, fundexchange.engine.cash.CashView cash,
                                                           List<String> violations) {
        TreeMap<String, Long> sums = new TreeMap<>();
        Map<Long, fundexchange.engine.listing.Listing> listings = new java.util.HashMap<>();
        state.listings().forEach(l -> listings.put(l.listingId(), l));
        Map<Long, fundexchange.engine.listing.Trade> trades = new java.util.HashMap<>();
        state.trades().forEach(t -> trades.put(t.tradeId(), t));
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (cash.depositsOnListings() != null) {
            for (fundexchange.engine.cash.ListingDeposit d : cash.depositsOnListings()) {
                fundexchange.engine.listing.Listing listing = listings.get(d.listingId());
                if (listing == null || !listing.live() || listing.deposit() == null
                        || d.amount().compareTo(listing.deposit()) > 0 || d.amount().raw() <= 0) {
                    violations.add("deposit " + d + " is not on a live listing asking at least as much: " + listing);
                }
                if (!seen.add(d.listingId() + "|" + d.participantId())) {
                    violations.add("two deposits of " + d.participantId() + " on listing " + d.listingId());
                }
                sums.merge(d.currency() + " " + fundexchange.protocol.cash.AccountRef.participant(d.participantId()),
                        d.amount().raw(), Math::addExact);
            }
        }
        if (cash.depositsByTrade() != null) {
            for (fundexchange.engine.cash.HeldDeposit d : cash.depositsByTrade()) {
                fundexchange.engine.listing.Trade trade = trades.get(d.tradeId());
                if (trade == null || trade.status() != TradeStatus.PENDING_SETTLEMENT
                        || !trade.buyer().equals(d.participantId())
                        || !Long.toString(trade.listingId()).equals(d.listingId())
                        || d.amount().compareTo(trade.consideration()) > 0 || d.amount().raw() <= 0) {
                    violations.add("held deposit " + d + " does not secure its buyer's trade pending settlement "
                            + trade);
                }
                sums.merge(d.currency() + " " + fundexchange.protocol.cash.AccountRef.participant(d.participantId()),
                        d.amount().raw(), Math::addExact);
            }
        }
        return sums;
    }

    /**
     * The suspense sub-ledger: per currency, suspense available is the sum of OPEN unidentified receipts and suspense
     * locked the sum of RETURNING ones; and every pending instruction lies within its account's locked balance.
     */
    private static void checkSuspense(fundexchange.engine.cash.CashView cash, List<String> violations) {
        TreeMap<String, Long> available = new TreeMap<>();
        TreeMap<String, Long> locked = new TreeMap<>();
        TreeMap<String, Long> accountLocked = new TreeMap<>();
        for (fundexchange.engine.cash.CashBalance b : cash.balances()) {
            accountLocked.put(b.currency() + " " + b.account(), b.locked().raw());
            if (b.account().kind() == fundexchange.protocol.cash.AccountKind.SUSPENSE) {
                if (b.available().raw() != 0) {
                    available.put(b.currency(), b.available().raw());
                }
                if (b.locked().raw() != 0) {
                    locked.put(b.currency(), b.locked().raw());
                }
            }
        }
        TreeMap<String, Long> open = new TreeMap<>();
        TreeMap<String, Long> returning = new TreeMap<>();
        for (fundexchange.engine.cash.SuspenseReceipt r : cash.suspense()) {
            if (r.status() == fundexchange.engine.cash.SuspenseStatus.OPEN) {
                open.merge(r.currency(), r.amount().raw(), Math::addExact);
            } else if (r.status() == fundexchange.engine.cash.SuspenseStatus.RETURNING) {
                returning.merge(r.currency(), r.amount().raw(), Math::addExact);
            }
        }
        if (!available.equals(open)) {
            violations.add("suspense available " + available + " differs from the open receipts " + open);
        }
        if (!locked.equals(returning)) {
            violations.add("suspense locked " + locked + " differs from the receipts being returned " + returning);
        }
        for (fundexchange.engine.cash.PayoutInstruction i : cash.instructions()) {
            long held = accountLocked.getOrDefault(i.currency() + " " + i.account(), 0L);
            if (i.status() == fundexchange.engine.cash.InstructionStatus.PENDING && i.amount().raw() > held) {
                violations.add("pending instruction " + i.instructionId() + " exceeds its account's locked " + held);
            }
        }
    }

    private void checkFunds(EngineSnapshot state, Map<String, Long> unitsPerFund, Map<String, Integer> holdersPerFund,
                            List<String> violations) {
        TreeSet<String> funds = new TreeSet<>(deposited.keySet());
        funds.addAll(unitsPerFund.keySet());
        state.funds().forEach(f -> funds.add(f.fundCode()));
        TreeSet<String> expectedReservations = expectedReservations(state);
        for (String code : funds) {
            long held = unitsPerFund.getOrDefault(code, 0L);
            long in = deposited.getOrDefault(code, 0L);
            if (held != in) {
                violations.add("fund " + code + ": positions hold " + new Units(held) + " units but " + new Units(in)
                        + " were deposited");
            }
            Fund fund = state.funds().stream().filter(f -> f.fundCode().equals(code)).findFirst().orElse(null);
            if (fund == null) {
                violations.add("fund " + code + " has units but is not registered");
                continue;
            }
            int holders = holdersPerFund.getOrDefault(code, 0);
            if (fund.holderCount() != holders) {
                violations.add("fund " + code + ": holderCount " + fund.holderCount() + " but " + holders + " positions hold units");
            }
            if (fund.holderCount() + fund.reservedHolders() > fund.holderCap()) {
                violations.add("fund " + code + ": " + fund.holderCount() + " holders and " + fund.reservedHolders()
                        + " reserved places exceed its cap " + fund.holderCap());
            }
            if (fund.holderCount() > fund.holderCap()) {
                violations.add("fund " + code + ": holderCount " + fund.holderCount() + " exceeds its cap " + fund.holderCap());
            }
            long reservations = state.holderReservations().stream().filter(r -> r.startsWith(code + "|")).count();
            if (fund.reservedHolders() != reservations) {
                violations.add("fund " + code + ": reservedHolders " + fund.reservedHolders() + " but " + reservations
                        + " holder reservations");
            }
        }
        if (!expectedReservations.equals(new TreeSet<>(state.holderReservations()))) {
            violations.add("holder reservations " + state.holderReservations() + " but the non-holders buying in pending trades are "
                    + expectedReservations);
        }
    }

    /** Live quotes and match proposals refer to resting offers and intents; offers keep 0 < remaining <= units. */
    private static void checkIntentBook(EngineSnapshot state, List<String> violations) {
        TreeSet<Long> offers = new TreeSet<>();
        for (Offer offer : state.offers()) {
            offers.add(offer.offerId());
            if (!offer.remaining().positive() || offer.remaining().compareTo(offer.units()) > 0) {
                violations.add("offer " + offer.offerId() + " rests with " + offer.remaining() + " of " + offer.units() + " units");
            }
        }
        TreeSet<Long> intents = new TreeSet<>();
        state.intents().forEach(i -> intents.add(i.intentId()));
        state.quotes().stream().filter(q -> !offers.contains(q.offerId()))
                .forEach(q -> violations.add("quote " + q.quoteId() + " is open on offer " + q.offerId() + ", which is not resting"));
        state.matches().stream().filter(x -> !offers.contains(x.offerId()) || !intents.contains(x.intentId()))
                .forEach(x -> violations.add("match " + x.matchId() + " is live but its offer or intent is not resting"));
    }

    /**
     * Raw units each position (key {@code fund|holder}) must have locked: every live reason to lock a seller's units.
     * THIS IS THE ONE PLACE TO ADD A NEW KIND OF LOCK: when auction listings, resting sell orders or anything else
     * starts locking units, add its live units here (and nothing else needs to change).
     */
    static TreeMap<String, Long> expectedLocks(EngineSnapshot state) {
        TreeMap<String, Long> locks = new TreeMap<>();
        for (Listing listing : state.listings()) {
            if (listing.status() == ListingStatus.PENDING_APPROVAL || listing.status() == ListingStatus.OPEN) {
                lock(locks, listing.fundCode(), listing.seller(), listing.units().raw());
            }
        }
        java.util.TreeSet<Long> delivered = delivered(state);
        for (Trade trade : state.trades()) {
            // A trade delivered at funding (rules version 9) no longer locks the seller's units: they are the buyer's.
            if (trade.status() == TradeStatus.PENDING_SETTLEMENT && !delivered.contains(trade.tradeId())) {
                lock(locks, trade.fundCode(), trade.seller(), trade.units().raw());
            }
        }
        if (state.books() != null) {
            for (fundexchange.engine.book.BookView book : state.books()) {
                for (fundexchange.engine.book.BookOrder ask : book.asks()) {
                    lock(locks, book.fundCode(), ask.owner(), ask.units().raw());
                }
            }
        }
        for (Offer offer : state.offers()) {
            lock(locks, offer.fundCode(), offer.holder(), offer.remaining().raw());
        }
        return locks;
    }

    /** The pending trades whose units were delivered at funding (rules version 9). */
    static java.util.TreeSet<Long> delivered(EngineSnapshot state) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        if (state.cash() != null && state.cash().tradeFundings() != null) {
            for (fundexchange.engine.cash.TradeFunding f : state.cash().tradeFundings()) {
                if (f.delivered()) {
                    ids.add(f.tradeId());
                }
            }
        }
        return ids;
    }

    /**
     * Units each position must hold pending registration (rules version 9): those of the pending trades delivered to it
     * as buyer.
     */
    static TreeMap<String, Long> expectedRegistering(EngineSnapshot state) {
        TreeMap<String, Long> expected = new TreeMap<>();
        java.util.TreeSet<Long> delivered = delivered(state);
        for (Trade trade : state.trades()) {
            if (trade.status() == TradeStatus.PENDING_SETTLEMENT && delivered.contains(trade.tradeId())) {
                lock(expected, trade.fundCode(), trade.buyer(), trade.units().raw());
            }
        }
        return expected;
    }

    /**
     * Pledged, frozen and unconfirmed units each position must carry (raw, in that order): active pledges, active
     * freezes, and the lines of approved FULL custody registrations their holders have not confirmed yet.
     */
    static TreeMap<String, long[]> expectedEncumbrances(EngineSnapshot state) {
        TreeMap<String, long[]> expected = new TreeMap<>();
        for (Pledge pledge : state.pledges()) {
            if (pledge.status() == EncumbranceStatus.ACTIVE) {
                encumber(expected, pledge.fundCode(), pledge.holder(), 0, pledge.units().raw());
            }
        }
        for (Freeze freeze : state.freezes()) {
            if (freeze.status() == EncumbranceStatus.ACTIVE) {
                encumber(expected, freeze.fundCode(), freeze.holder(), 1, freeze.units().raw());
            }
        }
        for (CustodyRegistration registration : state.custody()) {
            for (String holder : registration.unconfirmedHolders()) {
                encumber(expected, registration.fundCode(), holder, 2, registration.entryOf(holder).units().raw());
            }
        }
        return expected;
    }

    private static void encumber(TreeMap<String, long[]> expected, String fundCode, String holder, int kind, long units) {
        long[] amounts = expected.computeIfAbsent(ExchangeState.positionKey(fundCode, holder), k -> new long[3]);
        amounts[kind] = Math.addExact(amounts[kind], units);
    }

    /** Encumbrances match their records, are never negative, and with the locks never exceed the units. */
    private static void checkEncumbrances(Position p, String key, TreeMap<String, long[]> expected, List<String> violations) {
        long[] want = expected.getOrDefault(key, new long[3]);
        expected.remove(key);
        long[] have = {p.pledged().raw(), p.frozen().raw(), p.unconfirmed().raw()};
        String[] names = {"pledged", "frozen", "unconfirmed"};
        for (int i = 0; i < names.length; i++) {
            if (have[i] != want[i]) {
                violations.add("position " + key + " has " + new Units(have[i]) + " " + names[i] + " units but its records say "
                        + new Units(want[i]));
            }
        }
        if (p.available().raw() < 0 || p.subscribed().raw() < 0 || p.paidIn().raw() < 0) {
            violations.add("position " + key + " encumbers more than it holds, or has a negative commitment: " + p);
        }
    }

    /**
     * A reservation is held exactly by those who hold no units of a fund but buy in a pending trade in it, or sold in a
     * pending trade delivered at funding (rules version 9; an unwind gives the units back).
     */
    static TreeSet<String> expectedReservations(EngineSnapshot state) {
        TreeSet<String> holding = new TreeSet<>();
        for (Position p : state.positions()) {
            if (p.units().raw() > 0) {
                holding.add(ExchangeState.positionKey(p.fundCode(), p.holder()));
            }
        }
        TreeSet<String> reservations = new TreeSet<>();
        for (Trade trade : state.trades()) {
            String key = ExchangeState.positionKey(trade.fundCode(), trade.buyer());
            if (trade.status() == TradeStatus.PENDING_SETTLEMENT && !holding.contains(key)) {
                reservations.add(key);
            }
        }
        java.util.TreeSet<Long> delivered = delivered(state);
        for (Trade trade : state.trades()) {
            String key = ExchangeState.positionKey(trade.fundCode(), trade.seller());
            if (trade.status() == TradeStatus.PENDING_SETTLEMENT && delivered.contains(trade.tradeId())
                    && !holding.contains(key)) {
                reservations.add(key);
            }
        }
        return reservations;
    }

    private static void lock(Map<String, Long> locks, String fundCode, String holder, long units) {
        locks.merge(ExchangeState.positionKey(fundCode, holder), units, Math::addExact);
    }
}
