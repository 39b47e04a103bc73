package fundexchange.gateway.http;

/**
 * What a read endpoint answers from, and so which index a {@code minIndex} waits for (docs/api.md, Read your writes).
 */
enum ReadSource {
    /**
     * The gateway's own view of the event journal (feeds, request outcomes, checkpoints, keys), and what only lies
     * behind documents it has applied: the engine's state and the journals themselves.
     */
    VIEW("the gateway's view"),
    /** The registry in PostgreSQL; such reads also use the view's business date, so they wait for both. */
    REGISTRY("the registry"),
    /** The audit index in PostgreSQL, written by the audit tailer. */
    AUDIT_INDEX("the audit index"),
    /** Not a read of projected state (an operation); {@code minIndex} is refused. */
    NONE("nothing");

    private final String label;

    ReadSource(String label) {
        this.label = label;
    }

    /** How a refusal names this source. */
    String label() {
        return label;
    }
}
