package fundexchange.protocol.wire;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The binary journal's schema (encoding 2): every record type's stable id, every field's number and kind, every enum
 * constant's code, read once from the append-only text file {@value #RESOURCE} and checked against the record
 * classes. Bytes depend on these numbers only, never on the order of {@code permits}, components or constants.
 *
 * <p>The file's lines, one fact each ({@code #} starts a comment):
 * <pre>
 * type   &lt;id&gt; &lt;class&gt;                      a typed record (a command, staff action or event)
 * struct &lt;class&gt;                           an untyped record, known from its field's declared type
 * field  &lt;class&gt; &lt;number&gt; &lt;component&gt; &lt;kind&gt;
 * enum   &lt;class&gt; &lt;code&gt; &lt;constant&gt;
 * </pre>
 * Binding refuses a schema that does not describe its classes exactly: a missing class, component or constant, a
 * component without a field, a kind that is not the component's, a reused id or code, a gap in field numbers.
 */
public final class WireSchema {
    /** The journal's schema, next to this class. */
    public static final String RESOURCE = "journal-schema.txt";

    private final Map<Class<?>, WireType> byClass;
    private final WireType[] byId;
    private final List<WireType> types;
    private final Map<Class<?>, EnumCodes> enums;
    private final ClassValue<WireType> lookup = new ClassValue<>() {
        @Override
        protected WireType computeValue(Class<?> type) {
            return byClass.get(type);
        }
    };

    private WireSchema(List<WireType> types, Map<Class<?>, EnumCodes> enums) {
        this.types = List.copyOf(types);
        this.enums = Map.copyOf(enums);
        Map<Class<?>, WireType> classes = new HashMap<>();
        int maxId = 0;
        for (WireType type : types) {
            classes.put(type.type(), type);
            maxId = Math.max(maxId, type.id());
        }
        this.byClass = classes;
        this.byId = new WireType[maxId + 1];
        types.stream().filter(type -> type.id() > 0).forEach(type -> byId[type.id()] = type);
    }

    /** The journal's schema, from {@value #RESOURCE}. */
    public static WireSchema journal() {
        return Journal.SCHEMA;
    }

    private static final class Journal {
        static final WireSchema SCHEMA = load();

        private static WireSchema load() {
            try (InputStream in = WireSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("no " + RESOURCE + " next to " + WireSchema.class.getName());
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The schema the lines describe, bound to their classes (through this class's loader). */
    public static WireSchema parse(List<String> lines) {
        ClassLoader loader = WireSchema.class.getClassLoader();
        Map<String, Integer> ids = new LinkedHashMap<>();
        Map<String, List<String[]>> fields = new LinkedHashMap<>();
        Map<String, List<String[]>> constants = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<Integer, String> idOwners = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String where = "line " + (n + 1) + " (" + line + "): ";
            switch (words[0]) {
                case "type" -> {
                    if (words.length != 3) {
                        problems.add(where + "type <id> <class>");
                        continue;
                    }
                    int id = number(words[1], 1, 0xFFFF, where, problems);
                    if (ids.putIfAbsent(words[2], id) != null) {
                        problems.add(where + words[2] + " is declared twice");
                    }
                    String owner = idOwners.putIfAbsent(id, words[2]);
                    if (owner != null && id > 0) {
                        problems.add(where + "type id " + id + " is already " + owner);
                    }
                }
                case "struct" -> {
                    if (words.length != 2) {
                        problems.add(where + "struct <class>");
                    } else if (ids.putIfAbsent(words[1], 0) != null) {
                        problems.add(where + words[1] + " is declared twice");
                    }
                }
                case "field" -> {
                    if (words.length != 5) {
                        problems.add(where + "field <class> <number> <component> <kind>");
                    } else {
                        fields.computeIfAbsent(words[1], k -> new ArrayList<>()).add(new String[] {words[2], words[3], words[4], where});
                    }
                }
                case "enum" -> {
                    if (words.length != 4) {
                        problems.add(where + "enum <class> <code> <constant>");
                    } else {
                        constants.computeIfAbsent(words[1], k -> new ArrayList<>()).add(new String[] {words[2], words[3], where});
                    }
                }
                default -> problems.add(where + "unknown line kind " + words[0]);
            }
        }
        fields.keySet().stream().filter(name -> !ids.containsKey(name))
                .forEach(name -> problems.add("fields of " + name + ", which has no type or struct line"));
        Map<Class<?>, EnumCodes> enums = new HashMap<>();
        constants.forEach((name, codeLines) -> bindEnum(name, codeLines, loader, problems).ifPresent(codes -> enums.put(codes.type(), codes)));
        List<WireType> types = new ArrayList<>();
        List<WireField> references = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : ids.entrySet()) {
            try {
                types.add(bindType(entry.getKey(), entry.getValue(), types.size(),
                        fields.getOrDefault(entry.getKey(), List.of()), loader, references));
            } catch (ClassNotFoundException e) {
                problems.add("no class " + entry.getKey());
            } catch (IllegalArgumentException | ReflectiveOperationException e) {
                problems.add(entry.getKey() + ": " + e.getMessage());
            }
        }
        Map<Class<?>, WireType> byClass = new HashMap<>();
        types.forEach(type -> byClass.put(type.type(), type));
        for (WireField field : references) {
            switch (field.kind()) {
                case ENUM -> {
                    field.codes = enums.get(field.target());
                    if (field.codes == null) {
                        problems.add("enum " + field.target().getName() + " has no codes");
                    }
                }
                case STRUCT -> {
                    field.struct = byClass.get(field.target());
                    if (field.struct == null) {
                        problems.add("record " + field.target().getName() + " has no type or struct line");
                    }
                }
                case TYPED -> typedRecords(field.target()).stream()
                        .filter(record -> byClass.get(record) == null || byClass.get(record).id() == 0)
                        .forEach(record -> problems.add("typed " + field.target().getName() + " permits " + record.getName()
                                + ", which has no type id"));
                default -> {
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the wire schema does not describe its classes:\n  " + String.join("\n  ", problems));
        }
        return new WireSchema(types, enums);
    }

    private static Optional<EnumCodes> bindEnum(String name, List<String[]> lines, ClassLoader loader, List<String> problems) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            problems.add("no enum " + name);
            return Optional.empty();
        }
        if (!type.isEnum()) {
            problems.add(name + " is not an enum");
            return Optional.empty();
        }
        Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
        Enum<?>[] byCode = new Enum<?>[lines.size()];
        int[] codeByOrdinal = new int[constants.length];
        Arrays.fill(codeByOrdinal, -1);
        for (String[] line : lines) {
            int code = number(line[0], 0, 255, line[2], problems);
            if (code < 0) {
                continue;
            }
            Enum<?> constant = Arrays.stream(constants).filter(c -> c.name().equals(line[1])).findFirst().orElse(null);
            if (constant == null) {
                problems.add(line[2] + name + " has no constant " + line[1]);
            } else if (code >= byCode.length || byCode[code] != null) {
                problems.add(line[2] + "code " + code + " is reused or leaves a gap");
            } else if (codeByOrdinal[constant.ordinal()] >= 0) {
                problems.add(line[2] + line[1] + " has two codes");
            } else {
                byCode[code] = constant;
                codeByOrdinal[constant.ordinal()] = code;
            }
        }
        for (Enum<?> constant : constants) {
            if (codeByOrdinal[constant.ordinal()] < 0) {
                problems.add(name + "." + constant.name() + " has no code");
            }
        }
        return Optional.of(new EnumCodes(type, codeByOrdinal, byCode));
    }

    private static WireType bindType(String name, int id, int ordinal, List<String[]> lines, ClassLoader loader,
                                     List<WireField> references) throws ReflectiveOperationException {
        Class<?> type = Class.forName(name, false, loader);
        if (!type.isRecord()) {
            throw new IllegalArgumentException("not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        WireField[] fields = new WireField[lines.size()];
        boolean[] covered = new boolean[components.length];
        for (String[] line : lines) {
            int number = Integer.parseInt(line[0]);
            if (number < 0 || number >= fields.length || fields[number] != null) {
                throw new IllegalArgumentException(line[3] + "field number " + number + " is reused or leaves a gap");
            }
            int index = indexOf(components, line[1]);
            if (index < 0) {
                throw new IllegalArgumentException(line[3] + "no component " + line[1]);
            }
            if (covered[index]) {
                throw new IllegalArgumentException(line[3] + "component " + line[1] + " has two fields");
            }
            covered[index] = true;
            RecordComponent component = components[index];
            String kind = kindOf(component.getGenericType());
            if (!kind.equals(line[2])) {
                throw new IllegalArgumentException(line[3] + "component " + line[1] + " is " + kind + " now");
            }
            WireField field = WireField.of(number, line[1], line[2], loader);
            bindField(field, component, index);
            fields[number] = field;
            collect(field, references);
        }
        for (int i = 0; i < components.length; i++) {
            if (!covered[i]) {
                throw new IllegalArgumentException("component " + components[i].getName() + " has no field line");
            }
        }
        if (fields.length > 255) {
            throw new IllegalArgumentException("more than 255 fields");
        }
        int[] fixedPrefix = new int[fields.length + 1];
        for (int i = 0; i < fields.length; i++) {
            WireField field = fields[i];
            if (field.kind().fixed()) {
                field.fixedOffset = fixedPrefix[i];
            }
            fixedPrefix[i + 1] = fixedPrefix[i] + field.kind().width();
        }
        if (fixedPrefix[fields.length] > 0xFFFF) {
            throw new IllegalArgumentException("a fixed block beyond 65535 bytes");
        }
        Constructor<?> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        MethodHandle create = MethodHandles.lookup().unreflectConstructor(constructor)
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        return new WireType(id, type, fields, ordinal, fixedPrefix, create);
    }

    private static void bindField(WireField field, RecordComponent component, int index) throws IllegalAccessException {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        Class<?> raw = component.getType();
        field.primitive = raw.isPrimitive();
        field.argument = index;
        field.interned = field.kind() == WireKind.STRING && WireStrings.INTERNED.contains(field.name());
        field.getter = MethodHandles.lookup().unreflect(accessor)
                .asType(MethodType.methodType(field.primitive ? raw : Object.class, Object.class));
    }

    /** The records a sealed interface permits, recursively. */
    private static List<Class<?>> typedRecords(Class<?> type) {
        List<Class<?>> records = new ArrayList<>();
        if (!type.isSealed()) {
            records.add(type);
        } else {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                records.addAll(typedRecords(permitted));
            }
        }
        return records;
    }

    private static void collect(WireField field, List<WireField> references) {
        references.add(field);
        if (field.element() != null) {
            collect(field.element(), references);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int number(String word, int min, int max, String where, List<String> problems) {
        try {
            int value = Integer.parseInt(word);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where + word + " is not a number from " + min + " to " + max);
        return -1;
    }

    /** The schema kind of a component of (generic) type {@code type}, as a field line writes it. */
    public static String kindOf(Type type) {
        Class<?> raw = raw(type);
        if (raw == long.class || raw == Long.class) {
            return "i64";
        } else if (raw == int.class || raw == Integer.class) {
            return "i32";
        } else if (raw == boolean.class || raw == Boolean.class) {
            return "bool";
        } else if (raw == Units.class) {
            return "units";
        } else if (raw == Money.class) {
            return "money";
        } else if (raw == Price.class) {
            return "price";
        } else if (raw == Multiple.class) {
            return "multiple";
        } else if (raw == String.class) {
            return "string";
        } else if (raw.isEnum()) {
            return "enum:" + raw.getName();
        } else if (raw == List.class && type instanceof ParameterizedType p) {
            return "list:" + kindOf(p.getActualTypeArguments()[0]);
        } else if (raw.isRecord()) {
            return "struct:" + raw.getName();
        } else if (raw.isInterface() && raw.isSealed()) {
            return "typed:" + raw.getName();
        }
        throw new IllegalArgumentException("no wire kind for " + type.getTypeName());
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            default -> throw new IllegalArgumentException("no wire kind for " + type.getTypeName());
        };
    }

    static Class<?> decimalClass(WireKind kind) {
        return switch (kind) {
            case UNITS -> Units.class;
            case MONEY -> Money.class;
            case PRICE -> Price.class;
            case MULTIPLE -> Multiple.class;
            default -> throw new IllegalArgumentException(kind + " is not a decimal");
        };
    }

    /** The type or struct of records of class {@code type}, or null when the schema has none. */
    public WireType typeOf(Class<?> type) {
        return lookup.get(type);
    }

    /** The type of id {@code id}, or null when this build knows none. */
    public WireType type(int id) {
        return id > 0 && id < byId.length ? byId[id] : null;
    }

    /** Every type and struct, in the file's order. */
    public List<WireType> types() {
        return types;
    }

    /** The codes of enum {@code type}, or null when the schema has none. */
    public EnumCodes codes(Class<?> type) {
        return enums.get(type);
    }
}
