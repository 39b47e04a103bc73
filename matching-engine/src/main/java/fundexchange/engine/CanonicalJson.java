package fundexchange.engine;

import fundexchange.protocol.JsonShape;
import fundexchange.protocol.money.FixedWidth;
import fundexchange.protocol.money.FixedWidthPrice;
import fundexchange.protocol.money.Price;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The engine's canonical JSON, written with the JDK only: byte for byte what the journal codec (engine-node's
 * {@code JournalCodec}) writes for the same value, so {@link StateHash} needs no JSON library. The rules
 * ({@link JsonShape}): a record is an object of its components in alphabetical order, then (as Jackson finds them)
 * its bean getters in alphabetical order ({@link Property}), null ones left out; a record of a
 * typed interface, where the declared type is that interface or one of its records, starts with {@code "type"}; a map
 * is an object in key order (a sorted map's own order) without its null values; a collection is an array; an enum is
 * its name; the fixed-point values are their decimal strings ({@link FixedWidth} prices fixed-width); a byte array is
 * its Base64; strings escape quote, backslash, control characters (as {@code \b \t \n \f \r}, or a backslash, u and
 * four upper-case hex digits) and, in that last form, every surrogate; numbers are written as Java writes them.
 * Floating point and anything else is refused. {@code CanonicalJsonTest} (engine-node) compares it with the codec.
 */
public final class CanonicalJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            List<Property> components = Arrays.stream(type.getRecordComponents()).map(Property::of)
                    .sorted(Comparator.comparing(Property::name)).toList();
            Set<String> names = components.stream().map(Property::name).collect(Collectors.toSet());
            List<Property> getters = Arrays.stream(type.getMethods()).map(Property::ofGetter).flatMap(Optional::stream)
                    .filter(getter -> !names.contains(getter.name()))
                    .sorted(Comparator.comparing(Property::name)).toList();
            return Stream.concat(components.stream(), getters.stream()).toList();
        }
    };

    private CanonicalJson() {
    }

    /** The canonical JSON of {@code value}, as UTF-8. */
    public static byte[] write(Object value) {
        StringBuilder out = new StringBuilder(256);
        value(out, value, value == null ? Object.class : value.getClass());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code value}, whose slot is declared as {@code declared} (which decides whether a type is named). */
    private static void value(StringBuilder out, Object value, Type declared) {
        switch (value) {
            case null -> out.append("null");
            case String text -> string(out, text);
            case Character c -> string(out, c.toString());
            case Boolean b -> out.append(b.booleanValue());
            case Long number -> out.append(number.longValue());
            case Integer number -> out.append(number.intValue());
            case Short number -> out.append(number.shortValue());
            case Byte number -> out.append(number.byteValue());
            case BigInteger number -> out.append(number);
            case BigDecimal number -> out.append(number);
            case Enum<?> constant -> string(out, constant.name());
            case byte[] bytes -> string(out, Base64.getEncoder().encodeToString(bytes));
            case Map<?, ?> map -> map(out, map, typeArgument(declared, 1));
            case Collection<?> items -> array(out, items, typeArgument(declared, 0));
            case Object[] items -> array(out, Arrays.asList(items), componentType(declared));
            case Record record when JsonShape.DECIMALS.contains(record.getClass()) -> string(out, record.toString());
            case Record record -> record(out, record, declared);
            default -> throw new IllegalArgumentException("no canonical JSON for " + value.getClass().getName());
        }
    }

    private static void record(StringBuilder out, Record record, Type declared) {
        out.append('{');
        boolean first = true;
        if (JsonShape.typedInterface(raw(declared)).isPresent()) {
            string(out, JsonShape.TYPE_PROPERTY);
            out.append(':');
            string(out, JsonShape.typeName(record.getClass()));
            first = false;
        }
        for (Property property : PROPERTIES.get(record.getClass())) {
            Object item = property.of(record);
            if (item == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, property.name());
            out.append(':');
            if (property.fixedWidth()) {
                string(out, FixedWidthPrice.format((Price) item));
            } else {
                value(out, item, property.type());
            }
        }
        out.append('}');
    }

    private static void map(StringBuilder out, Map<?, ?> map, Type valueType) {
        Map<?, ?> ordered = map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : ordered.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            Object key = entry.getKey();
            string(out, key instanceof Enum<?> constant ? constant.name() : key.toString());
            out.append(':');
            value(out, entry.getValue(), valueType);
        }
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> items, Type elementType) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, item, elementType);
        }
        out.append(']');
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The raw class of a declared type; {@code Object} for what cannot be resolved (type variables). */
    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case GenericArrayType a -> raw(a.getGenericComponentType()).arrayType();
            default -> Object.class;
        };
    }

    /** Type argument {@code index} of a declared map or collection type; {@code Object} for a raw one. */
    private static Type typeArgument(Type declared, int index) {
        if (declared instanceof WildcardType w) {
            return typeArgument(w.getUpperBounds()[0], index);
        }
        return declared instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Type componentType(Type declared) {
        return switch (declared) {
            case Class<?> c when c.isArray() -> c.getComponentType();
            case GenericArrayType a -> a.getGenericComponentType();
            default -> Object.class;
        };
    }

    /** The properties of a record class in the order written (for the codec comparison test). */
    static List<String> propertyNames(Class<? extends Record> type) {
        return PROPERTIES.get(type).stream().map(Property::name).toList();
    }

    /**
     * A property of a record: a component, or a bean getter the codec also writes (a public no-argument
     * {@code is...()} returning a boolean or {@code get...()}, named by the rest with its leading capitals lowered,
     * as Jackson's default naming does: {@code Position.isEmpty()} gives {@code empty}): its name, declared type,
     * accessor, and whether it is a fixed-width price.
     */
    private record Property(String name, Type type, Method accessor, boolean fixedWidth) {
        static Property of(RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return new Property(component.getName(), component.getGenericType(), accessor,
                    component.isAnnotationPresent(FixedWidth.class));
        }

        static Optional<Property> ofGetter(Method method) {
            Class<?> declaring = method.getDeclaringClass();
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0 || method.isSynthetic()
                    || method.isBridge() || declaring == Object.class || declaring == Record.class) {
                return Optional.empty();
            }
            Class<?> returns = method.getReturnType();
            String name = method.getName();
            String property;
            if (name.startsWith("is") && name.length() > 2 && (returns == boolean.class || returns == Boolean.class)) {
                property = name.substring(2);
            } else if (name.startsWith("get") && name.length() > 3 && returns != void.class) {
                property = name.substring(3);
            } else {
                return Optional.empty();
            }
            StringBuilder lowered = new StringBuilder(property.length());
            int i = 0;
            while (i < property.length() && Character.toLowerCase(property.charAt(i)) != property.charAt(i)) {
                lowered.append(Character.toLowerCase(property.charAt(i++)));
            }
            method.setAccessible(true);
            return Optional.of(new Property(lowered.append(property, i, property.length()).toString(),
                    method.getGenericReturnType(), method, false));
        }

        Object of(Record record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("accessor " + name + " of " + record.getClass().getName() + " failed",
                        e.getCause());
            }
        }
    }
}
