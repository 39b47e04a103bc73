package fundexchange.protocol.command;

/** Changes one platform parameter. */
public record SetPlatformParameter(String name, String value) implements SensitiveAction {
}
