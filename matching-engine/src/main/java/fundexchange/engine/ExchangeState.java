package fundexchange.engine;

import fundexchange.engine.book.Books;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.engine.custody.CustodyRegistration;
import fundexchange.engine.custody.CustodyStatus;
import fundexchange.engine.custody.Freeze;
import fundexchange.engine.custody.Pledge;
import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.position.Position;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.KeyRecord;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.PlatformParameters;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** All engine state. Only {@link StateApplier} mutates it; every map is sorted so iteration order is deterministic. */
final class ExchangeState {
    /** The exchange's own key. */
    record ExchangeKey(String keyId, String algorithm, String publicKey) {
    }

    /** A maker-checker proposal; it lapses unapproved at {@code expiresAt} (journal time). */
    record Proposal(long proposalId, String proposer, SensitiveAction action, boolean approved, long expiresAt,
                    boolean expired) {
        boolean pending() {
            return !approved && !expired;
        }
    }

    PlatformParameters parameters = PlatformParameters.DEFAULTS;
    /** The rules version the genesis records (snapshotted, not hashed: the genesis fixes it). */
    int rulesVersion = RulesVersion.CURRENT;
    ExchangeKey exchangeKey;
    final TreeMap<String, Participant> participants = new TreeMap<>();
    final TreeMap<String, KeyRecord> keys = new TreeMap<>();
    final TreeMap<String, Fund> funds = new TreeMap<>();
    /**
     * Positions by fund|holder ({@link #positionKey}), in key order for the state hash and snapshots. Private: they
     * change only through {@link #putPosition}, {@link #storePosition} and {@link #dropPosition}, which keep
     * {@link #positionIndex} in step; others read them through {@link #positions()}.
     */
    private final TreeMap<String, Position> positions = new TreeMap<>();
    private final SortedMap<String, Position> positionsView = Collections.unmodifiableSortedMap(positions);
    /**
     * Derived, a lookup only (never iterated, so its hash order reaches nothing): the same positions by fund, then
     * holder, so that finding one builds no key, each with its key in {@link #positions} so that replacing one builds
     * none either.
     */
    private final HashMap<String, HashMap<String, Slot>> positionIndex = new HashMap<>();

    /** A stored position and its key in {@link #positions} (built once, when the holder first holds the position). */
    private static final class Slot {
        final String key;
        Position position;

        Slot(String key, Position position) {
            this.key = key;
            this.position = position;
        }
    }
    final TreeMap<Long, Listing> listings = new TreeMap<>();
    final TreeMap<Long, Trade> trades = new TreeMap<>();
    final TreeMap<Long, Proposal> proposals = new TreeMap<>();
    final TreeMap<Integer, List<String>> holidays = new TreeMap<>();
    /** Make-up working days (调休) per year, only for years that have any. */
    final TreeMap<Integer, List<String>> workdays = new TreeMap<>();
    /**
     * fund|participant pairs holding a reserved place under the fund's holder cap: exactly those who hold no units of
     * the fund but are the buyer of a pending trade in it (CONTRACTS.md 13).
     */
    final TreeSet<String> holderReservations = new TreeSet<>();
    /**
     * Derived (rebuilt on restore, not hashed, never iterated): the same reservations by fund, then participant, so that
     * asking for one builds no key. Changed only with {@link #holderReservations}, through {@link #reserveHolder} and
     * {@link #releaseHolder}.
     */
    private final HashMap<String, java.util.HashSet<String>> reservationIndex = new HashMap<>();
    /** Custody registrations, pledges and freezes by id (CustodyWorkflow, Encumbrances). */
    final TreeMap<Long, CustodyRegistration> custody = new TreeMap<>();
    final TreeMap<Long, Pledge> pledges = new TreeMap<>();
    final TreeMap<Long, Freeze> freezes = new TreeMap<>();
    /** Data rooms by listing (or offer) id (DataRoomRules). */
    final TreeMap<Long, fundexchange.engine.dataroom.DataRoom> dataRooms = new TreeMap<>();
    /** Derived (rebuilt on restore, not hashed): the listing id of each data-room document. */
    final TreeMap<Long, Long> documentRooms = new TreeMap<>();
    /** Fund documents by document id (DataRoomRules, rules version 6). */
    final TreeMap<Long, fundexchange.engine.dataroom.FundDocument> fundDocuments = new TreeMap<>();
    /** Cash in escrow at the settlement bank (CashRules, rules version 7). */
    final fundexchange.engine.cash.CashLedger cash = new fundexchange.engine.cash.CashLedger();
    /** Funds whose manager opted their figures in to public market data (MarketDataRules, rules version 8). */
    final java.util.TreeSet<String> marketDataFunds = new java.util.TreeSet<>();
    /** Auction bids by bid id. */
    final TreeMap<Long, Bid> bids = new TreeMap<>();
    /** Derived (rebuilt on restore, not hashed): bid ids per listing. */
    final TreeMap<Long, TreeSet<Long>> bidsByListing = new TreeMap<>();
    /** Derived (rebuilt on restore, not hashed, never iterated): bidder + "\n" + nonce of every sealed bid kept. */
    final java.util.HashSet<String> sealedNonces = new java.util.HashSet<>();
    /** Derived: live listings' deadlines (expiry or auction end), time -> listing ids. */
    final TreeMap<Long, TreeSet<Long>> listingDeadlines = new TreeMap<>();
    /** Derived: pending trades' settlement deadlines, time -> trade ids (unboxed). */
    final DeadlineIds settlementDeadlines = new DeadlineIds();
    /** The continuous books and their resting orders. */
    final Books books = new Books();
    /**
     * Derived (rebuilt on restore, not hashed): pending book trades by fund, then trade date (the daily batch), by trade
     * id. The maps are only looked up (their hash order reaches nothing); the batch iterates a date's ids in id order.
     * Keyed by the trade's own strings, so indexing a trade builds no key.
     */
    private final HashMap<String, HashMap<String, LongSortedSet>> pendingBookTrades = new HashMap<>();
    /** Derived (rebuilt on restore, not hashed): per listing id, how many of its trades are pending. */
    final TreeMap<Long, Integer> pendingByListing = new TreeMap<>();
    /** Finished listings and trades awaiting pruning, and the pruned horizons (rules version 10; {@link History}). */
    final History history = new History();
    /**
     * Not state: the journal time of the command being applied (its deadlines' events included), at which a listing
     * that finishes is queued in {@link #history} by {@link #putListing} (a trade is queued with the time passed to
     * {@code StateApplier}). Set only by {@code StateApplier.apply}, whose callers pass the time explicitly (never
     * before {@link #lastTime}); a snapshot's restore queues at 0 and then replaces the queue.
     */
    long applyingAt;
    /**
     * Derived (rebuilt on restore, not hashed, never iterated): how many pending trades each buyer has, by fund, then
     * buyer (where a reserved holder place can move on failure). Keyed by the trade's own strings and counted in place,
     * so indexing a trade builds no key and, once its buyer has one pending, allocates nothing.
     */
    private final HashMap<String, HashMap<String, int[]>> pendingByBuyer = new HashMap<>();
    /** Derived (rebuilt on restore, not hashed): ids of listings awaiting staff approval ({@link #putListing}). */
    final TreeSet<Long> pendingListings = new TreeSet<>();
    /** Derived (rebuilt on restore, not hashed): ids of custody registrations awaiting staff approval. */
    final TreeSet<Long> pendingCustody = new TreeSet<>();
    /** Derived: pending proposals' expiry times, time -> proposal ids. */
    final TreeMap<Long, TreeSet<Long>> proposalDeadlines = new TreeMap<>();
    /** Derived: participant ids as {@link Validation#folded} -> the id as registered (ids are unique ignoring case). */
    final TreeMap<String, String> foldedParticipantIds = new TreeMap<>();
    /** Derived: every key id ever registered, the exchange's included, folded. */
    final TreeSet<String> foldedKeyIds = new TreeSet<>();
    /** Derived: every public key ever registered, the exchange's and revoked ones included (canonical Base64 of its DER). */
    final TreeSet<String> publicKeys = new TreeSet<>();
    /**
     * Derived (rebuilt on restore, not hashed): the ACTIVE participants with the BANK role, so that whether a trade
     * settles delivery versus payment ({@link SettlementFees#applies}) takes no scan of the participants.
     */
    final TreeSet<String> activeBanks = new TreeSet<>();
    /**
     * Derived (rebuilt on restore, not hashed): per fund and seller ({@link #positionKey}), the pending trades whose
     * units were delivered at funding and whose registration change is awaited (rules version 9; empty before).
     */
    final TreeMap<String, TreeSet<Long>> deliveredBySeller = new TreeMap<>();
    /** Derived: active keys per participant. */
    final TreeMap<String, Integer> activeKeys = new TreeMap<>();
    /**
     * The idempotency memory, pre-sized for the default capacity (a restored snapshot resizes it); the engine gives
     * it its key ({@link RequestMemory#placeUnder}) before any command.
     */
    final RequestMemory requests = new RequestMemory(RequestMemoryKey.FIXED, parameters);
    /** Consent and first refusal: each fund's transfer terms, and the open transfer notices by listing id. */
    final TreeMap<String, fundexchange.protocol.transfer.TransferTerms> transferTerms = new TreeMap<>();
    final TreeMap<Long, fundexchange.engine.listing.TransferNotice> notices = new TreeMap<>();
    /** Derived: open notices' deadlines, time -> listing ids. */
    final TreeMap<Long, TreeSet<Long>> noticeDeadlines = new TreeMap<>();
    /** Non-listed offers, intents, quotes and match proposals, with the matcher's index (IntentState). */
    final IntentState intentBook = new IntentState(code -> funds.get(code));
    /** Participants flagged state-owned (SetStateOwned). */
    final TreeSet<String> stateOwnedHolders = new TreeSet<>();
    /** State-owned holders' current appraisals, by fund|holder ({@link #positionKey}). */
    final TreeMap<String, fundexchange.engine.stateowned.Appraisal> appraisals = new TreeMap<>();
    /** The public disclosures of state-owned holders' listings, by listing id. */
    final TreeMap<Long, fundexchange.engine.stateowned.PublicDisclosure> disclosures = new TreeMap<>();
    /**
     * Not state (never hashed nor snapshotted): this engine's cache of the day a journal time falls on, pure answers
     * kept per engine so that engines never share it; only the pure ISO date caches in {@link LocalDates} are static
     * (immutable entries, so a race costs a miss, never a wrong answer).
     */
    final LocalDates dates = new LocalDates();
    long lastCheckpointIndex;
    long lastIndex;
    long lastTime;

    static String positionKey(String fundCode, String holder) {
        return fundCode + "|" + holder;
    }

    /** The positions by fund|holder ({@link #positionKey}), in key order: a read-only view, so no write bypasses the index. */
    SortedMap<String, Position> positions() {
        return positionsView;
    }

    Position position(String fundCode, String holder) {
        Position position = stored(fundCode, holder);
        return position == null ? Position.empty(fundCode, holder) : position;
    }

    /** The raw units of a holder's position in a fund; 0 for none. */
    long unitsRaw(String fundCode, String holder) {
        Position position = stored(fundCode, holder);
        return position == null ? 0 : position.units().raw();
    }

    /** The stored position of a holder in a fund, through the index; null for none. */
    private Position stored(String fundCode, String holder) {
        Slot slot = slot(fundCode, holder);
        return slot == null ? null : slot.position;
    }

    private Slot slot(String fundCode, String holder) {
        HashMap<String, Slot> ofFund = positionIndex.get(fundCode);
        return ofFund == null ? null : ofFund.get(holder);
    }

    /** Stores a position, or drops it when it records nothing at all. */
    void putPosition(Position position) {
        if (position.holdsNothing()) {
            dropPosition(position.fundCode(), position.holder());
        } else {
            storePosition(position);
        }
    }

    /** Stores a position as it is. */
    void storePosition(Position position) {
        Slot slot = slot(position.fundCode(), position.holder());
        if (slot == null) {
            slot = new Slot(positionKey(position.fundCode(), position.holder()), position);
            positionIndex.computeIfAbsent(position.fundCode(), fund -> new HashMap<>()).put(position.holder(), slot);
        }
        slot.position = position;
        positions.put(slot.key, position);
    }

    /** Forgets the position of a holder in a fund. */
    void dropPosition(String fundCode, String holder) {
        HashMap<String, Slot> ofFund = positionIndex.get(fundCode);
        Slot slot = ofFund == null ? null : ofFund.remove(holder);
        positions.remove(slot == null ? positionKey(fundCode, holder) : slot.key);
        if (ofFund != null && ofFund.isEmpty()) {
            positionIndex.remove(fundCode);
        }
    }

    /** For tests: whether the lookup index holds exactly the positions (an invariant the tests check). */
    boolean positionIndexAgrees() {
        int indexed = 0;
        for (HashMap<String, Slot> ofFund : positionIndex.values()) {
            indexed += ofFund.size();
        }
        if (indexed != positions.size()) {
            return false;
        }
        for (var entry : positions.entrySet()) {
            Position p = entry.getValue();
            Slot slot = slot(p.fundCode(), p.holder());
            if (slot == null || slot.position != p || !slot.key.equals(entry.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code participant} holds a reserved place under the fund's holder cap ({@link #holderReservations}). */
    boolean holdsReservation(String fundCode, String participant) {
        java.util.HashSet<String> ofFund = reservationIndex.get(fundCode);
        return ofFund != null && ofFund.contains(participant);
    }

    /** Reserves a holder place for {@code participant} in the fund. */
    void reserveHolder(String fundCode, String participant) {
        holderReservations.add(positionKey(fundCode, participant));
        reservationIndex.computeIfAbsent(fundCode, fund -> new java.util.HashSet<>()).add(participant);
    }

    /** Releases the reserved holder place of {@code participant} in the fund. */
    void releaseHolder(String fundCode, String participant) {
        holderReservations.remove(positionKey(fundCode, participant));
        java.util.HashSet<String> ofFund = reservationIndex.get(fundCode);
        if (ofFund != null) {
            ofFund.remove(participant);
            if (ofFund.isEmpty()) {
                reservationIndex.remove(fundCode);
            }
        }
    }

    /** For tests: whether the reservation lookup index holds exactly {@link #holderReservations}. */
    boolean reservationIndexAgrees() {
        TreeSet<String> indexed = new TreeSet<>();
        reservationIndex.forEach((fund, holders) -> holders.forEach(h -> indexed.add(positionKey(fund, h))));
        return indexed.equals(holderReservations);
    }

    /** Stores a listing and keeps {@link #pendingListings} in step with its status. */
    void putListing(Listing listing) {
        Listing before = listings.put(listing.listingId(), listing);
        if (!listing.live() && (before == null || before.live())
                && rulesVersion >= RulesVersion.BOUNDED_HISTORY) {
            history.listingFinished(listing.listingId(), applyingAt);
        }
        if (listing.status() == ListingStatus.PENDING_APPROVAL) {
            pendingListings.add(listing.listingId());
        } else {
            pendingListings.remove(listing.listingId());
        }
    }

    /** Replaces a listing, if there is one, by {@code change} of it ({@link #putListing}). */
    void changeListing(long listingId, java.util.function.UnaryOperator<Listing> change) {
        Listing listing = listings.get(listingId);
        if (listing != null) {
            putListing(change.apply(listing));
        }
    }

    /** Stores a data room and indexes its documents. */
    void putDataRoom(fundexchange.engine.dataroom.DataRoom room) {
        dataRooms.put(room.listingId(), room);
        room.documents().forEach(d -> documentRooms.put(d.documentId(), room.listingId()));
    }

    /** Stores a custody registration and keeps {@link #pendingCustody} in step with its status. */
    void putCustody(CustodyRegistration registration) {
        custody.put(registration.custodyId(), registration);
        if (registration.status() == CustodyStatus.PENDING_APPROVAL) {
            pendingCustody.add(registration.custodyId());
        } else {
            pendingCustody.remove(registration.custodyId());
        }
    }

    void indexParticipant(String participantId) {
        foldedParticipantIds.put(Validation.folded(participantId), participantId);
        indexBank(participantId);
    }

    /** Keeps {@link #activeBanks} true to the participant's roles and status; call after each change of them. */
    void indexBank(String participantId) {
        Participant p = participants.get(participantId);
        if (p != null && p.has(fundexchange.protocol.reference.Role.BANK) && p.active()) {
            activeBanks.add(participantId);
        } else {
            activeBanks.remove(participantId);
        }
    }

    void indexKey(String keyId, String publicKey) {
        foldedKeyIds.add(Validation.folded(keyId));
        publicKeys.add(canonicalKey(publicKey));
    }

    /** The Base64 of a key's bytes, so two spellings of the same bytes are one key. */
    static String canonicalKey(String publicKey) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.util.Base64.getDecoder().decode(publicKey));
        } catch (IllegalArgumentException e) {
            return publicKey;
        }
    }

    /** Opens a transfer notice with its deadline. */
    void putNotice(fundexchange.engine.listing.TransferNotice notice) {
        notices.put(notice.listingId(), notice);
        addDeadline(noticeDeadlines, notice.answerBy(), notice.listingId());
    }

    /** Closes a listing's transfer notice, if it has one. */
    void dropNotice(long listingId) {
        fundexchange.engine.listing.TransferNotice notice = notices.remove(listingId);
        if (notice != null) {
            removeDeadline(noticeDeadlines, notice.answerBy(), listingId);
        }
    }

    boolean genesisDone() {
        return exchangeKey != null;
    }

    boolean hasActiveKey(String participantId) {
        return activeKeys.getOrDefault(participantId, 0) > 0;
    }

    /** Records a sealed bid's nonce as used by its bidder. */
    void rememberNonce(Bid bid) {
        if (bid.nonce() != null) {
            sealedNonces.add(bid.bidder() + "\n" + bid.nonce());
        }
    }

    /** Whether {@code bidder} has placed a sealed bid with {@code nonce} before, kept or pruned since. */
    boolean nonceUsed(String bidder, String nonce) {
        return sealedNonces.contains(bidder + "\n" + nonce) || history.retiredNonces.contains(bidder, nonce);
    }

    /** The bids on a listing in journal order. */
    List<Bid> bidsOn(long listingId) {
        TreeSet<Long> ids = bidsByListing.get(listingId);
        if (ids == null) {
            return List.of();
        }
        List<Bid> result = new java.util.ArrayList<>(ids.size());
        for (long id : ids) {
            result.add(bids.get(id));
        }
        return result;
    }

    /**
     * Whether {@code seller} sold units of the fund in a pending trade delivered at funding (rules version 9), whose
     * registration change is awaited: an unwind would give them back. A look-up in {@link #deliveredBySeller}.
     */
    boolean sellsAwaitingRegistration(String fundCode, String seller) {
        return !deliveredBySeller.isEmpty() && deliveredBySeller.containsKey(positionKey(fundCode, seller));
    }

    /** Adds or removes a trade delivered at funding, its registration change awaited, in {@link #deliveredBySeller}. */
    void indexDelivered(Trade trade, boolean awaiting) {
        String key = positionKey(trade.fundCode(), trade.seller());
        if (awaiting) {
            deliveredBySeller.computeIfAbsent(key, k -> new TreeSet<>()).add(trade.tradeId());
        } else {
            removeFrom(deliveredBySeller, key, trade.tradeId());
        }
    }

    /** Adds or removes a pending trade in the derived indexes. */
    void indexPending(Trade trade, boolean pending) {
        if (trade.listingId() != 0) {
            pendingByListing.merge(trade.listingId(), pending ? 1 : -1, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (pending || trade.status() == fundexchange.engine.listing.TradeStatus.PENDING_SETTLEMENT) {
            countPendingBuy(trade.fundCode(), trade.buyer(), pending ? 1 : -1); // a trade not pending was never counted
        }
        if (!trade.bookTrade()) {
            return;
        }
        if (pending) {
            pendingBookTrades.computeIfAbsent(trade.fundCode(), fund -> new HashMap<>())
                    .computeIfAbsent(trade.tradeDate(), date -> new LongSortedSet()).add(trade.tradeId());
            return;
        }
        HashMap<String, LongSortedSet> ofFund = pendingBookTrades.get(trade.fundCode());
        LongSortedSet ids = ofFund == null ? null : ofFund.get(trade.tradeDate());
        if (ids != null) {
            ids.remove(trade.tradeId());
            if (ids.isEmpty()) {
                ofFund.remove(trade.tradeDate());
                if (ofFund.isEmpty()) {
                    pendingBookTrades.remove(trade.fundCode());
                }
            }
        }
    }

    private void countPendingBuy(String fundCode, String buyer, int change) {
        HashMap<String, int[]> ofFund = pendingByBuyer.get(fundCode);
        int[] count = ofFund == null ? null : ofFund.get(buyer);
        if (count == null) {
            if (change > 0) {
                pendingByBuyer.computeIfAbsent(fundCode, fund -> new HashMap<>()).put(buyer, new int[] {change});
            }
            return; // a removal of none indexed changes nothing (as removing from an absent set did)
        }
        count[0] += change;
        if (count[0] <= 0) {
            ofFund.remove(buyer);
            if (ofFund.isEmpty()) {
                pendingByBuyer.remove(fundCode);
            }
        }
    }

    /** Whether {@code buyer} buys in a pending trade in the fund. */
    boolean buysPending(String fundCode, String buyer) {
        HashMap<String, int[]> ofFund = pendingByBuyer.get(fundCode);
        return ofFund != null && ofFund.containsKey(buyer);
    }

    /** The ids of the fund's pending book trades made on {@code tradeDate} (ISO), in id order (a copy); null for none. */
    long[] pendingBookTrades(String fundCode, String tradeDate) {
        HashMap<String, LongSortedSet> ofFund = pendingBookTrades.get(fundCode);
        LongSortedSet ids = ofFund == null ? null : ofFund.get(tradeDate);
        return ids == null ? null : ids.toArray();
    }

    /**
     * For tests: whether the pending-trade lookup indexes hold exactly the pending trades (an invariant the tests
     * check): the count per fund and buyer, the book trades' ids per fund and trade date, and the settlement deadlines
     * (every pending trade's, but for a funded one awaiting its registration change, whose own deadline applies).
     */
    boolean pendingIndexesAgree() {
        HashMap<String, HashMap<String, int[]>> buyers = new HashMap<>();
        HashMap<String, HashMap<String, TreeSet<Long>>> batches = new HashMap<>();
        TreeMap<Long, TreeSet<Long>> deadlines = new TreeMap<>();
        for (Trade t : trades.values()) {
            if (t.status() != fundexchange.engine.listing.TradeStatus.PENDING_SETTLEMENT) {
                continue;
            }
            buyers.computeIfAbsent(t.fundCode(), f -> new HashMap<>()).computeIfAbsent(t.buyer(), b -> new int[1])[0]++;
            fundexchange.engine.cash.TradeFunding funding = cash.funding(t.tradeId());
            if (t.settleBy() > 0 && (funding == null || !funding.awaitingRegistration())) {
                deadlines.computeIfAbsent(t.settleBy(), d -> new TreeSet<>()).add(t.tradeId());
            }
            if (t.bookTrade()) {
                batches.computeIfAbsent(t.fundCode(), f -> new HashMap<>())
                        .computeIfAbsent(t.tradeDate(), d -> new TreeSet<>()).add(t.tradeId());
            }
        }
        if (!deadlines.equals(settlementDeadlines.copy()) || !buyers.keySet().equals(pendingByBuyer.keySet())
                || settlementDeadlines.size() != deadlines.values().stream().mapToLong(TreeSet::size).sum()) {
            return false;
        }
        HashMap<String, HashMap<String, TreeSet<Long>>> indexedBatches = new HashMap<>();
        pendingBookTrades.forEach((fund, dates) -> dates.forEach((date, ids) -> {
            TreeSet<Long> set = indexedBatches.computeIfAbsent(fund, f -> new HashMap<>()).computeIfAbsent(date, d -> new TreeSet<>());
            for (long id : ids.toArray()) {
                set.add(id);
            }
        }));
        if (!batches.equals(indexedBatches)) {
            return false;
        }
        for (var fund : buyers.entrySet()) {
            HashMap<String, int[]> indexed = pendingByBuyer.get(fund.getKey());
            if (!indexed.keySet().equals(fund.getValue().keySet())) {
                return false;
            }
            for (var buyer : fund.getValue().entrySet()) {
                if (indexed.get(buyer.getKey())[0] != buyer.getValue()[0]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void removeFrom(TreeMap<String, TreeSet<Long>> index, String key, long id) {
        TreeSet<Long> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }

    static void addDeadline(TreeMap<Long, TreeSet<Long>> deadlines, long time, long id) {
        if (time > 0) {
            deadlines.computeIfAbsent(time, t -> new TreeSet<>()).add(id);
        }
    }

    static void removeDeadline(TreeMap<Long, TreeSet<Long>> deadlines, long time, long id) {
        TreeSet<Long> due = deadlines.get(time);
        if (due != null) {
            due.remove(id);
            if (due.isEmpty()) {
                deadlines.remove(time);
            }
        }
    }

    boolean hasAnyKey(String participantId) {
        for (KeyRecord key : keys.values()) {
            if (key.participantId().equals(participantId)) {
                return true;
            }
        }
        return false;
    }
}
