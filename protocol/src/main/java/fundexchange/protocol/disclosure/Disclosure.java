package fundexchange.protocol.disclosure;

import java.util.List;
import java.util.Map;

/**
 * What a viewer sees of one event or read model, as decided by {@link DisclosurePolicy}: nothing, all of it, its
 * teaser, or field by field. Fields a {@link Shaped} does not name are shown in full.
 */
public sealed interface Disclosure {
    Disclosure WHOLE = new Whole();
    Disclosure WITHHELD = new Withheld();

    /** What this disclosure shows of {@code field}. */
    Shown field(String field);

    /** Every field as recorded. */
    record Whole() implements Disclosure {
        @Override
        public Shown field(String field) {
            return Shown.FULL;
        }
    }

    /** Not shown at all: the viewer does not learn that it exists. */
    record Withheld() implements Disclosure {
        @Override
        public Shown field(String field) {
            return Shown.HIDDEN;
        }
    }

    /** Only the named fields, in this order (an offer's teaser); the others are hidden. */
    record Teaser(List<String> fields) implements Disclosure {
        public Teaser {
            fields = List.copyOf(fields);
        }

        @Override
        public Shown field(String field) {
            return fields.contains(field) ? Shown.FULL : Shown.HIDDEN;
        }
    }

    /** Field by field: the named fields as said, every other field in full. */
    record Shaped(Map<String, Shown> fields) implements Disclosure {
        public Shaped {
            fields = Map.copyOf(fields);
        }

        @Override
        public Shown field(String field) {
            return fields.getOrDefault(field, Shown.FULL);
        }
    }
}
