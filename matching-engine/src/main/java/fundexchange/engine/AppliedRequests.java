package fundexchange.engine;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import java.util.TreeMap;

/**
 * {@link JournaledRequests} in memory, filled from what an engine applied: for tests and tools that drive an engine
 * without Chronicle journals. It keeps each signed request that was not itself a repeat, with its outcome (the
 * request digest is computed only when asked), until told to forget the indexes before one
 * ({@link #forgetBefore}).
 */
public final class AppliedRequests implements JournaledRequests {
    private record Applied(SignedRequest request, Outcome outcome) {
    }

    private final TreeMap<Long, Applied> byIndex = new TreeMap<>();

    /** Records a command and the document the engine answered it with; unsigned commands and repeats are not kept. */
    public void record(CommandRecord command, EventDocument document) {
        if (command.request() == null || document.outcome().status() == OutcomeStatus.DUPLICATE) {
            return;
        }
        if (document.sourceIndex() != command.index()) {
            throw new Unavailable("event document " + document.sourceIndex() + " is not the one of command " + command.index());
        }
        byIndex.put(command.index(), new Applied(command.request(), document.outcome()));
    }

    /** Forgets every request journaled before {@code index}. */
    public void forgetBefore(long index) {
        byIndex.headMap(index).clear();
    }

    @Override
    public JournaledRequest at(long index) {
        Applied found = byIndex.get(index);
        if (found == null) {
            throw new Unavailable("no signed request applied at index " + index);
        }
        return new JournaledRequest(found.request().participant(), found.request().clientRequestId(),
                Authentication.requestDigest(found.request()), found.outcome());
    }
}
