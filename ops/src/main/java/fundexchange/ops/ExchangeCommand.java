package fundexchange.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code exchange} launcher and operator CLI. Each subcommand calls one function that does the work. */
@Command(name = "exchange", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fund share exchange: launcher and operator tools.",
        subcommands = {KeysCommand.class, InitCommand.class, ServeCommand.class, DemoCommand.class,
                fundexchange.ops.audit.AuditCommand.class, fundexchange.ops.certificate.CertificateCommand.class,
                fundexchange.ops.report.ReportCommand.class,
                JournalCommand.class, ReconcileCommand.class,
                fundexchange.ops.staff.SnapshotCommand.class, fundexchange.ops.staff.StaffCommand.class,
                fundexchange.ops.signer.SignerCommand.class, ConfigCommand.class, VerifyCommand.class})
public final class ExchangeCommand implements Runnable {
    /** On {@code exchange} and every command: library logs on the terminal too (ConsoleLogging). */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "also show the libraries' log records on the terminal (standard error); they are always in"
                    + " <data-dir>/logs/exchange.log")
    boolean verbose;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /**
     * The CLI, printing failures as one clear line (exit code 1) rather than a stack trace, with logging configured
     * for the one command it runs ({@link ConsoleLogging}).
     */
    public static CommandLine commandLine() {
        return cli(new ExchangeCommand());
    }

    /** {@code root} as a CLI run the way every command of the exchange runs: one-line failures, logging set up. */
    public static CommandLine cli(Object root) {
        return new CommandLine(root).setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("error: " + failure.getMessage());
            return 1;
        }).setExecutionStrategy(parsed -> {
            ConsoleLogging.start(verbose(parsed));
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                ConsoleLogging.finish();
            }
        });
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Runs one command; {@code serve} and {@code demo} return only when the exchange is shut down. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
