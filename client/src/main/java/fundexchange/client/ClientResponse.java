package fundexchange.client;

/**
 * What the exchange answered.
 *
 * @param status       the HTTP status code
 * @param body         the response body decoded as UTF-8
 * @param journalIndex a write's journal index from {@code X-Journal-Index} (on 200, 202 and the engine's 409): pass it
 *                     as {@link ExchangeClient#withMinIndex minIndex} to read this write's effects; 0 when the answer
 *                     carries none (reads, and refusals before the command was journaled)
 */
public record ClientResponse(int status, String body, long journalIndex) {
    /** The header that carries {@link #journalIndex()}. */
    public static final String JOURNAL_INDEX = "X-Journal-Index";

    /** An answer that carries no journal index. */
    public ClientResponse(int status, String body) {
        this(status, body, 0);
    }
}
