package fundexchange.engine;

import fundexchange.protocol.CommandRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The command journal a golden scenario (with its preludes, under its rules version) makes, for tests outside this package. */
public final class GoldenJournal {
    private GoldenJournal() {
    }

    /** The records of scenario {@code name} in {@code -Dgolden.dir} (set by this module's build), index 1 first. */
    public static List<CommandRecord> records(String name) throws IOException {
        GoldenScenario scenario = GoldenScenario.read(Path.of(System.getProperty("golden.dir"), name));
        List<GoldenScenario> preludes = scenario.preludes();
        GoldenRun run = new GoldenRun((preludes.isEmpty() ? scenario : preludes.getFirst()).start());
        for (GoldenScenario prelude : preludes) {
            for (GoldenStep step : prelude.steps()) {
                run.apply(scenario.rulesVersion().map(step::underRulesVersion).orElse(step));
            }
        }
        scenario.steps().forEach(run::apply);
        return List.copyOf(run.journal);
    }
}
