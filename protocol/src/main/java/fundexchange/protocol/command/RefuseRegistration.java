package fundexchange.protocol.command;

/**
 * The fund's manager refuses the funded trade's registration change, with a reason (rules version 8): the trade fails,
 * the units stay with the seller and every amount locked for it returns to the buyer.
 */
public record RefuseRegistration(long tradeId, String reason) implements Command {
}
