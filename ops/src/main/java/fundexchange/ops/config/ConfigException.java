package fundexchange.ops.config;

/** A configuration the exchange refuses to start with; the message names the key and where its value came from. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
