package fundexchange.protocol.refusal;

/**
 * Why the engine refuses a command: a stable number and a name, journaled as an outcome's {@code code} and
 * {@code reason} (docs/journal-format.md). {@code RejectCode} gives the shared refusals; a mechanism may give its own in
 * an enum of its own. Every refusal the engine can answer is in {@code Refusals.all()}. A leaf package, JDK only, so that
 * any protocol package may implement it without importing the protocol's root.
 */
public interface Refusal {
    /** The number, unique across every refusal and the gateway's own codes, only ever appended to. */
    int code();

    /** The name, journaled as the outcome's {@code reason}: an enum constant's name. */
    String name();
}
