package fundexchange.protocol.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link Disclosure} to a value encoded as a map of fields (an event or read model as JSON-like maps), keeping
 * the order of the fields left: a hidden field is removed, a pseudonymised one keeps its place with the pseudonym.
 */
public final class Disclosed {
    private Disclosed() {
    }

    /** A copy of {@code fields} as {@code disclosure} shows it; {@link Disclosure.Withheld} is the caller's to skip. */
    public static Map<String, Object> fields(Map<String, Object> fields, Disclosure disclosure) {
        return switch (disclosure) {
            case Disclosure.Whole whole -> new LinkedHashMap<>(fields);
            case Disclosure.Withheld withheld -> throw new IllegalArgumentException("a withheld value has no fields");
            case Disclosure.Teaser teaser -> {
                Map<String, Object> shown = new LinkedHashMap<>();
                for (String field : teaser.fields()) {
                    if (fields.containsKey(field)) {
                        shown.put(field, fields.get(field));
                    }
                }
                yield shown;
            }
            case Disclosure.Shaped shaped -> {
                Map<String, Object> shown = new LinkedHashMap<>(fields);
                shaped.fields().forEach((field, how) -> apply(shown, field, how));
                yield shown;
            }
        };
    }

    private static void apply(Map<String, Object> shown, String field, Shown how) {
        switch (how) {
            case Shown.Full full -> {
            }
            case Shown.Hidden hidden -> shown.remove(field);
            case Shown.Pseudonym pseudonym -> {
                if (shown.containsKey(field)) {
                    shown.put(field, pseudonym.label());
                }
            }
            case Shown.Fields nested -> {
                if (nested.disclosure() instanceof Disclosure.Withheld) {
                    shown.remove(field);
                } else if (shown.get(field) instanceof Map<?, ?> map) {
                    shown.put(field, fields(object(map), nested.disclosure()));
                }
            }
            case Shown.Rows rows -> {
                if (shown.get(field) instanceof List<?> list) {
                    shown.put(field, rows(list, rows.rows()));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static List<Object> rows(List<?> list, List<Disclosure> decisions) {
        if (list.size() != decisions.size()) {
            throw new IllegalArgumentException("a list of " + list.size() + " rows with " + decisions.size() + " decisions");
        }
        List<Object> shown = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Disclosure row = decisions.get(i);
            if (!(row instanceof Disclosure.Withheld)) {
                shown.add(list.get(i) instanceof Map<?, ?> map ? fields(object(map), row) : list.get(i));
            }
        }
        return shown;
    }
}
