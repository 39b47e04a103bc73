package fundexchange.protocol.wire;

import java.lang.invoke.MethodHandle;

/**
 * One field of a {@link WireType}: its number (from the schema, never the component order), its component's name and
 * its kind ({@code i64}, {@code enum:<class>}, {@code list:<kind>}, ...). A list's elements are described by an
 * {@link #element()} field of number -1. What encoding and decoding need is resolved once, when the schema is bound.
 */
public final class WireField {
    private final int number;
    private final String name;
    private final String spec;
    private final WireKind kind;
    private final Class<?> target;
    private final WireField element;

    /** Bound by {@link WireSchema}: the accessor, as {@code (Object)long|int|boolean|Object}. */
    MethodHandle getter;
    /** The component is a primitive: always present, trimmed when last and zero. */
    boolean primitive;
    /** The offset in the fixed block of a fixed field. */
    int fixedOffset = -1;
    /** The component's position among the canonical constructor's arguments. */
    int argument = -1;
    boolean interned;
    EnumCodes codes;
    WireType struct;

    private WireField(int number, String name, String spec, WireKind kind, Class<?> target, WireField element) {
        this.number = number;
        this.name = name;
        this.spec = spec;
        this.kind = kind;
        this.target = target;
        this.element = element;
    }

    /** A field described by its schema kind, {@code spec}. */
    static WireField of(int number, String name, String spec, ClassLoader loader) {
        int colon = spec.indexOf(':');
        WireKind kind = WireKind.ofWord(colon < 0 ? spec : spec.substring(0, colon));
        String rest = colon < 0 ? null : spec.substring(colon + 1);
        boolean parameterised = kind == WireKind.ENUM || kind == WireKind.STRUCT || kind == WireKind.TYPED || kind == WireKind.LIST;
        if (parameterised != (rest != null)) {
            throw new IllegalArgumentException("kind " + spec + (parameterised ? " names no type" : " takes no type"));
        }
        return switch (kind) {
            case LIST -> {
                WireField element = of(-1, "element", rest, loader);
                if (element.kind == WireKind.LIST) {
                    throw new IllegalArgumentException("a list of lists has no kind: " + spec);
                }
                yield new WireField(number, name, spec, kind, null, element);
            }
            case ENUM, STRUCT, TYPED -> new WireField(number, name, spec, kind, load(rest, loader), null);
            case UNITS, MONEY, PRICE, MULTIPLE -> new WireField(number, name, spec, kind, WireSchema.decimalClass(kind), null);
            default -> new WireField(number, name, spec, kind, null, null);
        };
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + name, e);
        }
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    /** The kind as the schema file writes it. */
    public String spec() {
        return spec;
    }

    public WireKind kind() {
        return kind;
    }

    /** The enum, struct record, typed interface or decimal class; null for the others. */
    public Class<?> target() {
        return target;
    }

    /** A list's element; null for the other kinds. */
    public WireField element() {
        return element;
    }

    public boolean primitive() {
        return primitive;
    }

    @Override
    public String toString() {
        return number + " " + name + " " + spec;
    }
}
