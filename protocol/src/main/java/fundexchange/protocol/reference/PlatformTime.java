package fundexchange.protocol.reference;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A time as a person reads it: ISO-8601 in the platform zone ({@link PlatformParameters#zone()}) with its offset, e.g.
 * {@code 2026-12-06T20:15:03.804+08:00}. Epoch milliseconds stay in the wire formats (requests, answers, journals).
 */
public record PlatformTime(ZoneId zone) {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    /** The platform zone by its id, e.g. {@code Asia/Shanghai}. */
    public static PlatformTime of(String zoneId) {
        return new PlatformTime(ZoneId.of(zoneId));
    }

    /** {@code epochMillis} as ISO-8601 with the zone's offset at that instant. */
    public String format(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
