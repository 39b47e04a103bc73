package fundexchange.sequencer;

import fundexchange.agent.Agent;
import fundexchange.agent.AgentRunner;
import fundexchange.agent.IdleStrategy;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.SignedRequest;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.wire.WireBuffer;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one thread that appends to the command journal (CONTRACTS.md 1). It numbers records densely, stamps each with
 * {@code max(previous, clock)}, appends {@code Tick}s while a deadline is due, and halts on a forward clock jump
 * larger than the configured bound until {@link #acknowledgeClockJump()}.
 */
public final class Sequencer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Sequencer.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private record Submission(SignedRequest request, Command command, CompletableFuture<Long> appended) {
    }

    private final Journals journals;
    private final Clock clock;
    private final SequencerConfig config;
    private final LongSupplier nextDeadline;
    private final BlockingQueue<Submission> queue;
    private final AgentRunner runner;
    private volatile boolean running = true;
    private volatile boolean halted;
    private volatile long lastIndex;
    private long lastTime;
    private volatile long lastClockReading;
    private volatile Throwable failure;
    private long lastTickAt;
    private Submission pending;
    private ChronicleJournal.Writer writer;
    /** The sequencer thread's reused buffer for the record it appends. */
    private final WireBuffer buffer = new WireBuffer(4096);

    public Sequencer(Journals journals, Clock clock, SequencerConfig config, LongSupplier nextDeadline) {
        this.journals = journals;
        this.clock = clock;
        this.config = config;
        this.nextDeadline = nextDeadline;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        journals.lastCommand().ifPresent(last -> {
            lastIndex = last.index();
            lastTime = last.time();
        });
        this.runner = new AgentRunner(new Appender(), IdleStrategy.none(), this::stopped, CLOSE_TIMEOUT,
                Thread.currentThread().isDaemon());
    }

    public Sequencer start() {
        lastClockReading = clock.millis();
        runner.start();
        return this;
    }

    /** Queues a signed command; the future completes with its journal index once appended. */
    public CompletableFuture<Long> submit(SignedRequest request, Command command) {
        CompletableFuture<Long> appended = new CompletableFuture<>();
        if (!running || halted || !queue.offer(new Submission(request, command, appended))) {
            appended.completeExceptionally(new IllegalStateException(halted
                    ? "sequencer halted by a clock jump; an operator must acknowledge it" : "sequencer is not accepting commands"));
        }
        return appended;
    }

    /**
     * Queues one of the unsigned commands the exchange itself issues (CONTRACTS.md 15): only checkpoints, which the
     * exchange's key signs.
     */
    public CompletableFuture<Long> submitUnsigned(Command command) {
        if (command.signed() || !(command instanceof fundexchange.protocol.command.Checkpoint)) {
            throw new IllegalArgumentException("only checkpoints are submitted unsigned");
        }
        return submit(null, command);
    }

    /** Why the sequencer thread stopped, if it did. */
    public java.util.Optional<Throwable> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public boolean running() {
        return running;
    }

    public boolean halted() {
        return halted;
    }

    public long lastIndex() {
        return lastIndex;
    }

    /** An operator confirms the clock jump was genuine; appending resumes. */
    public void acknowledgeClockJump() {
        lastClockReading = clock.millis();
        halted = false;
        LOG.log(Level.WARNING, "clock jump acknowledged; sequencer resumes");
    }

    /**
     * The sequencer's duty cycle: it waits on its own queue (at most until the next tick is due), so it runs with
     * {@link IdleStrategy#none()}.
     */
    private final class Appender implements Agent {
        @Override
        public String roleName() {
            return "sequencer";
        }

        @Override
        public void onStart() {
            writer = journals.commands().writer();
        }

        @Override
        public int doWork() throws InterruptedException {
            long now = clock.millis();
            checkClock(now);
            if (halted) {
                Thread.sleep(config.tickIntervalMs());
                return 0;
            }
            int appended = 0;
            long due = nextDeadline.getAsLong();
            if (due <= now && now - lastTickAt >= config.tickIntervalMs()) {
                append(writer, null, new Tick(), now);
                lastTickAt = now;
                appended++;
            }
            long wait = due <= now ? config.tickIntervalMs() : Math.min(config.tickIntervalMs(), due - now);
            if (pending == null) {
                pending = queue.poll(Math.max(1, wait), TimeUnit.MILLISECONDS);
            }
            while (pending != null && !halted) {
                appendSubmission(writer, pending);
                appended++;
                pending = queue.poll();
                if (pending != null) {
                    checkClock(clock.millis());
                }
            }
            return appended;
        }

        @Override
        public void onClose() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                running = false;
                if (pending != null) {
                    pending.appended().completeExceptionally(new IllegalStateException("sequencer stopped"));
                }
                Submission left;
                while ((left = queue.poll()) != null) {
                    left.appended().completeExceptionally(new IllegalStateException("sequencer stopped"));
                }
            }
        }
    }

    /** The sequencer's alarm: it stops, and refuses every command from then on. */
    private void stopped(Throwable cause) {
        failure = cause;
        LOG.log(Level.ERROR, "ALARM sequencer stopped: " + cause.getMessage(), cause);
    }

    private void appendSubmission(ChronicleJournal.Writer writer, Submission submission) {
        try {
            long index = append(writer, submission.request(), submission.command(), clock.millis());
            submission.appended().complete(index);
        } catch (RuntimeException e) {
            submission.appended().completeExceptionally(e);
            throw e;
        }
    }

    private long append(ChronicleJournal.Writer writer, SignedRequest request, Command command, long clockNow) {
        long time = Math.max(lastTime, clockNow);
        long index = lastIndex + 1;
        CommandRecord record = request == null ? CommandRecord.unsigned(index, time, command)
                : CommandRecord.signed(index, time, request, command);
        buffer.clear();
        JournalDocuments.encode(record, JournalEncoding.current(), buffer);
        writer.append(buffer.array(), 0, buffer.position());
        lastTime = time;
        lastIndex = index;
        return index;
    }

    private void checkClock(long now) {
        if (!halted && now - lastClockReading > config.maxClockJumpMs()) {
            halted = true;
            LOG.log(Level.ERROR, "ALARM clock jumped forward by {0} ms (bound {1} ms); sequencer halted until an"
                    + " operator acknowledges", now - lastClockReading, config.maxClockJumpMs());
        }
        if (!halted) {
            lastClockReading = now;
        }
    }

    @Override
    public void close() {
        running = false;
        runner.close();
    }
}
