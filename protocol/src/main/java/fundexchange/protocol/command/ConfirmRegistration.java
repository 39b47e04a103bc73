package fundexchange.protocol.command;

/**
 * The fund's manager confirms that the fund's register shows the funded trade's transfer (rules version 8): the units
 * move, the fees go to the platform and the seller's proceeds to the settlement bank as a payout instruction.
 */
public record ConfirmRegistration(long tradeId) implements Command {
}
