package fundexchange.protocol.command;

/** Unsigned: carries only the time, so deadlines fire (CONTRACTS.md 2). */
public record Tick() implements Command {
}
