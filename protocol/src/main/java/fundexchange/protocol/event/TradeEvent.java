package fundexchange.protocol.event;

/**
 * A trade and its settlement, whichever market made it (a listing, the continuous book or a non-listed
 * offer).
 */
public sealed interface TradeEvent extends Event permits TradeExecuted, TradeSettled, TradeFailed {
}
