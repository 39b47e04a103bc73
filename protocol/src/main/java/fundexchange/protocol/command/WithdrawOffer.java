package fundexchange.protocol.command;

/** The holder withdraws a resting offer; its remaining units are unlocked and open quotes and proposals lapse. */
public record WithdrawOffer(long offerId) implements Command {
}
