package fundexchange.ops;

import fundexchange.engine.QueueDepths;
import java.util.Map;

/**
 * What the node's scrape-time gauges read, taken afresh after a new command, else at most once a second
 * ({@link NodeSampler}): each part's lag in seconds (how long the oldest command it has not yet processed has waited,
 * 0 when it is caught up), the snapshot's age
 * (how long ago the newest snapshot's last command was journaled; without one, the genesis), the queues and how long
 * their oldest items have waited.
 */
record NodeSample(Map<Lagging, Double> lagSeconds, double snapshotAgeSeconds, QueueDepths queues,
                  Map<Queue, Double> oldestAgeSeconds) {
    /** The parts of the node that trail the command journal, and what each trails. */
    enum Lagging {
        /** Commands journaled, not yet decided. */
        ENGINE,
        /** Decided, not yet in the registry. */
        PROJECTOR,
        /** Decided, not yet linked into the audit chain. */
        AUDIT,
        /** Decided, not yet in the gateway's read model. */
        GATEWAY_VIEW;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The last index this part processed. */
        long watermark(ExchangeNode node) {
            return switch (this) {
                case ENGINE -> node.engine().lastIndex();
                case PROJECTOR -> node.projector().watermark();
                case AUDIT -> node.audit().watermark();
                case GATEWAY_VIEW -> node.viewIndex();
            };
        }

        /** The last index of what this part trails: the command journal for the engine, the engine for the rest. */
        long head(ExchangeNode node) {
            return this == ENGINE ? node.journalIndex() : node.engine().lastIndex();
        }
    }

    /** The queues of {@link QueueDepths}. */
    enum Queue {
        PENDING_APPROVALS, PENDING_PROPOSALS, SETTLEMENTS_DUE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        QueueDepths.Queue of(QueueDepths depths) {
            return switch (this) {
                case PENDING_APPROVALS -> depths.pendingApprovals();
                case PENDING_PROPOSALS -> depths.pendingProposals();
                case SETTLEMENTS_DUE -> depths.settlementsDue();
            };
        }
    }
}
