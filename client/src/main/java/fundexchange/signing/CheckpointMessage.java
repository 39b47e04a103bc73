package fundexchange.signing;

import java.nio.charset.StandardCharsets;

/**
 * What the exchange's key signs in a checkpoint (docs/audit.md): the audit chain head at an index, and when it was
 * signed. Lines joined with "\n", no trailing newline:
 * {@code FXCP1, keyId, chainIndex, chainHead (lower-case hex), signedAt (epoch ms)}.
 */
public record CheckpointMessage(String keyId, long chainIndex, String chainHead, long signedAt) {
    public static final String VERSION = "FXCP1";

    public String text() {
        return String.join("\n", VERSION, keyId, Long.toString(chainIndex), chainHead, Long.toString(signedAt));
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
