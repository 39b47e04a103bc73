package fundexchange.protocol.disclosure;

import fundexchange.protocol.listing.Term;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The terms half of {@link DisclosurePolicy} (docs/design/mechanism-terms.md §2.6): a mechanism's own terms record is
 * whole for oversight and its owner; the market sees a component only if its {@link Term} says {@code marketVisible}.
 */
final class TermsDisclosure {
    /** Per terms record, its components the market does not see (hidden), found once by reflection. */
    private static final ClassValue<Disclosure> TO_MARKET = new ClassValue<>() {
        @Override
        protected Disclosure computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is no terms record");
            }
            Map<String, Shown> hidden = Arrays.stream(type.getRecordComponents())
                    .filter(component -> !marketVisible(component))
                    .collect(Collectors.toMap(RecordComponent::getName, component -> Shown.HIDDEN));
            return hidden.isEmpty() ? Disclosure.WHOLE : new Disclosure.Shaped(hidden);
        }
    };

    private TermsDisclosure() {
    }

    static Disclosure of(Viewer viewer, String owner, Class<?> type) {
        Disclosure toMarket = TO_MARKET.get(type);
        return viewer.oversight() || viewer.is(owner) ? Disclosure.WHOLE : toMarket;
    }

    static Shown read(Viewer viewer, String owner, Class<?> type) {
        return of(viewer, owner, type) instanceof Disclosure.Whole ? Shown.FULL : Shown.HIDDEN;
    }

    /** An event's {@code terms} field holding {@code terms} (null: none), for an event's {@link Disclosure.Shaped}. */
    static Shown field(Viewer viewer, String owner, Object terms) {
        if (terms == null) {
            return Shown.FULL;
        }
        Disclosure shown = of(viewer, owner, terms.getClass());
        return shown instanceof Disclosure.Whole ? Shown.FULL : new Shown.Fields(shown);
    }

    private static boolean marketVisible(RecordComponent component) {
        Term term = component.getAnnotation(Term.class);
        return term != null && term.marketVisible();
    }
}
