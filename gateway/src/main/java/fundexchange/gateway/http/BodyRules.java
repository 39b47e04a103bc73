package fundexchange.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.spec.BodyField;
import fundexchange.protocol.command.spec.BodySchema;
import fundexchange.protocol.command.spec.Endpoint;
import fundexchange.protocol.command.spec.FieldKind;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The input rules of a write's body (docs/api.md, "Input rules"), checked against the body schema of the command's
 * specification ({@code CommandSpecs}) before Jackson sees it: every field of its JSON type with no coercion, amounts
 * as decimal strings in their grammar and range, text NFC without control or bidirectional characters, no unknown
 * field, every field present unless the schema makes it optional. A refusal names the field by its path, e.g.
 * {@code action.units} or {@code entries[1].holder}.
 */
final class BodyRules {
    private BodyRules() {
    }

    /** Checks {@code body} against {@code endpoint}'s body schema; the fields its path sets may not appear. */
    static void check(ObjectNode body, Endpoint endpoint) {
        object(body, endpoint.body(), false, "", endpoint.boundComponents());
    }

    private static void object(JsonNode node, BodySchema schema, boolean typed, String where, Set<String> fromPath) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean path = fromPath.contains(name);
            boolean known = path || schema.field(name).isPresent() || (name.equals("type") && typed);
            if (!known || path) {
                throw invalid(join(where, name), known ? "is set by the path" : "is not a field of this request");
            }
        }
        for (BodyField field : schema.fields()) {
            String at = join(where, field.name());
            JsonNode value = node.get(field.name());
            if (value != null && value.isNull() && !field.nullable()) {
                throw invalid(at, "must not be null (leave it out for its default)");
            }
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw invalid(at, "is required");
                }
                continue;
            }
            value(value, field.kind(), at);
        }
    }

    private static void value(JsonNode value, FieldKind kind, String field) {
        switch (kind) {
            case FieldKind.ListOf list -> {
                if (!value.isArray()) {
                    throw invalid(field, "must be a JSON array");
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    if (element.isNull()) {
                        throw invalid(field + "[" + i + "]", "must not be null");
                    }
                    value(element, list.element(), field + "[" + i + "]");
                }
            }
            case FieldKind.Decimal decimal -> amount(value, decimal.scale(), field);
            case FieldKind.Text text -> text(value, field);
            case FieldKind.Choice choice -> text(value, field);
            case FieldKind.Whole whole -> whole(value, whole.int32(), field);
            case FieldKind.Flag flag -> {
                if (!value.isBoolean()) {
                    throw invalid(field, "must be true or false");
                }
            }
            case FieldKind.ObjectOf object -> {
                requireObject(value, field);
                object(value, object.schema(), false, field, Set.of());
            }
            case FieldKind.OneOf oneOf -> {
                requireObject(value, field);
                object(value, subtype(value, oneOf, field), true, field, Set.of());
            }
        }
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where, "must be a JSON object");
        }
    }

    /** A polymorphic field (a staff action): its {@code type} names one of the variants. */
    private static BodySchema subtype(JsonNode node, FieldKind.OneOf oneOf, String where) {
        JsonNode name = node.get("type");
        if (name == null || !name.isTextual()) {
            throw invalid(join(where, "type"), "is required as a string");
        }
        return oneOf.variant(name.asText()).orElseThrow(() -> invalid(join(where, "type"), "is not a known type"));
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
