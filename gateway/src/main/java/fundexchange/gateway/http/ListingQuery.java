package fundexchange.gateway.http;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.registry.read.ListingFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /listings}: {@code status}, {@code mechanism}, {@code fund}, {@code after} (the
 * previous page's cursor) and {@code limit} (1-1000, default 100). Anything else, or a repeated or malformed
 * parameter, is refused with 400.
 */
record ListingQuery(ListingFilter filter, long after, int limit) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> NAMES = Set.of("status", "mechanism", "fund", "after", "limit");
    private static final Pattern FUND = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static ListingQuery parse(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!NAMES.contains(parameter.getKey()) && !parameter.getKey().equals(MinIndex.PARAMETER)) {
                throw ListParams.bad("unknown parameter " + parameter.getKey() + "; expected one of " + NAMES);
            }
            if (parameter.getValue().size() != 1) {
                throw ListParams.bad(parameter.getKey() + " must be given once");
            }
        }
        Optional<String> status = value(query, "status").map(v -> oneOf("status", v, ListingStatus.values()));
        Optional<String> mechanism = value(query, "mechanism").map(v -> oneOf("mechanism", v, ListingMechanism.values()));
        Optional<String> fund = value(query, "fund").map(v -> {
            if (!FUND.matcher(v).matches()) {
                throw ListParams.bad("fund must be 1-64 letters, digits, '.', '_' or '-'");
            }
            return v;
        });
        long after = value(query, "after").map(v -> ListParams.number("after", v)).orElse(0L);
        long limit = value(query, "limit").map(v -> ListParams.number("limit", v)).orElse((long) DEFAULT_LIMIT);
        if (after < 0) {
            throw ListParams.bad("after must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ListParams.bad("limit must be 1-" + MAX_LIMIT);
        }
        return new ListingQuery(new ListingFilter(status, mechanism, fund), after, (int) limit);
    }

    private static Optional<String> value(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).map(List::getFirst);
    }

    private static String oneOf(String name, String value, Enum<?>[] allowed) {
        if (Arrays.stream(allowed).noneMatch(e -> e.name().equals(value))) {
            throw ListParams.bad(name + " must be one of " + Arrays.toString(allowed));
        }
        return value;
    }
}
