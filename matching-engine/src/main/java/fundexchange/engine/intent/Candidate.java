package fundexchange.engine.intent;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import java.util.Comparator;

/**
 * A compatible pair and its score. {@code units} is the largest lot the two could trade (at most the ask's
 * {@code lotMax}, worth at most the intent's maximum amount at the ask's price) and {@code amount} its consideration;
 * {@code surplusBasisPoints} is the intent's maximum % of NAV less the ask's. {@code resting} is the side that was
 * already in the book when the other arrived.
 */
public record Candidate(Ask ask, Want want, Units units, Money amount, long surplusBasisPoints, Side resting) {
    /**
     * The ranking, best first (docs/matching.md): the larger price surplus; then the larger tradable amount (size
     * fit); then the resting item's time priority (smaller {@code since}); then its id.
     */
    public static final Comparator<Candidate> RANKING = (a, b) -> {
        int c = Long.compare(b.surplusBasisPoints, a.surplusBasisPoints);
        if (c != 0) {
            return c;
        }
        c = Long.compare(b.amount.raw(), a.amount.raw());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.restingSince(), b.restingSince());
        return c != 0 ? c : Long.compare(a.restingId(), b.restingId());
    };

    public long restingSince() {
        return resting == Side.INVESTOR ? want.since() : ask.since();
    }

    public long restingId() {
        return resting == Side.INVESTOR ? want.id() : ask.id();
    }
}
