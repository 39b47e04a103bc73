package fundexchange.engine.intent;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * A live match proposal between an offer and an intent; its id is {@code sourceIndex * 4096 + n}. Staff see it when
 * PROPOSED; once BROKERED both parties see it, the investor under {@code investorPseudonym}, and each accepts or
 * declines. Proposed terms: {@code units} at the offer's ask {@code price}.
 */
public record Match(long matchId, long offerId, long intentId, Units units, Price price, long percentOfNavBasisPoints,
                    MatchStatus status, int investorPseudonym, boolean holderAccepted, boolean investorAccepted) {
    public Match brokered(int pseudonym) {
        return new Match(matchId, offerId, intentId, units, price, percentOfNavBasisPoints, MatchStatus.BROKERED,
                pseudonym, false, false);
    }

    public Match acceptedBy(Side side) {
        return new Match(matchId, offerId, intentId, units, price, percentOfNavBasisPoints, status, investorPseudonym,
                holderAccepted || side == Side.HOLDER, investorAccepted || side == Side.INVESTOR);
    }

    public boolean accepted(Side side) {
        return side == Side.HOLDER ? holderAccepted : investorAccepted;
    }
}
