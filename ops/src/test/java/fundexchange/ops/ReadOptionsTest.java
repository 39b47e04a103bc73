package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.gateway.ReadLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code demo} takes the read-path bounds {@code serve} takes, from the same option definitions. */
class ReadOptionsTest {
    private static final String[] BOUNDS = {"--min-index-waiters", "3", "--min-index-waiters-per-participant", "2",
            "--read-nonces", "1000", "--read-nonce-share-bp", "500", "--read-nonce-reserve-bp", "2000"};

    @Test
    void demoAndServeReadTheSameReadBounds() {
        ReadLimits expected = new ReadLimits(3, 1000, 2, 500, 2000);
        assertEquals(List.of(expected, expected), List.of(limits("demo"), limits("serve")));
    }

    @Test
    void withoutTheOptionsBothUseTheDocumentedDefaults() {
        ReadLimits expected = new ReadLimits(256, 262_144, 8, 1_000, 1_000);
        CommandLine line = ExchangeCommand.commandLine();
        DemoCommand demo = (DemoCommand) line.parseArgs("demo").subcommand().commandSpec().userObject();
        assertEquals(expected, demo.reads.limits());
    }

    private static ReadLimits limits(String command) {
        String[] args = new String[BOUNDS.length + 3];
        args[0] = command;
        args[1] = "--data-dir";
        args[2] = "unused";
        System.arraycopy(BOUNDS, 0, args, 3, BOUNDS.length);
        Object parsed = ExchangeCommand.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
        return parsed instanceof DemoCommand demo ? demo.reads.limits() : ((ServeCommand) parsed).options.reads.limits();
    }
}
