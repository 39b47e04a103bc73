package fundexchange.gateway.listener;

/**
 * The public listener as the management listener sees it.
 *
 * @param status what it is doing
 * @param open   connections open now
 * @param max    its connection cap
 */
public record ListenerState(Status status, int open, int max) {
    /** Only {@link #SERVING} is healthy. */
    public enum Status {
        /** Not started yet. */
        STARTING,
        /** Accepting connections, under its cap. */
        SERVING,
        /** At its cap: new connections wait in the accept backlog until one closes. */
        SATURATED,
        /** Not listening: its socket refuses connections (Helidon closes it for good when accept() fails). */
        DOWN
    }

    public boolean healthy() {
        return status == Status.SERVING;
    }

    /** For the health detail and logs, e.g. {@code SATURATED 20/20 connections}. */
    public String describe() {
        return status + " " + open + "/" + max + " connections";
    }
}
