package fundexchange.gateway.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A non-JSON answer of a read endpoint (a bundle, an HTML report), written straight to the response; a
 * {@code confidential} one (a certificate, its signature) is also sent {@code Cache-Control: no-store} and
 * {@code X-Content-Type-Options: nosniff}, as the data room's documents are.
 */
record StreamedBody(String contentType, String fileName, Writer writer, boolean confidential) {

    StreamedBody(String contentType, String fileName, Writer writer) {
        this(contentType, fileName, writer, false);
    }

    /** Writes the body. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
