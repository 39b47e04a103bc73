package fundexchange.protocol.transfer;

/** What a consent not given by the notice's deadline counts as. (Silence on the priority right is always a waiver.) */
public enum SilenceMeans {
    CONSENT, REFUSAL
}
