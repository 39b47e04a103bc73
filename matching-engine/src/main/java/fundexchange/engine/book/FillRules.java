package fundexchange.engine.book;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.TradeExecuted;

/**
 * What the book asks the exchange at every fill of one command (CONTRACTS.md 13): whether each side may trade now,
 * and the trade event of a fill. An implementation lives for one command, so it can account for the fills it made.
 */
public interface FillRules {
    /** Null if {@code participant} may take the {@code side} of a fill now; otherwise why not. */
    Objection check(String participant, Side side);

    /** The {@code fill}-th trade of the command (trade id {@code index * 4096 + fill}); amounts are raw. */
    TradeExecuted trade(int fill, long buyOrderId, String buyer, long sellOrderId, String seller, long units, long price);
}
