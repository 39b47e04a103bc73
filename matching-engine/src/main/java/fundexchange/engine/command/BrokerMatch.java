package fundexchange.engine.command;

/** Staff put a proposed match to both parties (意向撮合). */
public record BrokerMatch(long matchId) implements Command {
}
