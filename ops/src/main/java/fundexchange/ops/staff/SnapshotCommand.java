package fundexchange.ops.staff;

import fundexchange.ops.Participant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code exchange snapshot}: asks a running exchange, as staff over the signed API, to write an engine snapshot now. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Has a running exchange write an engine snapshot now (staff, signed API).")
public final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    SignedRequestOptions signed;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Participant.Reply reply = signed.post("/ops/snapshot", "{}");
        if (reply.status() != 200) {
            return SignedRequestOptions.print(reply, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        spec.commandLine().getOut().println("snapshot at index " + reply.body().path("snapshotIndex").asLong());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
