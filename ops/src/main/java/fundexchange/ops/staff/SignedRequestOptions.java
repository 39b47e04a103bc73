package fundexchange.ops.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.ops.KeyFiles;
import fundexchange.ops.Participant;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * Who signs an operator's request and where it goes: the options every signed CLI command shares. The request goes
 * through the signed API like any other client's (CONTRACTS.md 1), and its answer is printed as JSON.
 */
public final class SignedRequestOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the exchange (default: ${DEFAULT-VALUE})")
    URI url;
    @Option(names = "--participant", required = true, description = "who signs, e.g. Staff-01")
    String participant;
    @Option(names = "--key-id", description = "the signing key's id (default: PARTICIPANT-k1)")
    String keyId;
    @Option(names = "--key", required = true, description = "the participant's private key (PKCS#8 PEM)")
    Path key;
    @Option(names = "--platform-id", defaultValue = "${env:FX_PLATFORM_ID}",
            description = "sign for this platform id only (default: $FX_PLATFORM_ID; unset: learnt from the server's"
                    + " unsigned GET /exchange). Pin it in production.")
    String platformId;
    @Option(names = "--request-id", description = "clientRequestId; repeating one repeats nothing (default: a fresh one)")
    String requestId;

    /** The signer, pinned to {@code --platform-id} (or {@code FX_PLATFORM_ID}) when one is given. */
    public Participant signer() {
        Participant signer = new Participant(url, participant, keyId == null ? participant + "-k1" : keyId,
                KeyFiles.readPrivate(key), Clock.systemUTC(), "cli");
        return platformId == null || platformId.isEmpty() ? signer : signer.pinnedTo(platformId);
    }

    /** Signs and posts {@code body} to {@code path}. */
    public Participant.Reply post(String path, String body) {
        return signer().post(path, body, requestId == null ? "cli-" + UUID.randomUUID() : requestId);
    }

    /**
     * Prints the answer as JSON on {@code out}; a refusal also as {@code code message} on {@code err}. Returns the
     * exit code: 0 for an answer with its outcome (200), 1 for a refusal, 2 for a command appended whose outcome is
     * still pending (202: a script must look it up at {@code GET /requests/{clientRequestId}}, or repeat the command
     * with the same {@code --request-id}, before it counts on it).
     */
    public static int print(Participant.Reply reply, PrintWriter out, PrintWriter err) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        if (reply.status() == 200) {
            return 0;
        }
        if (reply.status() == 202) {
            err.println("appended; the outcome is pending (GET /requests/{clientRequestId}, or repeat with the same --request-id)");
            err.flush();
            return 2;
        }
        err.println(reply.body().path("code").asText() + " " + reply.body().path("message").asText());
        err.flush();
        return 1;
    }
}
