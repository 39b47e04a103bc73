package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden scenario in the engine core's {@code matching-engine/src/test/resources/golden} (the format is in
 * the README there; this module's build passes the directory as {@code golden.dir}, since reading a scenario takes the
 * journal codec). Each file is
 * a container of dynamic tests: its prelude, then each step (the engine's event document compared with the expected
 * one as a JSON tree, and the {@link Invariants} checked), then a replay of the journal into a fresh engine and a
 * snapshot restore after every step.
 *
 * <p>Any difference fails. When behaviour changes on purpose, {@code -Dgolden.update=true} rewrites every step's
 * {@code expect} from what the engine does now (in the source tree, see {@link #directory()}); review the diff.
 */
class GoldenScenarioTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String HOW_TO_UPDATE = "if this change is intended, rerun with -Dgolden.update=true and review the"
            + " diff of the golden files";

    /** What a step does with its expected document. */
    private enum Mode { COMPARE, RECORD, IGNORE }

    @TestFactory
    List<DynamicNode> everyGoldenScenario() throws IOException, URISyntaxException {
        Path directory = directory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden scenarios in " + directory);
        return files.stream().map(GoldenScenarioTest::scenario).toList();
    }

    private static DynamicNode scenario(Path file) {
        GoldenScenario scenario;
        List<GoldenScenario> preludes;
        try {
            scenario = GoldenScenario.read(file);
            preludes = scenario.preludes();
        } catch (IOException | RuntimeException e) {
            return dynamicTest(file.getFileName() + " is a readable scenario", () -> fail(e.getMessage(), e));
        }
        GoldenRun run = new GoldenRun((preludes.isEmpty() ? scenario : preludes.getFirst()).start());
        List<DynamicTest> tests = new ArrayList<>();
        if (!preludes.isEmpty()) {
            List<String> names = preludes.stream().map(GoldenScenario::name).toList();
            tests.add(dynamicTest("prelude " + String.join(", ", names), () -> {
                for (GoldenScenario prelude : preludes) {
                    for (GoldenStep step : prelude.steps()) {
                        Optional<Integer> version = scenario.rulesVersion();
                        step(run, version.map(v -> step.underRulesVersion(v)).orElse(step),
                                UPDATE || version.isPresent() ? Mode.IGNORE : Mode.COMPARE);
                    }
                }
            }));
        }
        for (GoldenStep step : scenario.steps()) {
            tests.add(dynamicTest(step.label(), () -> step(run, step, UPDATE ? Mode.RECORD : Mode.COMPARE)));
        }
        tests.add(dynamicTest("replaying the journal gives the same documents and state hash", () -> replay(run)));
        tests.add(dynamicTest("a snapshot after each step restores to its state hash and replays the rest alike",
                () -> snapshots(run)));
        if (UPDATE) {
            tests.add(dynamicTest("rewrite " + scenario.name(), () -> {
                assumeFalse(run.broken(), "a step threw; the file is left as it was");
                scenario.write();
            }));
        }
        return dynamicContainer(scenario.name(), file.toUri(), tests.stream());
    }

    private static void step(GoldenRun run, GoldenStep step, Mode mode) {
        assumeFalse(run.broken(), "an earlier step threw");
        JsonNode actual = run.apply(step);
        String where = step.file() + " " + step.label() + " [index " + run.journal.size() + "]";
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> expected = step.expected();
        if (mode == Mode.RECORD) {
            step.expect(actual);
        } else if (mode == Mode.COMPARE && expected.isEmpty()) {
            problems.add("has no 'expect'; run with -Dgolden.update=true to record it. The engine wrote:\n    "
                    + GoldenJson.oneLine(actual));
        } else if (mode == Mode.COMPARE) {
            List<String> differences = JsonDiff.between(expected.get(), actual);
            if (!differences.isEmpty()) {
                problems.add("differs from its golden document (" + HOW_TO_UPDATE + "):\n    "
                        + String.join("\n    ", differences)
                        + "\n  expected: " + GoldenJson.oneLine(expected.get())
                        + "\n  actual:   " + GoldenJson.oneLine(actual));
            }
        }
        try {
            run.checkInvariants();
        } catch (AssertionError e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            fail(where + " " + String.join("\n", problems));
        }
    }

    /** Replays the journal, as decoded from its JSON, into a fresh engine. */
    private static void replay(GoldenRun run) {
        assumeFalse(run.broken(), "a step threw");
        Engine replica = new Engine();
        for (int i = 0; i < run.journal.size(); i++) {
            CommandRecord decoded = JournalCodec.readCommand(JournalCodec.write(run.journal.get(i)));
            assertEquals(run.documents.get(i), replica.apply(decoded), "document of index " + (i + 1) + " on replay");
        }
        assertEquals(run.engine.stateHash(), replica.stateHash(), "state hash after replay");
    }

    /** Restores the snapshot taken after each step (as written and read back) and replays the rest of the journal. */
    private static void snapshots(GoldenRun run) {
        assumeFalse(run.broken(), "a step threw");
        for (int cut = 0; cut < run.snapshots.size(); cut++) {
            EngineSnapshot snapshot = run.snapshots.get(cut);
            assertEquals(snapshot.stateHash(), Engine.restore(snapshot).stateHash(), "restored state hash at index " + (cut + 1));
            EngineSnapshot decoded = JournalCodec.read(JournalCodec.write(snapshot), EngineSnapshot.class);
            // Repeats after the cut are confirmed against the run's journal, as the runner confirms them against Chronicle.
            Engine restored = Engine.restore(decoded, run.engine.applied().orElseThrow(), new RequestMemoryKey(cut, -cut));
            assertEquals(snapshot.stateHash(), restored.stateHash(), "state hash at index " + (cut + 1) + " restored from JSON");
            Invariants.startingFrom(decoded).check(restored);
            for (int i = cut + 1; i < run.journal.size(); i++) {
                int index = i + 1;
                assertEquals(run.documents.get(i), restored.apply(run.journal.get(i)),
                        () -> "document of index " + index + " after restoring the snapshot at index " + snapshot.lastIndex());
            }
            assertEquals(run.engine.stateHash(), restored.stateHash(), "final state hash after restoring at index " + (cut + 1));
        }
    }

    /**
     * Where the scenarios are: {@code -Dgolden.dir} if given; else, when updating, the source directory
     * {@code src/test/resources/golden} relative to the working directory (Maven runs tests in the module directory);
     * else the copy on the test class path.
     */
    private static Path directory() throws URISyntaxException {
        String configured = System.getProperty("golden.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        if (UPDATE) {
            Path source = Path.of("src", "test", "resources", "golden");
            if (!Files.isDirectory(source)) {
                throw new IllegalStateException("-Dgolden.update=true rewrites " + source.toAbsolutePath()
                        + ", which does not exist: run in the matching-engine module or set -Dgolden.dir");
            }
            return source;
        }
        URL url = GoldenScenarioTest.class.getResource("/golden");
        assertNotNull(url, "no golden directory on the test class path");
        return Path.of(url.toURI());
    }
}
