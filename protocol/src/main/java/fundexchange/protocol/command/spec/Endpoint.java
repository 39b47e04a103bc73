package fundexchange.protocol.command.spec;

import fundexchange.protocol.reference.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a signed command arrives: the HTTP method and path template, its path parameters, the roles the gateway lets
 * call it (the engine checks again; kept in the enum's order, so a refusal names them alike every time), and the
 * body's schema without the fields the path sets.
 */
public record Endpoint(String method, String path, List<PathParameter> parameters, Set<Role> roles, BodySchema body) {
    public Endpoint {
        parameters = List.copyOf(parameters);
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** The path parameters of {@code concretePath} by name if it matches this template (no segment empty). */
    public Optional<Map<String, String>> match(String concretePath) {
        String[] template = path.split("/", -1);
        String[] actual = concretePath.split("/", -1);
        if (template.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{") && template[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                values.put(template[i].substring(1, template[i].length() - 1), actual[i]);
            } else if (!template[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /**
     * The concrete path with {@code values} in the order of {@link #parameters()}: numbers as decimals, text
     * percent-encoded as one segment (a space as {@code %20}).
     */
    public String expand(Object... values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(path + " takes " + parameters.size() + " path parameters, not " + values.length);
        }
        String concrete = path;
        for (int i = 0; i < values.length; i++) {
            Object value = Objects.requireNonNull(values[i], parameters.get(i).name());
            String segment = value instanceof Long || value instanceof Integer ? value.toString()
                    : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
            concrete = concrete.replace("{" + parameters.get(i).name() + "}", segment);
        }
        return concrete;
    }

    /** The record components the path sets, which a body must not carry. */
    public Set<String> boundComponents() {
        return Set.copyOf(parameters.stream().map(PathParameter::component).toList());
    }
}
