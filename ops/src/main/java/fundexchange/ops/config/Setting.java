package fundexchange.ops.config;

/**
 * One effective setting and where its value came from.
 *
 * @param key    the key
 * @param value  the typed value, null when unset (an optional setting such as {@code database.url})
 * @param source where it came from
 */
public record Setting(ConfigKey key, Object value, Source source) {
    /** Where a value came from; later ones win. */
    public enum Source { DEFAULT, FILE, ENV, FLAG }

    /** {@code key = value  # source}, the value masked when secret. */
    public String describe() {
        return key.name() + " = " + key.show(value) + "  # " + source.name().toLowerCase(java.util.Locale.ROOT)
                + switch (source) {
                    case FLAG -> " " + key.flag();
                    case ENV -> " " + key.environmentVariable();
                    default -> "";
                };
    }
}
