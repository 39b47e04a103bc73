package fundexchange.ops.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exchange bench}: benchmarks, each a separate command (never timed unit tests). */
@Command(name = "bench", description = "Benchmarks; see docs/performance.md.", mixinStandardHelpOptions = true,
        subcommands = {AuditQueryBench.class, GatewayLoadBench.class, EngineE2eBench.class, EngineReplayBench.class,
                EngineBookBench.class, IntentMatchBench.class, ProjectorBench.class, PortalBench.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
