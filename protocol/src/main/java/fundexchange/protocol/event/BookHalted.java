package fundexchange.protocol.event;

/** Staff halted a fund's book: resting orders stay (and may be cancelled); no new order, amendment or fill until reopened. */
public record BookHalted(String fundCode) implements BookEvent {
}
