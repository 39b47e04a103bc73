package fundexchange.protocol.event;

import fundexchange.protocol.dataroom.DocumentKind;

/**
 * A fund document joined the data rooms of every listing and offer of {@code fundCode}; its id is the index of the
 * command, {@code registeredBy} the manager who registered it.
 */
public record FundDocumentRegistered(long documentId, String fundCode, String registeredBy, String digest,
                                     DocumentKind kind, String title, long size, int pages) implements DocumentEvent {
}
