package fundexchange.protocol.command.spec;

import java.util.List;
import java.util.Optional;

/**
 * The grammar of one value in a write's body (docs/api.md, "Input rules"). The gateway's strict parser checks a body
 * against it and the OpenAPI test compares docs/openapi.yaml with it.
 */
public sealed interface FieldKind {
    /** A JSON string of NFC text without control or bidirectional characters; {@code pattern} narrows it where given. */
    record Text(Optional<String> pattern) implements FieldKind {
    }

    /** A JSON string naming one of {@code values} (an enum's constants, in declaration order). */
    record Choice(List<String> values) implements FieldKind {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** A whole JSON number (no quotes, fraction or exponent) that fits an int ({@code int32}) or a long. */
    record Whole(boolean int32) implements FieldKind {
    }

    /** {@code true} or {@code false}. */
    record Flag() implements FieldKind {
    }

    /** An amount: a decimal string without sign, exponent or leading zeros, at most {@code scale} decimals. */
    record Decimal(int scale) implements FieldKind {
        /** The grammar as a regular expression. */
        public String pattern() {
            return "^(0|[1-9][0-9]*)(\\.[0-9]{1," + scale + "})?$";
        }
    }

    /** A JSON array whose elements are non-null values of {@code element}. */
    record ListOf(FieldKind element) implements FieldKind {
    }

    /** A JSON object of the fields of {@code schema}. */
    record ObjectOf(BodySchema schema) implements FieldKind {
    }

    /** A JSON object whose {@code type} field names one of {@code variants} (by {@link BodySchema#name()}). */
    record OneOf(List<BodySchema> variants) implements FieldKind {
        public OneOf {
            variants = List.copyOf(variants);
        }

        /** The variant named {@code type}, if any. */
        public Optional<BodySchema> variant(String type) {
            return variants.stream().filter(variant -> variant.name().equals(type)).findFirst();
        }
    }
}
