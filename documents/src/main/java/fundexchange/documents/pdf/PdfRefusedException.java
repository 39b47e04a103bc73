package fundexchange.documents.pdf;

/** A PDF the admission policy refuses, with its reason. */
public final class PdfRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient PdfRefusal reason;

    public PdfRefusedException(PdfRefusal reason, String detail) {
        super(reason.english() + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.reason = reason;
    }

    /** Why it was refused. */
    public PdfRefusal reason() {
        return reason;
    }
}
