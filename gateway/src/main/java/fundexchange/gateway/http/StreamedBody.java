package fundexchange.gateway.http;

import java.io.IOException;
import java.io.OutputStream;

/** A non-JSON answer of a read endpoint (a bundle, an HTML report), written straight to the response. */
record StreamedBody(String contentType, String fileName, Writer writer) {
    /** Writes the body. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
