package fundexchange.protocol.event;

import fundexchange.protocol.dataroom.DocumentKind;

/**
 * A document joined a listing's data room; its id is the index of the command. {@code ndaVersion} is the NDA version
 * it publishes (1, 2, ...), 0 for any other kind.
 */
public record DocumentRegistered(long documentId, long listingId, String holder, String digest, DocumentKind kind,
                                 String title, long size, int pages, int ndaVersion) implements DocumentEvent {
}
