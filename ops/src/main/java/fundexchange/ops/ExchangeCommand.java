package fundexchange.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code exchange} launcher and operator CLI. Each subcommand calls one function that does the work. */
@Command(name = "exchange", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fund share exchange: launcher and operator tools.",
        subcommands = {KeysCommand.class, InitCommand.class, ServeCommand.class, DemoCommand.class,
                fundexchange.ops.audit.AuditCommand.class, fundexchange.ops.report.ReportCommand.class,
                fundexchange.ops.bench.BenchCommand.class, JournalCommand.class, ReconcileCommand.class,
                fundexchange.ops.staff.SnapshotCommand.class, fundexchange.ops.staff.StaffCommand.class,
                fundexchange.ops.signer.SignerCommand.class, ConfigCommand.class, VerifyCommand.class})
public final class ExchangeCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The CLI, printing failures as one clear line (exit code 1) rather than a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new ExchangeCommand()).setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("error: " + failure.getMessage());
            return 1;
        });
    }

    /** Runs one command; {@code serve} and {@code demo} return only when the exchange is shut down. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
