package fundexchange.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ListingMechanism;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code type} of a typed value is its record's simple name ({@link JsonShape#typeName}), so it must name one
 * record across every {@link JsonShape#TYPED} family: the journal's Jackson module registers them all in one mapper,
 * and a mechanism's terms records share it with the commands and events (docs/design/mechanism-terms.md §2.2, R6:
 * {@code ClockListing}, not {@code Listing}).
 */
class JsonShapeTest {
    @Test
    void everyTypedRecordsNameIsUniqueAcrossEveryFamily() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Class<?> typed : JsonShape.TYPED) {
            for (Class<?> record : records(typed)) {
                byName.computeIfAbsent(JsonShape.typeName(record), n -> new ArrayList<>()).add(record.getName());
            }
        }
        Map<String, List<String>> clashes = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), clashes, "two typed records share a type name: name a mechanism's terms <Name>Listing"
                + " and <Name>Bid");
        assertTrue(byName.size() > 190, byName.size() + " typed records");
    }

    @Test
    void theMechanismsTermsAreTypedFamiliesOfTheirOwn() {
        assertEquals(List.of(fundexchange.protocol.command.Command.class, fundexchange.protocol.command.SensitiveAction.class,
                fundexchange.protocol.event.Event.class, ListingMechanism.ListingTerms.class,
                ListingMechanism.BidTerms.class), JsonShape.TYPED);
        assertEquals(ListingMechanism.ListingTerms.class,
                JsonShape.typedInterface(ClockTerms.ClockListing.class).orElseThrow());
        assertEquals(ListingMechanism.BidTerms.class, JsonShape.typedInterface(ClockTerms.ClockBid.class).orElseThrow());
        assertEquals("ClockListing", JsonShape.typeName(ClockTerms.ClockListing.class));
        assertEquals("ClockBid", JsonShape.typeName(ClockTerms.ClockBid.class));
    }

    /**
     * {@code type} names the record in its JSON, so no typed record may have a component of that name: its value would
     * replace the discriminator (the client's {@code TypedJson} writes {@code type} first, then the components), and a
     * terms record's {@code type}, which always shows, would be a term the disclosure policy cannot hide.
     */
    @Test
    void noTypedRecordHasAComponentNamedType() {
        List<String> named = new ArrayList<>();
        for (Class<?> typed : JsonShape.TYPED) {
            for (Class<?> record : records(typed)) {
                for (java.lang.reflect.RecordComponent component : record.getRecordComponents()) {
                    if (component.getName().equals("type")) {
                        named.add(record.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), named, "a typed record's component is named type, which names the record in its JSON");
    }

    @Test
    void everyTypedFamilyIsASealedInterfaceOfRecords() {
        for (Class<?> typed : JsonShape.TYPED) {
            assertTrue(typed.isInterface() && typed.isSealed(), typed.getName());
            assertTrue(!records(typed).isEmpty(), typed.getName());
        }
    }

    private static List<Class<?>> records(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                records.addAll(records(permitted));
            } else {
                records.add(permitted);
            }
        }
        return records;
    }
}
