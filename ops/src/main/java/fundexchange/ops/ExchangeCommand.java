package fundexchange.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code exchange} launcher and operator CLI. Each subcommand calls one function that does the work. */
@Command(name = "exchange", mixinStandardHelpOptions = true, version = "fund-exchange 0.1.0",
        description = "Fund share exchange: launcher and operator tools.",
        subcommands = {KeysCommand.class, InitCommand.class, ServeCommand.class, DemoCommand.class})
public final class ExchangeCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExchangeCommand()).execute(args));
    }
}
