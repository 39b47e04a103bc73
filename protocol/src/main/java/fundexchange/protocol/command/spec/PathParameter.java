package fundexchange.protocol.command.spec;

/**
 * A {@code {name}} segment of an endpoint's path template, copied into the record component {@code component}: as a
 * JSON number when the component is a {@code long} ({@code numeric}), else as a string.
 */
public record PathParameter(String name, String component, boolean numeric) {
}
