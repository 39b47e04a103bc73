package fundexchange.engine.intent;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A live match proposal between an offer and an intent; its id is {@code sourceIndex * 4096 + n}. Staff see it when
 * PROPOSED; once BROKERED both parties see it, the investor under {@code investorPseudonym}, and each accepts or
 * declines. Terms: {@code units} at {@code price}, the offer's ask unless staff brokered other terms.
 */
public record Match(long matchId, long offerId, long intentId, Units units, Price price, long percentOfNavBasisPoints,
                    MatchStatus status, int investorPseudonym, boolean holderAccepted, boolean investorAccepted) {
    /** Put to the parties on these terms. */
    public Match brokered(int pseudonym, Units brokeredUnits, Price brokeredPrice, long brokeredPercentOfNav) {
        return new Match(matchId, offerId, intentId, brokeredUnits, brokeredPrice, brokeredPercentOfNav,
                MatchStatus.BROKERED, pseudonym, false, false);
    }

    public Match acceptedBy(Side side) {
        return new Match(matchId, offerId, intentId, units, price, percentOfNavBasisPoints, status, investorPseudonym,
                holderAccepted || side == Side.HOLDER, investorAccepted || side == Side.INVESTOR);
    }

    public boolean accepted(Side side) {
        return side == Side.HOLDER ? holderAccepted : investorAccepted;
    }
}
