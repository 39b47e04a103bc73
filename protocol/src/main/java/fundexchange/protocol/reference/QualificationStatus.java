package fundexchange.protocol.reference;

/** Whether an investor is a qualified investor, and on what basis. */
public enum QualificationStatus {
    NOT_QUALIFIED, QUALIFIED
}
