package fundexchange.engine;

import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link JournaledRequests} in memory, filled from what an engine applied: for tests and tools that drive an engine
 * without Chronicle journals. It keeps every signed request it is given (it never forgets), so it is not for a
 * long-running exchange. The map is only looked up, never iterated.
 */
public final class AppliedRequests implements JournaledRequests {
    private final Map<Long, JournaledRequest> byIndex = new HashMap<>();

    /** Records a command and the document the engine answered it with; an unsigned command is not kept. */
    public void record(CommandRecord command, EventDocument document) {
        if (command.request() != null) {
            byIndex.put(command.index(), JournaledRequest.of(command, document));
        }
    }

    @Override
    public JournaledRequest at(long index) {
        JournaledRequest found = byIndex.get(index);
        if (found == null) {
            throw new Unavailable("no signed request applied at index " + index);
        }
        return found;
    }
}
