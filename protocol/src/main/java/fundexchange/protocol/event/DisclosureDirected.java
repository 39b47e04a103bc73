package fundexchange.protocol.event;

import java.util.List;

/** The investors who may see a listing's data room, in id order; empty: every investor. */
public record DisclosureDirected(long listingId, String holder, List<String> investors) implements DocumentEvent {
    public DisclosureDirected {
        investors = List.copyOf(investors);
    }
}
