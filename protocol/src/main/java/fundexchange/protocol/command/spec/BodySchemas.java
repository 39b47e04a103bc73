package fundexchange.protocol.command.spec;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives a body's schema from its record's components: their types, and {@link FieldGrammar} (a mechanism's
 * {@code @Term} on the component, or the table). A sealed type is a choice of its permitted records, a sealed type
 * among them contributing its own records in its place (flattened as the journal's Jackson module and
 * {@code WireSchema} flatten it), in the order {@link Class#getPermittedSubclasses} gives (the {@code permits}
 * clause). The gateway decodes a body with Jackson, which reads a choice's {@code type} only for the
 * {@code JsonShape.TYPED} interfaces: a sealed interface a body may hold (the mechanisms' {@code ListingTerms} and
 * {@code BidTerms}, for instance) must be listed there too, or a body this schema accepts fails to decode.
 */
final class BodySchemas {
    private static final Map<Class<?>, Integer> AMOUNT_SCALES = Map.of(
            Units.class, Units.SCALE, Money.class, Money.SCALE, Price.class, Price.SCALE, Multiple.class, Multiple.SCALE);

    private BodySchemas() {
    }

    /** The schema of {@code record}'s JSON without the components in {@code bound} (set by the path). */
    static BodySchema of(Class<?> record, Set<String> bound) {
        if (!record.isRecord()) {
            throw new IllegalStateException(record + " is not a record");
        }
        List<BodyField> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (bound.contains(component.getName())) {
                continue;
            }
            fields.add(new BodyField(component.getName(), kind(component.getGenericType(), component),
                    !FieldGrammar.optional(component), !component.getType().isPrimitive()));
        }
        return new BodySchema(record.getSimpleName(), fields);
    }

    private static FieldKind kind(Type type, RecordComponent component) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return new FieldKind.ListOf(kind(list.getActualTypeArguments()[0], component));
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalStateException("no input rule for " + type + " at " + where(component));
        }
        if (raw != String.class && FieldGrammar.pattern(component).isPresent()) {
            throw new IllegalStateException("a text pattern on " + raw.getSimpleName() + " at " + where(component));
        }
        Integer scale = AMOUNT_SCALES.get(raw);
        if (scale != null) {
            return new FieldKind.Decimal(scale);
        } else if (raw == String.class) {
            return new FieldKind.Text(FieldGrammar.pattern(component));
        } else if (raw.isEnum()) {
            return new FieldKind.Choice(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return new FieldKind.Whole(raw == int.class || raw == Integer.class);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return new FieldKind.Flag();
        } else if (raw.isRecord()) {
            return new FieldKind.ObjectOf(of(raw, Set.of()));
        } else if (raw.isSealed()) {
            List<BodySchema> variants = variants(raw).map(variant -> of(variant, Set.of())).toList();
            if (variants.stream().map(BodySchema::name).distinct().count() != variants.size()) {
                throw new IllegalStateException("two variants of one type name at " + where(component));
            }
            return new FieldKind.OneOf(variants);
        }
        throw new IllegalStateException("no input rule for " + raw + " at " + where(component));
    }

    /** The records a sealed type permits, a nested sealed type's in its place. */
    private static Stream<Class<?>> variants(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).flatMap(BodySchemas::flattened);
    }

    private static Stream<Class<?>> flattened(Class<?> permitted) {
        return permitted.isSealed() ? variants(permitted) : Stream.of(permitted);
    }

    private static String where(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
