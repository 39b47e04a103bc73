package fundexchange.protocol.wire;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a schema file must hold for a set of record classes, derived by reflection: the type ids of the records a
 * sealed interface permits (recursively, in {@code permits} order, each interface in its own range of ids), the
 * structs and enums their components reach, every component's field and every constant's code. {@link #missing}
 * gives the lines to append to an existing file; it never renumbers what the file already says.
 */
record SchemaDerivation(List<Range> ranges, List<Class<?>> structRoots, List<Class<?>> enumRoots) {

    /** The ids a typed interface's records take. */
    record Range(Class<?> typed, int first, int last) {
        boolean contains(int id) {
            return id >= first && id <= last;
        }
    }

    /** The typed records, in derivation order, with the range each belongs to. */
    Map<Class<?>, Range> typedRecords() {
        Map<Class<?>, Range> typed = new java.util.LinkedHashMap<>();
        for (Range range : ranges) {
            permitted(range.typed(), range, typed);
        }
        return typed;
    }

    private static void permitted(Class<?> type, Range range, Map<Class<?>, Range> typed) {
        if (type.isRecord()) {
            typed.putIfAbsent(type, range);
        } else if (type.isSealed()) {
            Arrays.stream(type.getPermittedSubclasses()).forEach(sub -> permitted(sub, range, typed));
        }
    }

    /** The lines to append to {@code existing} so that it describes every record, component and constant. */
    List<String> missing(List<String> existing) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> fieldCounts = new HashMap<>();
        Set<String> fields = new HashSet<>();
        Map<String, Integer> codeCounts = new HashMap<>();
        Set<String> constants = new HashSet<>();
        for (String line : existing) {
            String[] w = line.strip().split("\\s+");
            switch (w[0]) {
                case "type" -> ids.put(w[2], Integer.parseInt(w[1]));
                case "struct" -> ids.put(w[1], 0);
                case "field" -> {
                    fields.add(w[1] + " " + w[3]);
                    fieldCounts.merge(w[1], 1, Integer::sum);
                }
                case "enum" -> {
                    constants.add(w[1] + " " + w[3]);
                    codeCounts.merge(w[1], 1, Integer::sum);
                }
                default -> {
                }
            }
        }
        Map<Class<?>, Range> typed = typedRecords();
        LinkedHashSet<Class<?>> records = new LinkedHashSet<>(typed.keySet());
        LinkedHashSet<Class<?>> enums = new LinkedHashSet<>(enumRoots);
        List<Class<?>> queue = new ArrayList<>(typed.keySet());
        queue.addAll(structRoots);
        records.addAll(structRoots);
        for (int i = 0; i < queue.size(); i++) {
            for (RecordComponent component : queue.get(i).getRecordComponents()) {
                reach(WireSchema.kindOf(component.getGenericType()), typed, records, enums, queue);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Class<?> record : records) {
            String name = record.getName();
            if (!ids.containsKey(name)) {
                Range range = typed.get(record);
                if (range == null) {
                    lines.add("struct " + name);
                    ids.put(name, 0);
                } else {
                    int id = ids.values().stream().filter(range::contains).mapToInt(Integer::intValue).max().orElse(range.first() - 1) + 1;
                    if (!range.contains(id)) {
                        throw new IllegalStateException("no free type id left in " + range);
                    }
                    lines.add("type " + id + " " + name);
                    ids.put(name, id);
                }
            }
            for (RecordComponent component : record.getRecordComponents()) {
                if (!fields.contains(name + " " + component.getName())) {
                    int number = fieldCounts.merge(name, 1, Integer::sum) - 1;
                    lines.add("field " + name + " " + number + " " + component.getName() + " " + WireSchema.kindOf(component.getGenericType()));
                }
            }
        }
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                String constantName = ((Enum<?>) constant).name();
                if (!constants.contains(type.getName() + " " + constantName)) {
                    int code = codeCounts.merge(type.getName(), 1, Integer::sum) - 1;
                    lines.add("enum " + type.getName() + " " + code + " " + constantName);
                }
            }
        }
        return lines;
    }

    private static void reach(String kind, Map<Class<?>, Range> typed, Set<Class<?>> records, Set<Class<?>> enums, List<Class<?>> queue) {
        int colon = kind.indexOf(':');
        if (colon < 0) {
            return;
        }
        String word = kind.substring(0, colon);
        String rest = kind.substring(colon + 1);
        if (word.equals("list")) {
            reach(rest, typed, records, enums, queue);
            return;
        }
        Class<?> type;
        try {
            type = Class.forName(rest);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (word.equals("enum")) {
            enums.add(type);
        } else if (word.equals("struct") && records.add(type)) {
            queue.add(type);
        } else if (word.equals("typed")) {
            // A typed field's records need type ids: each must lie in a range (and so is already derived).
            Map<Class<?>, Range> permitted = new java.util.LinkedHashMap<>();
            permitted(type, new Range(type, 0, 0), permitted);
            for (Class<?> record : permitted.keySet()) {
                if (!typed.containsKey(record)) {
                    throw new IllegalStateException("typed field of " + type.getName() + " may hold " + record.getName()
                            + ", which lies in no range: add one for it");
                }
            }
        }
    }
}
