package fundexchange.protocol.event;

/**
 * The continuous book: books opened and halted, orders placed, amended and cancelled, the daily batch
 * settled. Its fills are {@link TradeEvent}s.
 */
public sealed interface BookEvent extends Event permits BookOpened, BookHalted, OrderAccepted, OrderAmended,
        OrderCancelled, BookBatchSettled {
}
