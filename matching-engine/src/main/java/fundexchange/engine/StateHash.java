package fundexchange.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hashes the state's canonical JSON ({@link CanonicalJson}: sorted maps, alphabetical properties; the sections, too,
 * are written in key order). The bytes are the journal codec's for the same sections, so hashes in snapshots written
 * before the engine had its own writer still match.
 */
final class StateHash {
    private StateHash() {
    }

    private static void putIfAny(Map<String, Object> sections, String name, Map<?, ?> items) {
        if (!items.isEmpty()) {
            sections.put(name, items);
        }
    }

    static String of(ExchangeState state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.write(sections(state)));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the hash covers. */
    static Map<String, Object> sections(ExchangeState state) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("lastIndex", state.lastIndex);
        sections.put("lastTime", state.lastTime);
        sections.put("parameters", state.parameters);
        sections.put("exchangeKey", state.exchangeKey);
        sections.put("participants", state.participants);
        sections.put("keys", state.keys);
        sections.put("funds", state.funds);
        sections.put("positions", state.positions());
        sections.put("listings", state.listings);
        sections.put("trades", state.trades);
        sections.put("bids", state.bids);
        sections.put("proposals", state.proposals);
        sections.put("holidays", state.holidays);
        // Make-up working days: only when some year has any, so states without them keep their hashes.
        putIfAny(sections, "workdays", state.workdays);
        sections.put("holderReservations", state.holderReservations);
        sections.put("requests", state.requests.view());
        sections.put("lastCheckpointIndex", state.lastCheckpointIndex);
        sections.put("books", state.books.views());
        // Intent matching: only when non-empty, so states without it keep their hashes.
        putIfAny(sections, "offers", state.intentBook.offers);
        putIfAny(sections, "intents", state.intentBook.intents);
        putIfAny(sections, "quotes", state.intentBook.quotes);
        putIfAny(sections, "matches", state.intentBook.matches);
        // Consent and first refusal: only when non-empty, so states without it keep their hashes.
        putIfAny(sections, "transferTerms", state.transferTerms);
        putIfAny(sections, "notices", state.notices);
        sections.put("custody", state.custody);
        sections.put("pledges", state.pledges);
        sections.put("freezes", state.freezes);
        // State-owned holders: only when non-empty, so states without them keep their hashes.
        if (!state.stateOwnedHolders.isEmpty()) {
            sections.put("stateOwnedHolders", state.stateOwnedHolders);
        }
        putIfAny(sections, "appraisals", state.appraisals);
        putIfAny(sections, "disclosures", state.disclosures);
        // The data room (issue 21): only when non-empty, so states without it keep their hashes.
        putIfAny(sections, "dataRooms", state.dataRooms);
        putIfAny(sections, "fundDocuments", state.fundDocuments);
        // Cash (issue 22): only the non-empty parts, so states without cash keep their hashes.
        sections.putAll(state.cash.hashSections());
        // Market-data consent (issue 23): only when non-empty, so states without it keep their hashes.
        if (!state.marketDataFunds.isEmpty()) {
            sections.put("marketDataFunds", state.marketDataFunds);
        }
        // The bounded history (issue 18, rules version 10): only when non-empty, so states without it keep their hashes.
        HistoryView history = state.history.viewOrNull();
        if (history != null) {
            sections.put("history", history);
        }
        return sections;
    }
}
