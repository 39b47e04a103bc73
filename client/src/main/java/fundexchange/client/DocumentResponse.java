package fundexchange.client;

import java.nio.charset.StandardCharsets;

/**
 * What the exchange answered to an opening of a data-room document: the watermarked PDF on 200, else a JSON error.
 *
 * @param status       the HTTP status code
 * @param contentType  the answer's {@code Content-Type}
 * @param bytes        the body as sent
 * @param journalIndex the opening's journal index (0 when it was refused before journaling)
 * @param headers      the answer's headers
 */
public record DocumentResponse(int status, String contentType, byte[] bytes, long journalIndex,
                               java.net.http.HttpHeaders headers) {

    /** The answer's first value of the header {@code name}, if it has one. */
    public java.util.Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Whether the answer is the PDF. */
    public boolean pdf() {
        return status == 200 && contentType.startsWith("application/pdf");
    }

    /** The body as UTF-8 text (a refusal's JSON). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
