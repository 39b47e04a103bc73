package fundexchange.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code bench/run}: the benchmarks, each a separate command (never timed unit tests), outside the product: the
 * {@code exchange} launcher and the {@code ops} module know nothing of them. The scripts {@code bench/<name>.sh} fix
 * each one's sizes; see docs/performance.md.
 */
@Command(name = "bench", description = "Benchmarks; see docs/performance.md.", mixinStandardHelpOptions = true,
        subcommands = {AuditQueryBench.class, GatewayLoadBench.class, EngineE2eBench.class, EngineReplayBench.class,
                EngineBookBench.class, EngineSnapshotBench.class, IntentMatchBench.class, ProjectorBench.class, PortalBench.class,
                CertificateRenderBench.class, MarketDataBench.class})
public final class BenchCommand implements Runnable {
    /** As {@code exchange --verbose}: the libraries' log records on the terminal too. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also show the libraries' log records on the terminal (standard error)")
    boolean verbose;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The CLI: a failure is one line (exit code 1); logging as the exchange's own commands have it. */
    static CommandLine commandLine() {
        return fundexchange.ops.ExchangeCommand.cli(new BenchCommand());
    }

    /** Runs one benchmark. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
