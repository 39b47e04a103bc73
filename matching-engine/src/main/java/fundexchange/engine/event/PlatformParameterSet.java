package fundexchange.engine.event;

/** A platform parameter changed. */
public record PlatformParameterSet(String name, String value) implements Event {
}
