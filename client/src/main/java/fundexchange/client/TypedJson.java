package fundexchange.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.spec.BodyField;
import fundexchange.protocol.command.spec.BodySchema;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.FieldKind;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * A typed value of a command's body, such as a mechanism's own {@code terms} (a record that
 * {@code ListingMechanism.ListingTerms} or {@code BidTerms} permits), as the JSON the exchange's strict input takes:
 * written by walking the body schema the gateway checks it against ({@code CommandSpecs}, derived from the records),
 * so no mechanism needs code here. {@code type} (the record's simple name) comes first, then the record's components
 * in declaration order (a record has no two of one name); amounts as decimal strings of their scale, whole numbers as
 * JSON numbers, choices by name; an absent optional component is left out, an absent required one refused, and so is
 * an amount the grammar refuses (a negative one), before anything is sent.
 */
final class TypedJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TypedJson() {
    }

    /** {@code value} as the typed (choice) field {@code name} of {@code command}'s body. */
    static ObjectNode of(Class<? extends Command> command, String name, Object value) {
        BodyField field = CommandSpecs.endpoint(command).body().field(name)
                .orElseThrow(() -> new IllegalStateException(command.getSimpleName() + " has no field " + name));
        if (!(field.kind() instanceof FieldKind.OneOf choice)) {
            throw new IllegalStateException(command.getSimpleName() + "." + name + " is not a typed field");
        }
        return variant(choice, value);
    }

    private static ObjectNode variant(FieldKind.OneOf choice, Object value) {
        String type = value.getClass().getSimpleName();
        BodySchema schema = choice.variant(type)
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a choice of this field"));
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return fields(node, schema, (Record) value);
    }

    private static ObjectNode fields(ObjectNode node, BodySchema schema, Record value) {
        for (BodyField field : schema.fields()) {
            Object component = component(value, field.name());
            if (component != null) {
                node.set(field.name(), json(field.kind(), component));
            } else if (field.required()) {
                throw new IllegalArgumentException(schema.name() + "." + field.name() + " is required");
            }
        }
        return node;
    }

    private static JsonNode json(FieldKind kind, Object value) {
        return switch (kind) {
            case FieldKind.Decimal amount -> NODES.textNode(amount(amount, value.toString()));
            case FieldKind.Text text -> NODES.textNode((String) value);
            case FieldKind.Choice choice -> NODES.textNode(((Enum<?>) value).name());
            case FieldKind.Whole whole -> NODES.numberNode(((Number) value).longValue());
            case FieldKind.Flag flag -> NODES.booleanNode((Boolean) value);
            case FieldKind.ListOf list -> {
                ArrayNode array = NODES.arrayNode();
                ((List<?>) value).forEach(element -> array.add(json(list.element(), element)));
                yield array;
            }
            case FieldKind.ObjectOf object -> fields(NODES.objectNode(), object.schema(), (Record) value);
            case FieldKind.OneOf choice -> variant(choice, value);
        };
    }

    /** {@code text} if the amount grammar takes it (a negative amount it does not), else refused before sending. */
    private static String amount(FieldKind.Decimal amount, String text) {
        if (!text.matches(amount.pattern())) {
            throw new IllegalArgumentException("an amount must be 0 or more with at most " + amount.scale()
                    + " decimals: " + text);
        }
        return text;
    }

    private static Object component(Record value, String name) {
        RecordComponent component = Arrays.stream(value.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(value.getClass() + " has no component " + name));
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + value.getClass().getSimpleName() + "." + name, e);
        }
    }
}
