package fundexchange.protocol.command.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.listing.Term;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A record component's {@link Term} is its field's grammar in the body schema, which the gateway's strict body check
 * ({@code BodyRules}) and the OpenAPI check ({@code OpenApiCommandSpecTest}) both read; a nested sealed interface's
 * records are variants of the choice in their own right (docs/design/mechanism-terms.md, §2.3).
 */
class TermGrammarTest {
    private static final String ROUND = "^R[0-9]+$";

    /** A made-up mechanism's terms: one record, and a family of two under a sealed interface of its own. */
    sealed interface Terms permits ClockListing, Bids {
    }

    record ClockListing(Price increment, @Term(optional = true) Long roundMs) implements Terms {
    }

    sealed interface Bids extends Terms permits StayBid, ExitBid {
    }

    record StayBid(@Term(pattern = ROUND) String round, @Term(optional = true) Units units) implements Bids {
    }

    record ExitBid(@Term(pattern = ROUND) List<String> rounds, boolean all) implements Bids {
    }

    record Body(String fundCode, Terms terms) {
    }

    @Test
    void aTermsGrammarAndANestedFamilysRecordsReachTheBodySchema() {
        FieldKind terms = new FieldKind.OneOf(List.of(
                new BodySchema("ClockListing", List.of(
                        new BodyField("increment", new FieldKind.Decimal(4), true, true),
                        new BodyField("roundMs", new FieldKind.Whole(false), false, true))),
                new BodySchema("StayBid", List.of(
                        new BodyField("round", new FieldKind.Text(Optional.of(ROUND)), true, true),
                        new BodyField("units", new FieldKind.Decimal(2), false, true))),
                new BodySchema("ExitBid", List.of(
                        new BodyField("rounds", new FieldKind.ListOf(new FieldKind.Text(Optional.of(ROUND))),
                                true, true),
                        new BodyField("all", new FieldKind.Flag(), true, false)))));
        assertEquals(new BodySchema("Body", List.of(
                        new BodyField("fundCode", new FieldKind.Text(Optional.empty()), true, true),
                        new BodyField("terms", terms, true, true))),
                BodySchemas.of(Body.class, Set.of()));
    }

    @Test
    void theReleasedMechanismsFrozenFieldsAreOptionalByTheirTermAndInNoTable() {
        Map<String, Set<String>> terms = new TreeMap<>();
        Map<String, Set<String>> optional = new TreeMap<>();
        for (Class<?> type : List.of(ListAuction.class, PlaceBid.class)) {
            terms.put(type.getSimpleName(), Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.isAnnotationPresent(Term.class)).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new)));
            BodySchema body = CommandSpecs.endpoint(type.asSubclass(Command.class)).body();
            optional.put(type.getSimpleName(), terms.get(type.getSimpleName()).stream()
                    .filter(name -> !body.field(name).orElseThrow().required())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        // None of them is in FieldGrammar's table too: loading CommandSpecs (above) refuses a field said in both.
        Map<String, Set<String>> expected = Map.of(
                "ListAuction", Set.of("extensionMs", "extensionWindowMs", "minIncrement", "reservePrice", "secondPrice",
                        "stepMs"),
                "PlaceBid", Set.of("units"));
        assertEquals(expected, terms);
        assertEquals(expected, optional);
    }

    /** Named as a command the table speaks for, so its nonce's pattern would be said twice. */
    record PlaceSealedBid(@Term(pattern = "^[0-9a-f]{64}$") String nonce) {
    }

    /** Named as a command the table speaks for, so its deposit's optionality would be said twice. */
    record ListNegotiated(@Term(optional = true) Money depositAmount) {
    }

    record PatternOnANumber(@Term(pattern = ROUND) long round) {
    }

    static final class Clock {
        record Listing(long roundMs) implements Clash {
        }
    }

    static final class Batch {
        record Listing(long units) implements Clash {
        }
    }

    sealed interface Clash permits Clock.Listing, Batch.Listing {
    }

    record Clashing(Clash terms) {
    }

    private static String refusal(Class<?> record) {
        return assertThrows(IllegalStateException.class, () -> BodySchemas.of(record, Set.of())).getMessage();
    }

    @Test
    void aGrammarSaidTwiceAPatternOnANumberAndTwoVariantsOfOneNameAreRefused() {
        assertEquals("PlaceSealedBid.nonce has a @Term and an entry in FieldGrammar: say its grammar in one place",
                refusal(PlaceSealedBid.class));
        assertEquals("ListNegotiated.depositAmount has a @Term and an entry in FieldGrammar: say its grammar in one"
                + " place", refusal(ListNegotiated.class));
        assertEquals("a text pattern on long at PatternOnANumber.round", refusal(PatternOnANumber.class));
        assertEquals("two variants of one type name at Clashing.terms", refusal(Clashing.class));
    }
}
