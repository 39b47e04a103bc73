package fundexchange.documents.store;

import java.io.IOException;

/** A document larger than the store takes; nothing was written. */
public final class DocumentTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public DocumentTooLargeException(long size, long limit) {
        super("a document of " + size + " bytes exceeds the store's limit of " + limit);
    }
}
