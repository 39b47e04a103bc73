package fundexchange.ops.staff;

import fundexchange.ops.Participant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code exchange staff state}: the running engine's last index and state hash (signed {@code GET /engine/state}, staff
 * or regulator), to compare with {@code journal replay --verify} after a restore.
 */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Prints the running engine's last index and state hash (GET /engine/state).")
final class StateCommand implements Callable<Integer> {
    @Mixin
    SignedRequestOptions signed;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Participant.Reply reply = signed.signer().get("/engine/state");
        if (reply.status() != 200) {
            return SignedRequestOptions.print(reply, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        spec.commandLine().getOut().println("last index " + reply.body().path("lastIndex").asLong() + "; state hash "
                + reply.body().path("stateHash").asText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
