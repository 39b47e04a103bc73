package fundexchange.protocol.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.Term;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who sees which component of a mechanism's own terms (docs/design/mechanism-terms.md §2.6, risk R2): a table of viewer
 * × terms component over every record {@code ListingTerms} and {@code BidTerms} permit, found by reflection, so a new
 * mechanism's record appears in it (and fails it) without anyone remembering to add it.
 */
class TermsDisclosureTest {
    private static final String OWNER = "Holder-01";
    /** The viewers, in table order: the terms' owner (a listing's seller, a bid's bidder), oversight, the market. */
    private static final Map<String, Viewer> VIEWERS = viewers();

    private static Map<String, Viewer> viewers() {
        Map<String, Viewer> viewers = new LinkedHashMap<>();
        viewers.put("owner", Viewer.active(OWNER, Set.of(Role.HOLDER)));
        viewers.put("staff", Viewer.active("Staff-01", Set.of(Role.STAFF)));
        viewers.put("regulator", Viewer.active("Regulator-01", Set.of(Role.REGULATOR)));
        viewers.put("export", Viewer.EXPORT);
        viewers.put("investor", new Viewer("Investor-07", Set.of(Role.INVESTOR), ParticipantStatus.ACTIVE, true));
        viewers.put("seller-of-another", Viewer.active("Holder-02", Set.of(Role.HOLDER)));
        // the gateway builds only ACTIVE viewers; this one shows what the policy answers a suspended staff member
        viewers.put("suspended-staff", new Viewer("Staff-02", Set.of(Role.STAFF), ParticipantStatus.SUSPENDED, false));
        return viewers;
    }

    /**
     * Record.component | what each viewer sees, and for a listing's record the read a mechanism derives from its terms
     * ({@code ListingTerms.readAt}; a bid's terms have none). Today's records: the clock's increment and round length
     * are the clock every bidder follows (market-visible); the round a bid stays in is its bidder's (hidden from the
     * seller and the rival bidders). A new record fails here with its rows.
     */
    private static final String TABLE = """
            ClockListing.increment | owner=shown staff=shown regulator=shown export=shown investor=shown seller-of-another=shown suspended-staff=shown
            ClockListing.roundMs | owner=shown staff=shown regulator=shown export=shown investor=shown seller-of-another=shown suspended-staff=shown
            ClockListing.readAt | owner=shown staff=shown regulator=shown export=shown investor=shown seller-of-another=shown suspended-staff=shown
            ClockBid.round | owner=shown staff=shown regulator=shown export=shown investor=hidden seller-of-another=hidden suspended-staff=hidden
            """;

    /** Every record a sealed terms interface permits, nested sealed interfaces flattened, in permits order. */
    private static List<Class<?>> records() {
        return Stream.of(ListingMechanism.ListingTerms.class, ListingMechanism.BidTerms.class)
                .flatMap(TermsDisclosureTest::permitted).toList();
    }

    private static Stream<Class<?>> permitted(Class<?> sealed) {
        return Stream.of(sealed.getPermittedSubclasses())
                .flatMap(type -> type.isInterface() ? permitted(type) : Stream.of(type));
    }

    @Test
    void eachTermReachesItsOwnerAndOversightAndTheMarketOnlyWhenMarkedVisible() {
        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : records()) {
            boolean allVisible = true;
            for (RecordComponent component : type.getRecordComponents()) {
                Term term = component.getAnnotation(Term.class);
                boolean visible = term != null && term.marketVisible();
                allVisible &= visible;
                List<String> cells = new ArrayList<>();
                VIEWERS.forEach((name, viewer) -> {
                    boolean shown = DisclosurePolicy.terms(viewer, OWNER, type).field(component.getName()) instanceof Shown.Full;
                    cells.add(name + "=" + (shown ? "shown" : "hidden"));
                    if (shown != (viewer.oversight() || viewer.is(OWNER) || visible)) {
                        wrong.add(type.getSimpleName() + "." + component.getName() + " to " + name);
                    }
                });
                rows.add(type.getSimpleName() + "." + component.getName() + " | " + String.join(" ", cells));
            }
            if (!ListingMechanism.ListingTerms.class.isAssignableFrom(type)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Map.Entry<String, Viewer> viewer : VIEWERS.entrySet()) {
                boolean shown = DisclosurePolicy.termsRead(viewer.getValue(), OWNER, type) instanceof Shown.Full;
                cells.add(viewer.getKey() + "=" + (shown ? "shown" : "hidden"));
                if (shown != (viewer.getValue().oversight() || viewer.getValue().is(OWNER) || allVisible)) {
                    wrong.add(type.getSimpleName() + ".readAt to " + viewer.getKey());
                }
            }
            rows.add(type.getSimpleName() + ".readAt | " + String.join(" ", cells));
        }
        assertEquals(List.of(), wrong, "a term is shown to the market only when its @Term says marketVisible");
        assertEquals(TABLE, String.join("\n", rows) + "\n");
    }

    /**
     * Applied to the encoded terms: the type always shows, a component the market may not see is left out, never
     * blanked; what each viewer gets is worked out from the {@code @Term} marks, not from the policy's answer.
     */
    @Test
    void theMarketGetsTheTermsTypeAndItsVisibleComponentsOnly() {
        for (Class<?> type : records()) {
            Map<String, Object> encoded = new LinkedHashMap<>();
            encoded.put("type", type.getSimpleName());
            for (RecordComponent component : type.getRecordComponents()) {
                encoded.put(component.getName(), "value");
            }
            for (Map.Entry<String, Viewer> viewer : VIEWERS.entrySet()) {
                boolean whole = viewer.getValue().oversight() || viewer.getValue().is(OWNER);
                Map<String, Object> expected = new LinkedHashMap<>();
                expected.put("type", type.getSimpleName());
                for (RecordComponent component : type.getRecordComponents()) {
                    Term term = component.getAnnotation(Term.class);
                    if (whole || term != null && term.marketVisible()) {
                        expected.put(component.getName(), "value");
                    }
                }
                Map<String, Object> shown = Disclosed.fields(encoded, DisclosurePolicy.terms(viewer.getValue(), OWNER, type));
                assertEquals(expected, shown, type.getSimpleName() + " to " + viewer.getKey());
            }
        }
    }

    @Test
    void anObjectFieldIsShapedByItsOwnDisclosureAndLeftOutWhenWithheld() {
        Map<String, Object> bid = new LinkedHashMap<>();
        bid.put("bidId", 7L);
        bid.put("terms", Map.of("type", "ClockBid", "round", 3));
        assertEquals(Map.of("bidId", 7L, "terms", Map.of("type", "ClockBid")), Disclosed.fields(bid,
                new Disclosure.Shaped(Map.of("terms", new Shown.Fields(new Disclosure.Shaped(Map.of("round", Shown.HIDDEN)))))));
        assertEquals(Map.of("bidId", 7L), Disclosed.fields(bid,
                new Disclosure.Shaped(Map.of("terms", new Shown.Fields(Disclosure.WITHHELD)))));
        assertEquals(bid, Disclosed.fields(bid, new Disclosure.Shaped(Map.of("terms", new Shown.Fields(Disclosure.WHOLE)))));
    }

    @Test
    void onlyARecordHasTerms() {
        assertThrows(IllegalArgumentException.class,
                () -> DisclosurePolicy.terms(VIEWERS.get("investor"), OWNER, ListingMechanism.ListingTerms.class));
    }
}
