package fundexchange.protocol.command;

/** Staff settle, in one command, every pending book trade of a fund made on {@code businessDate} (the daily batch). */
public record SettleBookBatch(String fundCode, String businessDate) implements Command {
}
