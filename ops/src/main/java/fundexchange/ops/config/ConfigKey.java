package fundexchange.ops.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting of {@code exchange serve}: its key in the configuration file, the command-line flag that overrides it,
 * its type and range, and whether it is shown masked.
 *
 * @param name    file key, lower-case words joined by '.' or '-' ({@code gateway.port})
 * @param flag    the option of {@code serve} that sets it ({@code --port})
 * @param kind    how the text is read
 * @param min     smallest value (a number), shortest duration in ms, or shortest text
 * @param max     largest value, longest duration in ms, longest text, or most items of a list
 * @param secrecy how {@code exchange config check} shows it
 */
public record ConfigKey(String name, String flag, Kind kind, long min, long max, Secrecy secrecy) {
    /** The prefix of every environment variable that sets a key. */
    public static final String ENVIRONMENT_PREFIX = "FUNDEXCHANGE_";
    /** What {@code config check} shows instead of a secret. */
    public static final String MASK = "********";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;][a-z_]*password=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@?#]*:)[^/@?#]*@");

    /** How a value is written. */
    public enum Kind { INT, LONG, DURATION, TEXT, PATH, LIST }

    /** How a value is shown. */
    public enum Secrecy {
        /** as it is */
        NONE,
        /** never: {@value #MASK} when set */
        SECRET,
        /** a JDBC URL with any password in it masked */
        URL
    }

    public static ConfigKey number(String name, String flag, long min, long max) {
        return new ConfigKey(name, flag, max <= Integer.MAX_VALUE && min >= Integer.MIN_VALUE ? Kind.INT : Kind.LONG,
                min, max, Secrecy.NONE);
    }

    /** A duration of at least 1 ms and at most {@link Integer#MAX_VALUE} ms (about 24 days). */
    public static ConfigKey duration(String name, String flag) {
        return new ConfigKey(name, flag, Kind.DURATION, 1, Integer.MAX_VALUE, Secrecy.NONE);
    }

    public static ConfigKey text(String name, String flag, int maxLength, Secrecy secrecy) {
        return new ConfigKey(name, flag, Kind.TEXT, secrecy == Secrecy.SECRET ? 0 : 1, maxLength, secrecy);
    }

    /** A repeatable flag: in the file or the environment, items separated by commas (none when empty). */
    public static ConfigKey list(String name, String flag, int maxItems) {
        return new ConfigKey(name, flag, Kind.LIST, 0, maxItems, Secrecy.NONE);
    }

    public static ConfigKey path(String name, String flag) {
        return new ConfigKey(name, flag, Kind.PATH, 1, 4096, Secrecy.NONE);
    }

    /** The environment variable: {@value #ENVIRONMENT_PREFIX} and the name in upper case, '.' and '-' as '_'. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value {@code text} writes, checked against the range; a problem is an {@link IllegalArgumentException}. */
    public Object parse(String text) {
        Object value = switch (kind) {
            case INT, LONG -> parseNumber(text);
            case DURATION -> parseDuration(text);
            case TEXT -> text;
            case PATH -> parsePath(text);
            case LIST -> text.isEmpty() ? List.of() : Arrays.stream(text.split(",", -1)).map(String::strip).toList();
        };
        problem(value).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return value;
    }

    /** What is wrong with {@code value} (as a flag or default gives it), if anything. */
    public Optional<String> problem(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case Number n when n.longValue() < min || n.longValue() > max ->
                    Optional.of("must be " + min + "-" + max + ", got " + n);
            case Duration d when d.compareTo(Duration.ofMillis(min)) < 0 || d.compareTo(Duration.ofMillis(max)) > 0 ->
                    Optional.of("must be an ISO-8601 duration of " + Duration.ofMillis(min) + " to " + Duration.ofMillis(max)
                            + ", got " + d);
            case String s when s.length() < min || s.length() > max || s.chars().anyMatch(Character::isISOControl) ->
                    Optional.of("must be " + min + "-" + max + " characters without control characters");
            case String s when min > 0 && s.isBlank() -> Optional.of("must not be blank");
            case List<?> l when l.size() > max -> Optional.of("must have at most " + max + " items, got " + l.size());
            case List<?> l when l.stream().map(String::valueOf).anyMatch(item -> item.isBlank() || item.length() > 253
                    || item.chars().anyMatch(Character::isISOControl)) ->
                    Optional.of("items must be 1-253 characters without control characters, separated by commas");
            default -> Optional.empty();
        };
    }

    /** {@code value} as {@code config check} shows it: secrets masked, an absent value as {@code (none)}. */
    public String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        String text = value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : value.toString();
        return switch (secrecy) {
            case NONE -> text;
            case SECRET -> MASK;
            case URL -> URL_USER_INFO.matcher(URL_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK)))
                    .replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        };
    }

    private Object parseNumber(String text) {
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got '" + ConfigFile.printable(text) + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be " + min + "-" + max + ", got " + value);
        }
        if (kind == Kind.INT) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    private static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 duration such as PT10S, got '"
                    + ConfigFile.printable(text) + "'");
        }
    }

    private static Path parsePath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a path: " + e.getReason());
        }
    }
}
