package fundexchange.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.JsonShape;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The input rules of a write's body (docs/api.md, "Input rules"), checked against the command's record before
 * Jackson sees it: every field of the record's JSON type with no coercion, amounts as decimal strings in their
 * grammar and range, text NFC without control or bidirectional characters, no unknown field, every field present
 * unless {@link OptionalFields} lists it. A refusal names the field by its path, e.g. {@code action.units} or
 * {@code entries[1].holder}.
 */
final class BodyRules {
    private static final Map<Class<?>, Integer> AMOUNT_SCALES = Map.of(
            Units.class, Units.SCALE, Money.class, Money.SCALE, Price.class, Price.SCALE, Multiple.class, Multiple.SCALE);

    private BodyRules() {
    }

    /** Checks {@code body} as the JSON of {@code type}; {@code fromPath} are its fields the endpoint's path sets. */
    static void check(ObjectNode body, Class<?> type, Set<String> fromPath) {
        object(body, type, "", fromPath);
    }

    private static void object(JsonNode node, Class<?> type, String where, Set<String> fromPath) {
        if (!node.isObject()) {
            throw invalid(where, "must be a JSON object");
        }
        Class<?> record = type.isRecord() ? type : subtype(node, type, where);
        List<RecordComponent> components = Arrays.asList(record.getRecordComponents());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean known = components.stream().anyMatch(c -> c.getName().equals(name))
                    || (name.equals("type") && record != type);
            if (!known || fromPath.contains(name)) {
                throw invalid(join(where, name), known ? "is set by the path" : "is not a field of this request");
            }
        }
        for (RecordComponent component : components) {
            if (fromPath.contains(component.getName())) {
                continue;
            }
            String field = join(where, component.getName());
            JsonNode value = node.get(component.getName());
            if (value != null && value.isNull() && component.getType().isPrimitive()) {
                throw invalid(field, "must not be null (leave it out for its default)");
            }
            if (value == null || value.isNull()) {
                if (!OptionalFields.optional(record, component.getName())) {
                    throw invalid(field, "is required");
                }
                continue;
            }
            value(value, component.getGenericType(), field);
        }
    }

    /** A polymorphic field (a staff action): its {@code type} names one of the interface's records. */
    private static Class<?> subtype(JsonNode node, Class<?> type, String where) {
        JsonNode name = node.get("type");
        if (name == null || !name.isTextual()) {
            throw invalid(join(where, "type"), "is required as a string");
        }
        Class<?>[] subtypes = Optional.ofNullable(type.getPermittedSubclasses())
                .orElseThrow(() -> new IllegalStateException(type + " has no JSON subtypes"));
        return Arrays.stream(subtypes)
                .filter(candidate -> JsonShape.typeName(candidate).equals(name.asText()))
                .findFirst()
                .orElseThrow(() -> invalid(join(where, "type"), "is not a known type"));
    }

    private static void value(JsonNode value, Type type, String field) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!value.isArray()) {
                throw invalid(field, "must be a JSON array");
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (element.isNull()) {
                    throw invalid(field + "[" + i + "]", "must not be null");
                }
                value(element, list.getActualTypeArguments()[0], field + "[" + i + "]");
            }
            return;
        }
        Class<?> raw = (Class<?>) type;
        Integer scale = AMOUNT_SCALES.get(raw);
        if (scale != null) {
            amount(value, scale, field);
        } else if (raw == String.class || raw.isEnum()) {
            text(value, field);
        } else if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            whole(value, raw == int.class || raw == Integer.class, field);
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!value.isBoolean()) {
                throw invalid(field, "must be true or false");
            }
        } else if (raw.isRecord() || raw.isInterface()) {
            object(value, raw, field, Set.of());
        } else {
            throw new IllegalStateException("no input rule for " + raw + " at " + field);
        }
    }

    private static void amount(JsonNode value, int scale, String field) {
        Pattern grammar = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]{1," + scale + "})?");
        if (!value.isTextual() || !grammar.matcher(value.asText()).matches()) {
            throw invalid(field, "must be a decimal string such as \"10." + "0".repeat(scale) + "\": digits without"
                    + " sign, exponent, spaces or leading zeros, at most " + scale + " decimals");
        }
        try {
            new BigDecimal(value.asText()).movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(field, "is too large");
        }
    }

    private static void text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw invalid(field, "must be a JSON string");
        }
        DisplayText.check(value.asText()).ifPresent(problem -> {
            throw invalid(field, problem);
        });
    }

    private static void whole(JsonNode value, boolean isInt, String field) {
        if (!value.isIntegralNumber() || !(isInt ? value.canConvertToInt() : value.canConvertToLong())) {
            throw invalid(field, "must be a whole JSON number (no quotes, fraction or exponent) that fits "
                    + (isInt ? "an int" : "a long"));
        }
    }

    private static String join(String where, String name) {
        return where.isEmpty() ? name : where + "." + name;
    }

    static ApiException invalid(String field, String problem) {
        return new ApiException(400, ApiError.INVALID_FIELD, "field '" + field + "' " + problem);
    }
}
