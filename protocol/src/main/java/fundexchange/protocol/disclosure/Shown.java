package fundexchange.protocol.disclosure;

import java.util.List;

/** What a viewer sees of one field (CONTRACTS.md 12). */
public sealed interface Shown {
    Shown FULL = new Full();
    Shown HIDDEN = new Hidden();

    /** The value as recorded. */
    record Full() implements Shown {
    }

    /** Absent: the field is left out, not blanked. */
    record Hidden() implements Shown {
    }

    /** A participant replaced by its pseudonym ({@code P<n>}, its ordinal within the listing or offer). */
    record Pseudonym(String label) implements Shown {
        public static Pseudonym of(int ordinal) {
            return new Pseudonym("P" + ordinal);
        }
    }

    /**
     * An object field (a mechanism's own terms), its fields as {@code disclosure} shows them ({@link Disclosure.Withheld}
     * leaves the field out).
     */
    record Fields(Disclosure disclosure) implements Shown {
    }

    /** A list field, each element as its own {@link Disclosure} ({@link Disclosure.Withheld} leaves it out). */
    record Rows(List<Disclosure> rows) implements Shown {
        public Rows {
            rows = List.copyOf(rows);
        }
    }
}
