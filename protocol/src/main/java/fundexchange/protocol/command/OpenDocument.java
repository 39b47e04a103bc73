package fundexchange.protocol.command;

/**
 * A participant opens a data-room document. Journaled, so the audit trail shows who opened what and when; the
 * gateway answers an accepted opening with the PDF watermarked for the viewer at the command's journal time.
 * {@code listingId} names the room it is opened in: required for a fund document (one per listing or offer of the
 * fund), optional for a listing's own (it must then be that listing); absent ({@code null}) before rules version 6.
 */
public record OpenDocument(long documentId, Long listingId) implements Command {
    /** An opening of a listing's own document, without naming the room. */
    public OpenDocument(long documentId) {
        this(documentId, null);
    }
}
