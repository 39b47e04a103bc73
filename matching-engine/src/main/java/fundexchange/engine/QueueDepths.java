package fundexchange.engine;

import java.util.Collection;
import java.util.TreeSet;

/**
 * How much waits on people now, for operators' metrics: listings and custody registrations awaiting staff approval,
 * maker-checker proposals awaiting their checker, and trades awaiting settlement. Each queue has its size and the
 * journal index that created its oldest item (0 when the queue is empty), from which an operator's tool tells its age.
 */
public record QueueDepths(Queue pendingApprovals, Queue pendingProposals, Queue settlementsDue) {
    /** A queue's size and the journal index of its oldest item (0 when empty). */
    public record Queue(long size, long oldestIndex) {
        public static final Queue EMPTY = new Queue(0, 0);
    }

    /** None waiting. */
    public static final QueueDepths EMPTY = new QueueDepths(Queue.EMPTY, Queue.EMPTY, Queue.EMPTY);

    /**
     * Read from the live state, on the engine thread: ids of listings, custody and proposals are journal indices. The
     * cost follows what waits now (the derived pending sets and deadline indexes), never the history.
     */
    static QueueDepths of(ExchangeState state) {
        long approvals = state.pendingListings.size() + state.pendingCustody.size();
        long oldestApproval = Math.min(state.pendingListings.isEmpty() ? Long.MAX_VALUE : state.pendingListings.first(),
                state.pendingCustody.isEmpty() ? Long.MAX_VALUE : state.pendingCustody.first());
        return new QueueDepths(queue(approvals, oldestApproval), indexed(state.proposalDeadlines.values(), 1),
                queue(state.settlementDeadlines.size(), state.settlementDeadlines.leastId() / TradeTerms.FILLS_PER_COMMAND));
    }

    /** The ids under deadlines, each {@code idsPerIndex * index + n}. */
    private static Queue indexed(Collection<TreeSet<Long>> idsByDeadline, long idsPerIndex) {
        long size = 0;
        long oldest = Long.MAX_VALUE;
        for (TreeSet<Long> ids : idsByDeadline) {
            if (ids.isEmpty()) {
                continue;
            }
            size += ids.size();
            oldest = Math.min(oldest, ids.first() / idsPerIndex);
        }
        return queue(size, oldest);
    }

    private static Queue queue(long size, long oldest) {
        return size == 0 ? Queue.EMPTY : new Queue(size, oldest);
    }
}
