package fundexchange.gateway.http;

import fundexchange.registry.audit.AuditFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /audit/records}: {@code fromIndex}, {@code toIndex} (inclusive), {@code from},
 * {@code to} (exclusive; ISO-8601 instants or epoch milliseconds), {@code participant}, {@code fund}, {@code after}
 * (the previous page's cursor) and {@code limit} (1-1000, default 100). Anything else, or a repeated or malformed
 * parameter, is refused with 400: a mistyped filter must not silently widen a regulator's query.
 */
record AuditRecordQuery(AuditFilter filter, int limit, Optional<Long> after) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> NAMES = Set.of("fromIndex", "toIndex", "from", "to", "participant", "fund", "after", "limit");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern EPOCH_MS = Pattern.compile("-?[0-9]{1,19}");

    static AuditRecordQuery parse(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!NAMES.contains(parameter.getKey()) && !parameter.getKey().equals(MinIndex.PARAMETER)) {
                throw bad("unknown parameter " + parameter.getKey() + "; expected one of " + NAMES);
            }
            if (parameter.getValue().size() != 1) {
                throw bad(parameter.getKey() + " must be given once");
            }
        }
        Optional<Long> fromIndex = value(query, "fromIndex").map(v -> index("fromIndex", v));
        Optional<Long> toIndex = value(query, "toIndex").map(v -> index("toIndex", v));
        Optional<Long> from = value(query, "from").map(v -> time("from", v));
        Optional<Long> to = value(query, "to").map(v -> time("to", v));
        if (fromIndex.isPresent() && toIndex.isPresent() && fromIndex.get() > toIndex.get()) {
            throw bad("fromIndex must not exceed toIndex");
        }
        if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
            throw bad("from must not be after to");
        }
        AuditFilter filter = new AuditFilter(fromIndex, toIndex, from, to,
                value(query, "participant").map(v -> id("participant", v)), value(query, "fund").map(v -> id("fund", v)));
        long limit = value(query, "limit").map(v -> number("limit", v)).orElse((long) DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw bad("limit must be 1-" + MAX_LIMIT);
        }
        return new AuditRecordQuery(filter, (int) limit, value(query, "after").map(v -> index("after", v)));
    }

    private static Optional<String> value(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).map(List::getFirst);
    }

    private static long index(String name, String value) {
        long index = number(name, value);
        if (index < 0) {
            throw bad(name + " must not be negative");
        }
        return index;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(name + " must be a whole number");
        }
    }

    /** Epoch milliseconds, or an ISO-8601 instant such as {@code 2026-03-02T00:00:00Z}. */
    private static long time(String name, String value) {
        if (EPOCH_MS.matcher(value).matches()) {
            return number(name, value);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(name + " must be an ISO-8601 instant (e.g. 2026-03-02T00:00:00Z) or epoch milliseconds");
        }
    }

    private static String id(String name, String value) {
        if (!ID.matcher(value).matches()) {
            throw bad(name + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static ApiException bad(String message) {
        return new ApiException(400, ApiError.MALFORMED_REQUEST, message);
    }
}
