package fundexchange.protocol.command;

/**
 * Maker-checker override of a trade settled delivery versus payment (rules version 8), with a reason: staff declare it
 * settled. A fully funded trade settles as its registration confirmation would (proceeds to the seller, fees to the
 * platform); otherwise the consideration was paid outside escrow, the units move and what is locked for the trade
 * returns to the buyer.
 */
public record OverrideSettlement(long tradeId, String reason) implements SensitiveAction {
}
