package fundexchange.registry.projector;

import fundexchange.journal.JournalCodec;
import java.nio.charset.StandardCharsets;

/**
 * A mechanism's own terms ({@code ListingSubmitted.terms}, {@code BidPlaced.terms}) as the registry's JSONB columns
 * hold them (V33): the journal codec's JSON of the record, its {@code type} naming it, so the projection knows no
 * mechanism. Null stays null (SQL NULL).
 */
final class TermsJson {
    private TermsJson() {
    }

    /** The JSON text of {@code terms}, a bind value for a JSONB column, or null. */
    static String of(Object terms) {
        return terms == null ? null : new String(JournalCodec.write(terms), StandardCharsets.UTF_8);
    }
}
