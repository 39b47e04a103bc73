package fundexchange.protocol.command;

/** The holder or the investor of a brokered match declines it. */
public record DeclineMatch(long matchId) implements Command {
}
