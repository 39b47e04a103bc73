package fundexchange.engine;

import fundexchange.engine.book.BookView;
import fundexchange.engine.intent.Intent;
import fundexchange.engine.intent.Match;
import fundexchange.engine.intent.Offer;
import fundexchange.engine.intent.Quote;
import fundexchange.engine.custody.CustodyRegistration;
import fundexchange.engine.custody.Freeze;
import fundexchange.engine.custody.Pledge;
import fundexchange.engine.dataroom.DataRoom;
import fundexchange.engine.listing.Bid;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.KeyRecord;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.protocol.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The whole engine state at an index, as plain data: restoring it and replaying the journal after {@code lastIndex}
 * reproduces the state hash exactly. Derived indexes (deadlines, expiry order, the intent matcher's index) are
 * rebuilt on restore. Version 4 added the live offers, intents, quotes and match proposals of intent matching (and
 * the platform parameters {@code matchTopK} and {@code matchScanLimit}); older snapshots are refused and the engine
 * replays the journal from the start instead. {@code workdays}, the make-up working days per year, is absent (none) in
 * snapshots written before they existed.
 */
public record EngineSnapshot(int version, long lastIndex, long lastTime, long lastCheckpointIndex, String stateHash,
                             PlatformParameters parameters, ExchangeKey exchangeKey, List<Participant> participants,
                             List<KeyRecord> keys, List<Fund> funds, List<Position> positions, List<Listing> listings,
                             List<Trade> trades, List<Bid> bids, List<Proposal> proposals, Map<Integer, List<String>> holidays,
                             List<String> holderReservations, RequestMemoryState requestMemory, List<BookView> books,
                             List<Offer> offers, List<Intent> intents, List<Quote> quotes, List<Match> matches,
                             List<CustodyRegistration> custody, List<Pledge> pledges, List<Freeze> freezes,
                             int rulesVersion, Map<Integer, List<String>> workdays,
                             fundexchange.engine.stateowned.StateOwnedView stateOwned, List<DataRoom> dataRooms,
                             List<fundexchange.protocol.transfer.TransferTerms> transferTerms,
                             List<fundexchange.engine.listing.TransferNotice> notices,
                             List<fundexchange.engine.dataroom.FundDocument> fundDocuments,
                             fundexchange.engine.cash.CashView cash,
                             List<String> marketDataFunds, HistoryView history) {
    /**
     * 3: the continuous books ({@code books}); 4: intent matching (offers, intents, quotes, matches); 5: custody
     * registrations, pledges, freezes, and positions' encumbrances and commitment; 6: the generational request memory
     * ({@code requestMemory}, replacing {@code requests}) and the journal's {@code rulesVersion}; 7: the compact
     * request memory (per id only ordinal, id hash and index, packed in {@code entries}). Version 7 grew the optional
     * {@code stateOwned} (state-owned holders, their appraisals and listings' public disclosures; null when there are none);
     * 8: the data rooms ({@code dataRooms}, issue 21), later with the optional {@code fundDocuments} (null when none)
     * and the optional {@code cash} (the cash ledger, issue 22; null when empty) and {@code marketDataFunds} (funds
     * opted in to public market data, issue 23; null when none) and {@code history} (the bounded history of finished
     * listings and trades, rules version 10, issue 18; null when empty).
     */
    public static final int VERSION = 8;

    public EngineSnapshot {
        custody = custody == null ? List.of() : custody;
        pledges = pledges == null ? List.of() : pledges;
        freezes = freezes == null ? List.of() : freezes;
        workdays = workdays == null ? Map.of() : workdays;
        dataRooms = dataRooms == null ? List.of() : dataRooms;
        requestMemory = requestMemory == null ? new RequestMemoryState(List.of(), List.of()) : requestMemory;
    }

    /** The exchange's own key. */
    public record ExchangeKey(String keyId, String algorithm, String publicKey) {
    }

    /** A maker-checker proposal; {@code expiresAt} and {@code expired} are absent (0, false) in older snapshots. */
    public record Proposal(long proposalId, String proposer, fundexchange.protocol.command.SensitiveAction action, boolean approved,
                           long expiresAt, boolean expired) {
    }

    /**
     * The idempotency memory (CONTRACTS.md 8): participants in ordinal order (first remembered request first) and
     * the live generations, oldest first. It holds no id, digest or outcome (those stay in the journals) and nothing
     * that depends on the node's secret key.
     */
    public record RequestMemoryState(List<String> participants, List<RequestGenerationState> generations) {
    }

    /**
     * Ids first journaled in {@code [start, end)} of journal time, at most {@code capacity}. {@code entries} is the
     * Base64 (RFC 4648, padded) of {@value #ENTRY_BYTES} big-endian bytes per id in journal order: the participant's
     * ordinal (int32), the id's hash ({@code idHash}, int64) and its journal index (int64).
     */
    public record RequestGenerationState(long start, long end, int capacity, String entries) {
        public static final int ENTRY_BYTES = 20;

        public RequestGenerationState {
            entries = entries == null ? "" : entries;
        }

        /** A generation holding {@code records}, given in journal order. */
        public static RequestGenerationState of(long start, long end, int capacity, List<RememberedRequest> records) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(records.size() * ENTRY_BYTES);
            records.forEach(r -> bytes.putInt(r.participant()).putLong(r.idHash()).putLong(r.sourceIndex()));
            return new RequestGenerationState(start, end, capacity, java.util.Base64.getEncoder().encodeToString(bytes.array()));
        }

        /** The ids {@code entries} holds, in journal order. */
        public List<RememberedRequest> records() {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(entries));
            if (bytes.remaining() % ENTRY_BYTES != 0) {
                throw new IllegalArgumentException("request memory entries are not whole " + ENTRY_BYTES + "-byte records");
            }
            List<RememberedRequest> records = new java.util.ArrayList<>(bytes.remaining() / ENTRY_BYTES);
            while (bytes.hasRemaining()) {
                records.add(new RememberedRequest(bytes.getInt(), bytes.getLong(), bytes.getLong()));
            }
            return records;
        }
    }

    /**
     * A remembered id: the participant's ordinal in {@link RequestMemoryState#participants()}, the id's hash (the
     * first 8 bytes of the SHA-256 of its UTF-8) and the journal index of its first journaling, where the journals keep
     * the request and its outcome.
     */
    public record RememberedRequest(int participant, long idHash, long sourceIndex) {
    }
}
