package fundexchange.ops.verify;

/** What {@code exchange verify} found wrong at an index, in English and Chinese. */
public enum Kind {
    /** A participant's signature does not verify with the key its owner held at that index. */
    SIGNATURE("signature", "签名"),
    /** The command record does not decode, or is not what its signed request says. */
    COMMAND("command", "指令"),
    /** The event document differs from what replaying its command gives, and a later checkpoint covers it. */
    EVENT("event", "事件"),
    /** As {@link #EVENT}, after the last checkpoint: only replay can tell, no signature covers it yet. */
    LAST_EVENT("last event", "最后事件"),
    /** A checkpoint's exchange signature, or the chain head it signs, does not match the recomputed chain. */
    CHECKPOINT("checkpoint", "检查点"),
    /** A record's length header (framing) in a journal file is damaged, so no record from it on can be trusted. */
    LENGTH_HEADER("length header", "长度头"),
    /**
     * Commands no event document answers, in a stopped node's journals (where the engine applies them on restart):
     * an event journal cut short, so nothing vouches for them but their signatures.
     */
    UNAPPLIED("unapplied command", "未处理指令"),
    /**
     * A data-room document whose digest the journal registers has no bytes in the document store
     * ({@code D/documents}), or bytes that no longer match the digest: primary data was lost or damaged.
     */
    DOCUMENT("document", "文件");

    private final String english;
    private final String chinese;

    Kind(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The kind as printed: {@code "signature / 签名"}. */
    public String label() {
        return english + " / " + chinese;
    }

    public String english() {
        return english;
    }
}
