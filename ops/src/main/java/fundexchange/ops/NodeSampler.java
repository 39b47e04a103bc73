package fundexchange.ops;

import fundexchange.engine.Engine;
import fundexchange.engine.QueueDepths;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a {@link NodeSample} when a scrape asks: a fresh one whenever a command was journaled or decided since the last,
 * else at most once a second of the node's clock. It reads the journal times of a few commands by random access through
 * one reader it keeps (closed with the node), and takes the engine's queues from {@link EngineQueues}, which asks the
 * engine thread at most once a second of the node's clock and only after the engine decided something (the last answer
 * stands while the engine is halted or busy for more than 250 ms, and the unanswered query is dropped, never run
 * later). Nothing here runs on a command's path.
 */
final class NodeSampler implements AutoCloseable {
    static final long FRESH_MILLIS = 1000;
    private final ExchangeNode node;
    private final Clock clock;
    private ChronicleJournal.NumberedReader commands;
    private NodeSample sample;
    private long sampledAt;
    private long sampledJournalIndex;
    private long sampledEngineIndex;
    private final EngineQueues engineQueues;
    private QueueDepths queues = QueueDepths.EMPTY;
    private boolean closed;

    NodeSampler(ExchangeNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
        this.engineQueues = new EngineQueues(new EngineQueues.Engine() {
            @Override
            public long lastIndex() {
                return node.engine().lastIndex();
            }

            @Override
            public boolean halted() {
                return node.engine().failure().isPresent();
            }

            @Override
            public CompletableFuture<QueueDepths> ask() {
                return node.engine().query(Engine::queues);
            }
        }, clock, EngineQueues.WAIT);
    }

    synchronized NodeSample sample() {
        if (closed && sample != null) {
            return sample;
        }
        long now = clock.millis();
        long journalIndex = node.journalIndex();
        long engineIndex = node.engine().lastIndex();
        if (sample == null || journalIndex != sampledJournalIndex || engineIndex != sampledEngineIndex
                || now < sampledAt || now - sampledAt >= FRESH_MILLIS) {
            sample = take(closed ? null : reader());
            sampledAt = now;
            sampledJournalIndex = journalIndex;
            sampledEngineIndex = engineIndex;
        }
        return sample;
    }

    private ChronicleJournal.NumberedReader reader() {
        if (commands == null) {
            commands = node.journals().commands().numberedReader();
        }
        commands.handOver();
        return commands;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (commands != null) {
            commands.handOver();
            commands.close();
            commands = null;
        }
    }

    /** A sample; without a reader (the node stopped) every age is 0. */
    private NodeSample take(ChronicleJournal.NumberedReader reader) {
        long millis = clock.millis();
        queues = queries();
        Map<NodeSample.Lagging, Double> lag = new EnumMap<>(NodeSample.Lagging.class);
        for (NodeSample.Lagging part : NodeSample.Lagging.values()) {
            long watermark = part.watermark(node);
            lag.put(part, watermark >= part.head(node) ? 0.0 : age(reader, watermark + 1, millis));
        }
        Map<NodeSample.Queue, Double> oldest = new EnumMap<>(NodeSample.Queue.class);
        for (NodeSample.Queue queue : NodeSample.Queue.values()) {
            long index = queue.of(queues).oldestIndex();
            oldest.put(queue, index == 0 ? 0.0 : age(reader, index, millis));
        }
        long snapshot = Math.max(1, node.engine().snapshotStatus().lastWrittenIndex());
        return new NodeSample(lag, age(reader, snapshot, millis), queues, oldest);
    }

    private QueueDepths queries() {
        return closed ? queues : engineQueues.queues();
    }

    /** Seconds since the command at {@code index} was journaled (0 if the journal holds none there). */
    private static double age(ChronicleJournal.NumberedReader commands, long index, long millis) {
        if (commands == null) {
            return 0.0;
        }
        return commands.document(index)
                .map(bytes -> Math.max(0, millis - JournalCodec.readCommand(bytes).time()) / 1000.0)
                .orElse(0.0);
    }
}
