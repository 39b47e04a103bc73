package fundexchange.protocol.command;

/** The investor cancels a resting intent; its open proposals lapse. */
public record CancelIntent(long intentId) implements Command {
}
