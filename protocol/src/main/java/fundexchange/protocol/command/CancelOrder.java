package fundexchange.protocol.command;

/** The owner cancels a resting order. */
public record CancelOrder(long orderId) implements Command {
}
