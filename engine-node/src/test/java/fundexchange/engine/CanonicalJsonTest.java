package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.JsonShape;
import fundexchange.protocol.RecordSamples;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.protocol.reference.Role;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's {@link CanonicalJson} writes exactly the journal codec's bytes, so every state hash (and every snapshot
 * on disk, which carries one) stays what it was when the hash was taken over {@code JournalCodec.write}: the state,
 * every journal record, document and snapshot of every golden scenario and of the seeded intent market, a sample of
 * every record the protocol and the state hold, and edge values.
 */
class CanonicalJsonTest {
    private static final String NONCE = "7c".repeat(32);

    @Test
    void everyGoldenScenarioStepWritesTheCodecsBytesAndHashesAsBefore() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(System.getProperty("golden.dir")))) {
            files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 12, "golden scenarios found: " + files);
        int states = 0;
        for (Path file : files) {
            GoldenScenario scenario = GoldenScenario.read(file);
            List<GoldenScenario> chain = new ArrayList<>(scenario.preludes());
            chain.add(scenario);
            GoldenRun run = new GoldenRun(chain.getFirst().start());
            for (GoldenScenario part : chain) {
                for (GoldenStep step : part.steps()) {
                    run.apply(step);
                }
            }
            for (int i = 0; i < run.journal.size(); i++) {
                String where = scenario.name() + " index " + (i + 1);
                same(run.journal.get(i), where + " record");
                same(run.documents.get(i), where + " document");
                same(run.snapshots.get(i), where + " snapshot");
                sameState(Engine.restore(run.snapshots.get(i)), where + " state");
                states++;
            }
            sameState(run.engine, scenario.name() + " end state");
        }
        assertTrue(states > 300, states + " states compared");
    }

    @Test
    void theSeededIntentMarketWritesTheCodecsBytesThroughout() {
        Scenario s = IntentReplayTest.randomMarket().market().s;
        Engine replay = new Engine();
        for (int i = 0; i < s.journal.size(); i++) {
            CommandRecord record = s.journal.get(i);
            same(record, "record " + (i + 1));
            same(record.command(), "command " + (i + 1));
            same(replay.apply(record), "document " + (i + 1));
            if (i % 25 == 0) {
                sameState(replay, "state at " + (i + 1));
                same(replay.snapshot(), "snapshot at " + (i + 1));
            }
        }
        sameState(s.engine, "end state");
        same(s.engine.snapshot(), "end snapshot");
    }

    @Test
    void aSampleOfEveryRecordOfTheProtocolAndTheStateWritesTheCodecsBytes() {
        Set<Class<?>> records = reachableRecords();
        assertTrue(records.size() > 150, records.size() + " records");
        List<String> unbuilt = new ArrayList<>();
        for (Class<?> type : records) {
            Object sample;
            try {
                sample = RecordSamples.sample(type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unbuilt.add(type.getSimpleName() + " (" + e + ")");
                continue;
            }
            same(sample, type.getName());
            if (JsonShape.typedInterface(type).isPresent()) {
                same(List.of(sample), type.getName() + " in an untyped list");
            }
        }
        assertTrue(unbuilt.size() * 10 < records.size(), "samples that could not be built: " + unbuilt);
    }

    @Test
    void jacksonWritesTheSamePropertiesOfEveryRecordAndOnlyPositionHasOneBeyondItsComponents() {
        List<String> beyond = new ArrayList<>();
        for (Class<?> type : reachableRecords()) {
            if (JsonShape.DECIMALS.contains(type)) {
                continue;
            }
            List<String> properties = JournalCodec.mapper().getSerializationConfig()
                    .introspect(JournalCodec.mapper().constructType(type)).findProperties().stream()
                    .filter(BeanPropertyDefinition::couldSerialize).map(BeanPropertyDefinition::getName).sorted().toList();
            List<String> canonical = CanonicalJson.propertyNames(type.asSubclass(Record.class));
            assertEquals(properties, canonical.stream().sorted().toList(), type.getName());
            List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).sorted().toList();
            canonical.stream().filter(name -> !components.contains(name)).forEach(name -> beyond.add(type.getSimpleName() + "." + name));
        }
        // Position.isEmpty() is a bean getter to Jackson, so "empty" has always been in state hashes and snapshots.
        assertEquals(List.of("Position.empty"), beyond);
    }

    @Test
    void edgeValuesWriteTheCodecsBytes() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        List<String> strings = List.of("", "plain", "quote \" backslash \\ slash / del \u007f", controls.toString(),
                "line\u2028para\u2029bom\ufeff max\uffff", "中文基金 份额", "emoji \ud83d\ude00 pair", "lone high \ud800",
                "lone low \udc00", "reversed \ude00\ud83d", "\u0080\u00e9\u07ff\u0800");
        strings.forEach(text -> same(text, "string " + text));
        same(Map.of("key \" \\ \n \ud800", strings), "escaped map key");
        List<Object> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, Integer.MIN_VALUE,
                (short) -7, (byte) 3, true, false, 'x', new BigInteger("123456789012345678901234567890"),
                new BigDecimal("1E+3"), new BigDecimal("-0.00"), new byte[] {1, 2, 3, (byte) 250}, new byte[0],
                new Money(Long.MIN_VALUE), new Money(Long.MAX_VALUE), Money.ZERO, new Money(-5), new Units(1),
                new Price(-1), new Price(Long.MAX_VALUE), new Multiple(12_345), Role.STAFF, List.of(), Map.of(),
                new TreeSet<>(List.of("b", "a")), PlatformParameters.DEFAULTS));
        values.add(Arrays.asList(1L, null, "x", null));
        values.forEach(value -> same(value, String.valueOf(value)));
        same(null, "null");

        Map<Object, Object> unsorted = new HashMap<>();
        unsorted.put(100L, "c");
        unsorted.put(9L, "a");
        unsorted.put(10L, null);
        unsorted.put(11L, List.of(new Tick()));
        same(unsorted, "unsorted long keys, a null value, an untyped command");
        Map<String, Object> reversed = new TreeMap<>(Comparator.<String>reverseOrder());
        reversed.putAll(Map.of("a", 1, "b", 2, "c", Map.of(2026, List.of("2026-01-01")), "d", Money.ZERO));
        same(reversed, "a sorted map's own order");
        Map<Role, String> roles = new HashMap<>(Map.of(Role.STAFF, "s", Role.HOLDER, "h", Role.REGULATOR, "r"));
        same(roles, "enum keys");
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("z", 1L);
        sections.put("exchangeKey", null);
        sections.put("a", new FreezeUnits("F1", "Holder-01", new Units(100), "court", "case 1", "ab"));
        same(sections, "insertion-ordered sections with a null and an untyped action");

        for (Price price : List.of(new Price(12_500), new Price(-12_345), new Price(Long.MAX_VALUE), new Price(Long.MIN_VALUE))) {
            same(new PlaceSealedBid(35, price, NONCE), "sealed bid at " + price);
            same(new AmendSealedBid(36, price, null), "amended sealed bid at " + price);
            SealedBidPlaced placed = new SealedBidPlaced(35, 37, "Investor-07", 1, price, NONCE, "c0");
            same(placed, "placed at " + price);
            same(placed.sealed(), "withheld at " + price);
            same(new EventDocument(EventDocument.VERSION, 7, 1_000, "Investor-07", "r-1",
                    fundexchange.protocol.Outcome.ACCEPTED, List.of(placed, placed.sealed())), "document at " + price);
        }
        FreezeUnits action = new FreezeUnits("F1", "Holder-01", new Units(100), "court", null, null);
        same(new ProposalCreated(4, "Staff-01", action, null), "proposal without expiry");
        same(new ProposalCreated(4, "Staff-01", action, 9_000L), "proposal with expiry");
        same(new Propose(action), "a typed action in a typed command");
        same(CommandRecord.unsigned(1, 2, new Propose(action)), "a command record");
    }

    @Test
    void floatingPointAndUnknownClassesHaveNoCanonicalForm() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.5d));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(List.of(1.5f)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
    }

    /** The canonical bytes equal the codec's, and the state hash is the SHA-256 of the codec's bytes of the sections. */
    private static void sameState(Engine engine, String where) {
        Map<String, Object> sections = StateHash.sections(engine.state());
        byte[] codec = same(sections, where);
        try {
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(codec)), engine.stateHash(), where);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] same(Object value, String where) {
        byte[] codec = JournalCodec.write(value);
        byte[] canonical = CanonicalJson.write(value);
        assertEquals(new String(codec, StandardCharsets.UTF_8), new String(canonical, StandardCharsets.UTF_8), where);
        assertArrayEquals(codec, canonical, where);
        return codec;
    }

    /** Every record the protocol's typed interfaces, the journal records, the snapshot and the state sections reach. */
    private static Set<Class<?>> reachableRecords() {
        Set<Class<?>> found = new LinkedHashSet<>();
        List<Class<?>> roots = new ArrayList<>(JsonShape.TYPED);
        roots.addAll(List.of(CommandRecord.class, EventDocument.class, EngineSnapshot.class, ExchangeState.ExchangeKey.class,
                ExchangeState.Proposal.class));
        roots.forEach(root -> RecordSamples.reach(root, found));
        assertFalse(found.isEmpty());
        return found;
    }
}
