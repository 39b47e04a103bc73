package fundexchange.ops;

import fundexchange.engine.Engine;
import fundexchange.engine.QueueDepths;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes a {@link NodeSample} when a scrape asks, at most once a second: it reads the journal times of a few commands
 * by random access and asks the engine thread for its queues (between commands; the last answer stands while the
 * engine is halted or busy for more than 250 ms). Nothing here runs on a command's path.
 */
final class NodeSampler {
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final ExchangeNode node;
    private final Clock clock;
    private NodeSample sample;
    private long sampledAt;
    private QueueDepths queues = QueueDepths.EMPTY;

    NodeSampler(ExchangeNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    synchronized NodeSample sample() {
        long now = System.nanoTime();
        if (sample == null || now - sampledAt > FRESH_NANOS) {
            sample = take();
            sampledAt = now;
        }
        return sample;
    }

    private NodeSample take() {
        long millis = clock.millis();
        queues = queries();
        try (ChronicleJournal.NumberedReader commands = node.journals().commands().numberedReader()) {
            Map<NodeSample.Lagging, Double> lag = new EnumMap<>(NodeSample.Lagging.class);
            for (NodeSample.Lagging part : NodeSample.Lagging.values()) {
                long watermark = part.watermark(node);
                lag.put(part, watermark >= part.head(node) ? 0.0 : age(commands, watermark + 1, millis));
            }
            Map<NodeSample.Queue, Double> oldest = new EnumMap<>(NodeSample.Queue.class);
            for (NodeSample.Queue queue : NodeSample.Queue.values()) {
                long index = queue.of(queues).oldestIndex();
                oldest.put(queue, index == 0 ? 0.0 : age(commands, index, millis));
            }
            long snapshot = Math.max(1, node.engine().snapshotStatus().lastWrittenIndex());
            return new NodeSample(lag, age(commands, snapshot, millis), queues, oldest);
        }
    }

    private QueueDepths queries() {
        if (node.engine().failure().isPresent()) {
            return queues;
        }
        try {
            return node.engine().query(Engine::queues).get(250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return queues;
        } catch (ExecutionException | TimeoutException e) {
            return queues;
        }
    }

    /** Seconds since the command at {@code index} was journaled (0 if the journal holds none there). */
    private static double age(ChronicleJournal.NumberedReader commands, long index, long millis) {
        return commands.document(index)
                .map(bytes -> Math.max(0, millis - JournalCodec.readCommand(bytes).time()) / 1000.0)
                .orElse(0.0);
    }
}
