package fundexchange.protocol.command;

/** The holder or the investor of a brokered match accepts it; when both have, the trade follows. */
public record AcceptMatch(long matchId) implements Command {
}
