package fundexchange.engine;

import fundexchange.engine.command.SensitiveAction;
import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.Trade;
import fundexchange.engine.position.Position;
import fundexchange.engine.reference.Fund;
import fundexchange.engine.reference.KeyRecord;
import fundexchange.engine.reference.Participant;
import fundexchange.engine.reference.PlatformParameters;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** All engine state. Only {@link StateApplier} mutates it; every map is sorted so iteration order is deterministic. */
final class ExchangeState {
    /** The exchange's own key. */
    record ExchangeKey(String keyId, String algorithm, String publicKey) {
    }

    /** A maker-checker proposal. */
    record Proposal(long proposalId, String proposer, SensitiveAction action, boolean approved) {
    }

    PlatformParameters parameters = PlatformParameters.DEFAULTS;
    ExchangeKey exchangeKey;
    final TreeMap<String, Participant> participants = new TreeMap<>();
    final TreeMap<String, KeyRecord> keys = new TreeMap<>();
    final TreeMap<String, Fund> funds = new TreeMap<>();
    final TreeMap<String, Position> positions = new TreeMap<>();
    final TreeMap<Long, Listing> listings = new TreeMap<>();
    final TreeMap<Long, Trade> trades = new TreeMap<>();
    final TreeMap<Long, Proposal> proposals = new TreeMap<>();
    final TreeMap<Integer, List<String>> holidays = new TreeMap<>();
    /** fund|buyer pairs holding a reserved place under the fund's holder cap, pending settlement. */
    final TreeSet<String> holderReservations = new TreeSet<>();
    /** listing deadlines: time -> listing ids. */
    final TreeMap<Long, TreeSet<Long>> listingDeadlines = new TreeMap<>();
    final RequestMemory requests = new RequestMemory();
    long lastCheckpointIndex;
    long lastIndex;
    long lastTime;

    static String positionKey(String fundCode, String holder) {
        return fundCode + "|" + holder;
    }

    Position position(String fundCode, String holder) {
        Position position = positions.get(positionKey(fundCode, holder));
        return position == null ? Position.empty(fundCode, holder) : position;
    }

    boolean genesisDone() {
        return exchangeKey != null;
    }

    boolean hasActiveKey(String participantId) {
        for (KeyRecord key : keys.values()) {
            if (key.participantId().equals(participantId) && key.status() == fundexchange.engine.reference.KeyStatus.ACTIVE) {
                return true;
            }
        }
        return false;
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
