package fundexchange.ops.audit;

import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.AuditBundleWriter;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.journal.chronicle.Journals;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exchange audit}: export an audit bundle from the journals, and verify one offline (docs/audit.md). */
@Command(name = "audit", description = "Audit bundles: export from the journals, verify offline.",
        subcommands = {AuditCommand.Export.class, AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
    /** Exit code for a bad argument, as picocli uses for its own usage errors. */
    static final int USAGE_ERROR = 2;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code exchange audit export --data-dir D --out FILE [--to-index N]}; sealed bids whose listing has not closed by
     * N are withheld ({@link fundexchange.audit.bundle.SealedBidWithholding}).
     */
    @Command(name = "export", description = "Writes indices 1..N of the journals, with digests and links, as one JSON Lines file"
            + " (sealed bids withheld until their listing closes).")
    public static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data-dir", required = true, description = "the exchange's data directory (only its journals are read)")
        Path dataDirectory;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the bundle to write (replaced if present)")
        Path out;
        @Option(names = "--to-index", paramLabel = "N", description = "last index to export (default: the last index in both journals)")
        Long toIndex;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dataDirectory.resolve("journal").resolve("commands"))
                    || !Files.isDirectory(dataDirectory.resolve("journal").resolve("events"))) {
                err.println("error: " + dataDirectory + " holds no command and event journals");
                return USAGE_ERROR;
            }
            fundexchange.ops.ConsoleLogging.toDataDirectory(dataDirectory, "audit");
            AuditBundleWriter.Exported exported;
            try (Journals journals = Journals.open(dataDirectory)) {
                long last = toIndex != null ? toIndex : AuditBundleWriter.lastCompleteIndex(journals);
                exported = fundexchange.ops.Step.run("building the audit bundle / 生成审计包",
                        step -> AuditBundleWriter.write(journals, last, out));
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return USAGE_ERROR;
            }
            spec.commandLine().getOut().printf("exported indices %d..%d to %s (%d commands withheld)%n",
                    exported.fromIndex(), exported.toIndex(), exported.bundle(), exported.withheld());
            return 0;
        }
    }

    /** {@code exchange audit verify FILE}: exit 0 when valid, 1 with the first problem when not. */
    @Command(name = "verify", description = "Verifies a bundle offline; exits 0 when valid, 1 with the first problem when not.")
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", description = "the bundle to verify")
        Path bundle;
        @Option(names = "--platform-id", description = "fail unless the bundle's genesis binds it to this platform id")
        String platformId;

        @Override
        public Integer call() {
            VerificationReport report = AuditBundleVerifier.verify(bundle, Optional.ofNullable(platformId));
            PrintWriter out = spec.commandLine().getOut();
            out.println(report.message());
            out.flush();
            return report.valid() ? 0 : 1;
        }
    }
}
