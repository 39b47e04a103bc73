package fundexchange.protocol.event;

/**
 * {@code viewer} opened a document at the document's journal time: the access log's entry. The gateway serves the
 * bytes of {@code digest} watermarked with the viewer, the listing and that time.
 */
public record DocumentOpened(long documentId, long listingId, String viewer, String digest, String holder)
        implements DocumentEvent {
}
