package fundexchange.registry.read;

/** A platform parameter in force: its value, and the index of the approval that set it (0 for the default). */
public record ParameterView(String name, String value, long setAtIndex) {
}
