package fundexchange.protocol.event;

/** A platform parameter changed. */
public record PlatformParameterSet(String name, String value) implements PlatformEvent {
}
