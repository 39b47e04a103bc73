package fundexchange.protocol.command;

import fundexchange.protocol.dataroom.DocumentKind;

/**
 * The holder of a listing (or of a non-listed offer: {@code listingId} names either, ids being journal indexes) adds a
 * PDF to its data room. Only the digest and metadata enter the journal; the gateway stored the bytes, checked by its
 * PDF policy, under {@code digest} before it journals this (docs/api.md, Data room). A document of kind {@code NDA}
 * publishes the next version of the listing's NDA.
 */
public record RegisterDocument(long listingId, String digest, DocumentKind kind, String title, long size, int pages)
        implements Command {
}
