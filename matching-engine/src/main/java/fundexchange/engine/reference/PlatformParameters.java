package fundexchange.engine.reference;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The platform's rules as parameters (CONTRACTS.md 17), each with a documented default (docs/rules.md).
 *
 * @param zone            time zone of business days and daily batches
 * @param requestWindowMs the window W: a signed timestamp further than this from the command's time is rejected
 */
public record PlatformParameters(String zone, long requestWindowMs) {
    public static final PlatformParameters DEFAULTS = new PlatformParameters("Asia/Shanghai", 300_000L);

    /** Returns these parameters with one changed, or throws IllegalArgumentException naming the problem. */
    public PlatformParameters with(String name, String value) {
        return switch (name) {
            case "zone" -> {
                try {
                    ZoneId.of(value);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("unknown time zone " + value);
                }
                yield new PlatformParameters(value, requestWindowMs);
            }
            case "request-window-ms" -> {
                long window = parsePositive(name, value);
                yield new PlatformParameters(zone, window);
            }
            default -> throw new IllegalArgumentException("unknown platform parameter " + name);
        };
    }

    private static long parsePositive(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }
}
