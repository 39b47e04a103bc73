package fundexchange.protocol.event;

/** The daily batch settled {@code trades} pending book trades of {@code fundCode} made on {@code businessDate}. */
public record BookBatchSettled(String fundCode, String businessDate, int trades) implements BookEvent {
}
