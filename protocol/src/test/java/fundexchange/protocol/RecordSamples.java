package fundexchange.protocol;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reflective samples of records, for tests that must cover every record the protocol (and the engine's state) holds:
 * the records a type reaches, and a value of any of them with every component set. Shared through the protocol's
 * test jar (the wire codec's tests here, {@code CanonicalJsonTest} in engine-node, and the design's binary round trips there once C2 builds them).
 */
public final class RecordSamples {
    private RecordSamples() {
    }

    /**
     * {@code sample}, then each of its components in turn replaced by each of {@code edges}'s values for the
     * component's type, where the record's constructor accepts it (a value it refuses no journal can hold).
     */
    public static List<Object> variants(Object sample, Function<Class<?>, List<Object>> edges)
            throws ReflectiveOperationException {
        List<Object> variants = new ArrayList<>(List.of(sample));
        Class<?> type = sample.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            components[i].getAccessor().setAccessible(true);
            values[i] = components[i].getAccessor().invoke(sample);
        }
        for (int i = 0; i < components.length; i++) {
            for (Object edge : edges.apply(components[i].getType())) {
                Object[] changed = values.clone();
                changed[i] = edge;
                try {
                    variants.add(constructor.newInstance(changed));
                } catch (ReflectiveOperationException | RuntimeException refused) {
                    // the record refuses this value: no journal can hold it
                }
            }
        }
        return variants;
    }

    /** Adds to {@code found} every record {@code type} reaches: itself, its components', its permitted subclasses'. */
    public static void reach(Type type, Set<Class<?>> found) {
        switch (type) {
            case ParameterizedType p -> {
                reach(p.getRawType(), found);
                Arrays.stream(p.getActualTypeArguments()).forEach(argument -> reach(argument, found));
            }
            case WildcardType w -> Arrays.stream(w.getUpperBounds()).forEach(bound -> reach(bound, found));
            case Class<?> c when c.isSealed() -> Arrays.stream(c.getPermittedSubclasses()).forEach(sub -> reach(sub, found));
            case Class<?> c when c.isRecord() && found.add(c) ->
                    Arrays.stream(c.getRecordComponents()).forEach(component -> reach(component.getGenericType(), found));
            default -> {
            }
        }
    }

    /** A value of {@code type} with every component set (the first permitted record of a sealed interface). */
    public static Object sample(Type type) throws ReflectiveOperationException {
        return sample(type, type, 0);
    }

    /** As {@link #sample(Type)}, {@code depth} levels into {@code declared}: numbers and texts differ by depth. */
    private static Object sample(Type type, Type declared, int depth) throws ReflectiveOperationException {
        Class<?> raw = raw(type);
        if (depth > 6) {
            throw new IllegalStateException("too deep at " + declared);
        }
        if (raw == long.class || raw == Long.class) {
            return 1_000L + depth;
        } else if (raw == int.class || raw == Integer.class) {
            return 2 + depth;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return true;
        } else if (raw == String.class) {
            return "s-" + depth;
        } else if (raw == BigDecimal.class) {
            return new BigDecimal("1.25");
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        } else if (JsonShape.DECIMALS.contains(raw)) {
            return raw.getConstructor(long.class).newInstance(123_456L);
        } else if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
            Object element = sample(argument(type, 0), declared, depth + 1);
            return Set.class.isAssignableFrom(raw) ? new TreeSet<>(List.of(element)) : List.of(element);
        } else if (Map.class.isAssignableFrom(raw)) {
            Map<Object, Object> map = new TreeMap<>();
            map.put(sample(argument(type, 0), declared, depth + 1), sample(argument(type, 1), declared, depth + 1));
            return map;
        } else if (raw.isSealed()) {
            return sample(raw.getPermittedSubclasses()[0], declared, depth + 1);
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType(), raw, depth + 1);
            }
            Constructor<?> constructor = raw.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        }
        throw new IllegalStateException("no sample for " + type + " in " + declared);
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            default -> Object.class;
        };
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
