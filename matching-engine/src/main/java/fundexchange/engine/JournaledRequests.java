package fundexchange.engine;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;

/**
 * The journaled requests the idempotency memory points at (CONTRACTS.md 8). The memory keeps per id only its
 * participant's ordinal, a 64-bit hash of the id and the journal index of its first journaling; a hash hit is
 * confirmed here, against what the journals hold at that index: the signed request in the command record, the outcome
 * in the event document. The engine asks only for indexes before the command it is deciding, whose event documents
 * exist. In production the runner reads the Chronicle journals ({@code fundexchange.runner.JournalRequests}); tests and
 * offline tools without journals use {@link AppliedRequests}. Called on the engine thread only.
 */
public interface JournaledRequests {
    /**
     * The signed request journaled at {@code index} and its outcome.
     *
     * @throws Unavailable when the journals hold no signed request or no event document at that index: the engine
     *                     then halts, as its memory and its journals disagree
     */
    JournaledRequest at(long index);

    /** What a repeat is checked against and answered with. */
    record JournaledRequest(String participant, String clientRequestId, String requestDigest, Outcome outcome) {
        /** The request of a signed command record and the outcome its event document recorded. */
        public static JournaledRequest of(CommandRecord command, EventDocument document) {
            if (command.request() == null) {
                throw new Unavailable("the command at index " + command.index() + " is not signed");
            }
            if (document.sourceIndex() != command.index()) {
                throw new Unavailable("event document " + document.sourceIndex() + " is not the one of command "
                        + command.index());
            }
            return new JournaledRequest(command.request().participant(), command.request().clientRequestId(),
                    Authentication.requestDigest(command.request()), document.outcome());
        }
    }

    /** The journals cannot answer for an index the memory points at: the engine halts rather than guess. */
    final class Unavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
