package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.Windows;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checkpoints of the audit chain. The engine checks their shape and order and that they name the exchange's key;
 * the signature itself is verified by {@code exchange audit verify}, like every other signature.
 */
final class AuditRules {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final ExchangeState state;

    AuditRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> checkpoint(CommandContext ctx, Checkpoint c) {
        Rejection.check(state.exchangeKey != null && state.exchangeKey.keyId().equals(c.keyId()), RejectCode.NOT_EXCHANGE_KEY,
                "a checkpoint must be signed with the exchange's key");
        Rejection.check(c.chainIndex() > state.lastCheckpointIndex && c.chainIndex() < ctx.index(),
                RejectCode.CHECKPOINT_OUT_OF_ORDER, "chainIndex must follow the last checkpoint and precede this command");
        Rejection.check(c.chainHead() != null && HEX_SHA256.matcher(c.chainHead()).matches(), RejectCode.INVALID_FIELD,
                "chainHead must be 64 lower-case hex digits");
        Rejection.check(c.signature() != null && !c.signature().isBlank(), RejectCode.INVALID_FIELD, "signature is required");
        long window = state.parameters.requestWindowMs();
        Rejection.check(Windows.within(c.signedAt(), ctx.time(), window), RejectCode.TIMESTAMP_OUT_OF_WINDOW,
                "signedAt is more than " + window + " ms from the exchange time");
        return List.of(new CheckpointRecorded(c.keyId(), c.chainIndex(), c.chainHead(), c.signedAt(), c.signature()));
    }
}
