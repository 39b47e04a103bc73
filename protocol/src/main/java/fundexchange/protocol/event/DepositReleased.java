package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;

/**
 * Rules version 8: {@code participantId}'s deposit on listing {@code listingId} is available again: it lost at the
 * close, cancelled its only sealed bid, was displaced by a match, or the listing ended without its trade; or the part
 * of a deposit above the trade it secures; or, with {@code tradeId}, the deposit held for a trade that settled or failed
 * without delivery versus payment (no settlement bank was active when it was made, so nothing applies or forfeits it).
 * Seen by that participant, staff and regulators only.
 */
public record DepositReleased(long listingId, String participantId, String currency, Money amount, Long tradeId)
        implements CashEvent {
    /** A deposit on a listing (not yet held for a trade) released. */
    public DepositReleased(long listingId, String participantId, String currency, Money amount) {
        this(listingId, participantId, currency, amount, null);
    }
}
