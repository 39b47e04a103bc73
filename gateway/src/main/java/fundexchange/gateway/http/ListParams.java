package fundexchange.gateway.http;

import fundexchange.registry.read.Page;
import io.helidon.webserver.http.ServerRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query of a list read: its own filters plus {@code after} (the previous page's {@code nextAfter}) and
 * {@code limit} (1-1000, default 100), beside {@code minIndex}, which every read takes ({@link MinIndex}). An unknown,
 * repeated or malformed parameter is refused with 400.
 */
record ListParams(Map<String, String> filters, Page page) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Parses the request's query, allowing {@code filters} besides after and limit. */
    static ListParams parse(ServerRequest request, String... filters) {
        Set<String> allowed = new TreeSet<>(Arrays.asList(filters));
        allowed.add("after");
        allowed.add("limit");
        Map<String, String> values = strict(request, allowed);
        long after = Optional.ofNullable(values.remove("after")).map(v -> number("after", v)).orElse(0L);
        long limit = Optional.ofNullable(values.remove("limit")).map(v -> number("limit", v))
                .orElse((long) ListingQuery.DEFAULT_LIMIT);
        if (after < 0) {
            throw bad("after must not be negative");
        }
        if (limit < 1 || limit > ListingQuery.MAX_LIMIT) {
            throw bad("limit must be 1-" + ListingQuery.MAX_LIMIT);
        }
        return new ListParams(values, new Page(after, (int) limit));
    }

    /**
     * The query of a read that takes exactly the parameters {@code allowed} (besides {@code minIndex}), each at most
     * once and of the token grammar; anything else is refused with 400 ({@code {code, message, requestId}}).
     */
    static Map<String, String> strict(ServerRequest request, Set<String> allowed) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> parameter : request.query().toMap().entrySet()) {
            if (parameter.getKey().equals(MinIndex.PARAMETER)) {
                continue; // the read handler's (MinIndex)
            }
            if (!allowed.contains(parameter.getKey())) {
                throw bad("unknown parameter " + parameter.getKey() + "; expected one of " + allowed);
            }
            if (parameter.getValue().size() != 1) {
                throw bad(parameter.getKey() + " must be given once");
            }
            if (!TOKEN.matcher(parameter.getValue().getFirst()).matches()) {
                throw bad(parameter.getKey() + " must be 1-64 letters, digits, '.', '_' or '-'");
            }
            values.put(parameter.getKey(), parameter.getValue().getFirst());
        }
        return values;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(filters.get(name));
    }

    /** A filter that must be one of {@code allowed}. */
    Optional<String> oneOf(String name, String... allowed) {
        return text(name).map(v -> {
            if (!Arrays.asList(allowed).contains(v)) {
                throw bad(name + " must be one of " + Arrays.toString(allowed));
            }
            return v;
        });
    }

    Optional<Long> number(String name) {
        return text(name).map(v -> number(name, v));
    }

    /** What to ask the registry for: one more than the page, to know whether another page follows. */
    Page fetch() {
        return new Page(page.after(), page.limit() + 1);
    }

    /** {@code {<name>: items, nextAfter?}} of what {@link #fetch()} found; {@code nextAfter} only if more follow. */
    <T> Map<String, Object> body(String name, List<T> found, java.util.function.ToLongFunction<T> id,
                                 java.util.function.Function<T, Object> shape) {
        List<T> items = found.subList(0, Math.min(found.size(), page.limit()));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(name, items.stream().map(shape).toList());
        if (found.size() > page.limit()) {
            body.put("nextAfter", id.applyAsLong(items.getLast()));
        }
        return body;
    }

    /** A numeric path parameter, 400 if it is not a number. */
    static long pathId(ServerRequest request, String name) {
        String text = request.path().pathParameters().get(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(name + " must be a number");
        }
    }

    /** A whole-number query value, 400 naming the parameter if it is not one. */
    static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(name + " must be a whole number");
        }
    }

    /** A 400 refusal of a malformed request. */
    static ApiException bad(String message) {
        return new ApiException(400, ApiError.MALFORMED_REQUEST, message);
    }

    static ApiException notFound(String what) {
        return new ApiException(404, ApiError.NOT_FOUND, "no " + what + " for you");
    }
}
