package fundexchange.engine.dataroom;

import fundexchange.protocol.dataroom.DocumentKind;

/** A document in a data room: its id (the registering command's index), digest and metadata. */
public record RoomDocument(long documentId, String digest, DocumentKind kind, String title, long size, int pages) {
}
