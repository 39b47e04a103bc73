package fundexchange.ops.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exchange staff freeze}: proposes a judicial freeze (maker-checker, CONTRACTS.md 4); it takes effect when a
 * second staff member approves the printed proposal with {@code staff approve-proposal}. Only the court order's
 * SHA-256 enters the journal.
 */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = "Proposes a judicial freeze of a holder's units; a second staff member approves it.")
final class FreezeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    SignedRequestOptions signed;
    @Spec
    CommandSpec spec;
    @Option(names = "--fund", required = true)
    String fund;
    @Option(names = "--holder", required = true)
    String holder;
    @Option(names = "--units", required = true, description = "e.g. 120000.00")
    String units;
    @Option(names = "--authority", required = true, description = "the court or authority ordering it")
    String authority;
    @Option(names = "--case-number", required = true)
    String caseNumber;
    @ArgGroup(multiplicity = "1")
    Order order;

    /** The court order: its file (hashed here) or its SHA-256. */
    static final class Order {
        @Option(names = "--document", description = "the order's file; its SHA-256 is sent")
        Path document;
        @Option(names = "--document-digest", description = "the order's SHA-256, 64 hex digits")
        String digest;

        String sha256() {
            if (digest != null) {
                return digest;
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(document)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + document, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public Integer call() {
        ObjectNode action = JSON.createObjectNode().put("type", "FreezeUnits").put("fundCode", fund).put("holder", holder)
                .put("units", units).put("authority", authority).put("caseNumber", caseNumber)
                .put("documentDigest", order.sha256());
        ObjectNode body = JSON.createObjectNode().set("action", action);
        return SignedRequestOptions.print(signed.post("/proposals", body.toString()), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
