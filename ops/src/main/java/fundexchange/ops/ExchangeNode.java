package fundexchange.ops;

import fundexchange.gateway.dataroom.DataRoomFiles;

import fundexchange.gateway.Gateway;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.GatewayServices;
import fundexchange.gateway.audit.Checkpointer;
import fundexchange.gateway.view.GatewayView;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.audit.AuditQueries;
import fundexchange.registry.audit.AuditTailer;
import fundexchange.registry.embedded.EmbeddedDatabase;
import fundexchange.registry.projector.Projector;
import fundexchange.registry.read.RegistryReads;
import fundexchange.runner.EngineRunner;
import fundexchange.runner.SnapshotStore;
import fundexchange.sequencer.Sequencer;
import fundexchange.sequencer.SequencerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One running exchange in one process: journals, engine, sequencer, gateway read model, registry projector, audit
 * tailer and the HTTP gateway, started in dependency order and closed in reverse.
 */
public final class ExchangeNode implements AutoCloseable {
    /** Where the registry lives: an external PostgreSQL, or the embedded one under the data directory. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Journals journals;
    private final EngineRunner engine;
    private final Projector projector;
    private final AuditTailer audit;
    private final Optional<Gateway> gateway;
    private final GatewayServices services;
    private final DataSource dataSource;
    private final Checkpointer checkpointer;
    private final Sequencer sequencer;
    private final GatewayView view;
    private final long snapshotEvery;
    private final Object checkpointRounds = new Object();
    private long checkpointRuns;
    /** How often, by default, the audit chain head is signed and journaled (docs/operations.md). */
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(60);

    /**
     * How the node runs: the audit checkpoint interval, and how many commands between engine snapshots (0: only on
     * {@code POST /ops/snapshot}).
     */
    public record Options(Duration checkpointInterval, long snapshotEvery, SequencerConfig sequencer) {
        public static final Options DEFAULTS = new Options(CHECKPOINT_INTERVAL, 100_000);

        public Options {
            if (snapshotEvery < 0) {
                throw new IllegalArgumentException("snapshot interval must not be negative");
            }
            sequencer = sequencer == null ? SequencerConfig.DEFAULTS : sequencer;
        }

        /** The default sequencer: a forward clock jump over a minute halts it until staff acknowledge it. */
        public Options(Duration checkpointInterval, long snapshotEvery) {
            this(checkpointInterval, snapshotEvery, SequencerConfig.DEFAULTS);
        }
    }

    private ExchangeNode(Path dataDirectory, Optional<Database> external, Optional<GatewayConfig> gatewayConfig,
                         Clock clock, Options options) {
        Duration checkpointInterval = options.checkpointInterval();
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpoint interval must be positive, got " + checkpointInterval);
        }
        if (!Files.isDirectory(dataDirectory.resolve("journal").resolve("commands"))) {
            throw new IllegalStateException(dataDirectory + " holds no journal; run `exchange init` first");
        }
        this.snapshotEvery = options.snapshotEvery();
        try {
            push(DirectoryLock.acquire(dataDirectory));
            Database database = external.orElseGet(() -> {
                Path postgres = dataDirectory.resolve("postgres");
                EmbeddedDatabase embedded = push(Step.run(Files.isDirectory(postgres)
                        ? "starting the embedded database / 启动内嵌数据库"
                        : "initialising the embedded database / 初始化内嵌数据库", step -> EmbeddedDatabase.start(postgres, 0)));
                return new Database(embedded.jdbcUrl(), embedded.user(), embedded.password());
            });
            dataSource = Step.run("migrating the registry schema / 迁移登记库结构", step -> {
                DataSource registry = RegistryDatabase.dataSource(database.jdbcUrl(), database.user(), database.password());
                RegistryDatabase.migrate(registry);
                return registry;
            });
            journals = push(Journals.open(dataDirectory));
            long lastIndex = journals.lastCommand().map(command -> command.index()).orElse(0L);
            engine = Step.run("replaying the journal into the engine / 重放日志 (" + lastIndex + " commands)", step -> {
                SnapshotStore snapshots = new SnapshotStore(dataDirectory.resolve("snapshots"));
                snapshots.clearStaleTempFiles(); // under the DirectoryLock taken above, before the snapshotter starts
                // a power loss can keep a (forced) snapshot and lose the journals' tail it was taken from
                snapshots.setAsideBeyond(journals.lastEvents().map(events -> events.sourceIndex()).orElse(0L));
                EngineRunner runner = push(new EngineRunner(journals, snapshots,
                        options.snapshotEvery()).observe(NodeMetrics.commandCounters()).start());
                runner.awaitReady(Duration.ofMinutes(30));
                return runner;
            });
            view = Step.run("catching the gateway's read model up / 追赶网关读模型", step -> {
                GatewayView started = push(new GatewayView(journals).start());
                awaitCatchUp(started, engine, lastIndex, step);
                return started;
            });
            RegistryReads registryReads = new RegistryReads(dataSource);
            projector = push(new Projector(journals, dataSource, registryReads.market()::invalidate));
            projector.start();
            audit = push(new AuditTailer(journals, dataSource));
            audit.start();
            sequencer = push(new Sequencer(journals, clock, options.sequencer(),
                    () -> engine.failure().isPresent() ? Long.MAX_VALUE : engine.nextDeadline()).start());
            checkpointer = new Checkpointer(dataSource, sequencer, view,
                    KeyFiles.readPrivate(dataDirectory.resolve(GenesisWriter.EXCHANGE_KEY_FILE)), GenesisWriter.EXCHANGE_KEY_ID, clock);
            services = new GatewayServices(sequencer, view, registryReads, engine, checkpointer,
                    new AuditQueries(dataSource), projector, audit,
                    dataRoom(dataDirectory, gatewayConfig.map(GatewayConfig::uploadPace)
                            .orElse(fundexchange.gateway.dataroom.UploadPace.Rate.DEFAULT)));
            gateway = gatewayConfig.map(config -> push(Gateway.start(config, clock, services)));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "checkpoints");
                thread.setDaemon(true);
                return thread;
            });
            started.push(scheduler::shutdownNow);
            scheduler.scheduleWithFixedDelay(this::checkpointQuietly, checkpointInterval.toMillis(),
                    checkpointInterval.toMillis(), TimeUnit.MILLISECONDS);
            // The data room's uploads no room registers, removed a week after their last use (DataRoomFiles), hourly
            // beside the checkpoints rather than only at the uploader's next upload.
            scheduler.scheduleWithFixedDelay(this::sweepUploadsQuietly, DataRoomFiles.SWEEP_EVERY.toMillis(),
                    DataRoomFiles.SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            started.push(NodeMetrics.publish(this, clock));
            started.push(() -> NodeMetrics.withdraw(this));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The periodic sweep of unregistered uploads; a failure is logged and the next run tries again. */
    private void sweepUploadsQuietly() {
        try {
            int removed = services.dataRoom().sweepUnregistered(services.dataRoomRegisteredOrUnknown());
            if (removed > 0) {
                System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.INFO,
                        "removed " + removed + " data-room uploads no room registers");
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.WARNING,
                    "the sweep of unregistered data-room uploads failed", e);
        }
    }

    /** The data room's document store under the data directory, with the default PDF limits and the upload pace. */
    private static DataRoomFiles dataRoom(Path dataDirectory, fundexchange.gateway.dataroom.UploadPace.Rate pace) {
        try {
            return DataRoomFiles.open(dataDirectory, fundexchange.documents.pdf.PdfLimits.DEFAULT,
                    DataRoomFiles.Quota.DEFAULT, java.time.Clock.systemUTC(), fundexchange.gateway.dataroom.UploadPace.of(pace));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open the document store under " + dataDirectory, e);
        }
    }

    /**
     * The gateway opens only once its key cache and feeds hold everything already journaled: every command, the
     * genesis included, decided by the engine and applied by the view (unless the engine halts on one, which leaves
     * reads of what was decided and refuses writes).
     */
    private static void awaitCatchUp(GatewayView view, EngineRunner engine, long index, Step step) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!view.awaitIndex(index, Duration.ofSeconds(1))) {
            step.progress(view.appliedIndex(), index);
            if (engine.failure().isPresent()) {
                return;
            }
            if (view.failure().isPresent() || System.nanoTime() > deadline) {
                throw new IllegalStateException("gateway view did not catch up to index " + index);
            }
        }
    }

    public static ExchangeNode start(Path dataDirectory, Optional<Database> external, GatewayConfig config, Clock clock) {
        return start(dataDirectory, external, config, clock, CHECKPOINT_INTERVAL);
    }

    public static ExchangeNode start(Path dataDirectory, Optional<Database> external, GatewayConfig config, Clock clock,
                                     Duration checkpointInterval) {
        return start(dataDirectory, external, config, clock, new Options(checkpointInterval, Options.DEFAULTS.snapshotEvery()));
    }

    public static ExchangeNode start(Path dataDirectory, Optional<Database> external, GatewayConfig config, Clock clock,
                                     Options options) {
        return new ExchangeNode(dataDirectory, external, Optional.of(config), clock, options);
    }

    /**
     * Everything but the HTTP server: for a server configured elsewhere with {@link #services()}, such as a
     * {@code @ServerTest}'s, through {@code Gateway.configure}.
     */
    public static ExchangeNode startWithoutGateway(Path dataDirectory, Optional<Database> external, Clock clock,
                                                   Options options) {
        return new ExchangeNode(dataDirectory, external, Optional.empty(), clock, options);
    }

    /** What a gateway serves: the write path, the read models and the node's health. */
    public GatewayServices services() {
        return services;
    }

    private <T extends AutoCloseable> T push(T component) {
        started.push(component);
        return component;
    }

    private void checkpointQuietly() {
        try {
            checkpointer.checkpointNow(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.WARNING, "checkpoint failed: " + e.getMessage());
        } finally {
            synchronized (checkpointRounds) {
                checkpointRuns++;
                checkpointRounds.notifyAll();
            }
        }
    }

    /**
     * How many times the checkpoint interval has fired since this node started, each run done: a checkpoint journaled
     * and applied by the gateway's read model, or none because nothing but checkpoints was journaled since the last.
     */
    public long checkpointRuns() {
        synchronized (checkpointRounds) {
            return checkpointRuns;
        }
    }

    /** Waits until {@link #checkpointRuns()} reaches {@code runs}; false on timeout. */
    public boolean awaitCheckpointRuns(long runs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (checkpointRounds) {
            while (checkpointRuns < runs) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(checkpointRounds, left);
            }
            return true;
        }
    }

    /** The last index appended to the command journal. */
    public long journalIndex() {
        return sequencer.lastIndex();
    }

    /** Commands between periodic engine snapshots (0: only on request). */
    public long snapshotEvery() {
        return snapshotEvery;
    }

    /** The last index the gateway's read model applied. */
    public long viewIndex() {
        return view.appliedIndex();
    }

    public Checkpointer checkpointer() {
        return checkpointer;
    }

    /** The port of the node's own gateway; none when started without one. */
    public int port() {
        return ownGateway().port();
    }

    /** The port of the node's management listener (health, metrics). */
    public int managementPort() {
        return ownGateway().managementPort();
    }

    /** The node's public listener: serving, saturated or down. */
    public fundexchange.gateway.listener.ListenerState publicListener() {
        return ownGateway().publicListener();
    }

    /** Connections open now on the node's public listener; 0 without a gateway of its own. */
    public int gatewayConnections() {
        return gateway.map(Gateway::openConnections).orElse(0);
    }

    /** A count of what the public listener did to slow or greedy clients (0 without a gateway of its own). */
    long gatewayListenerCount(java.util.function.ToLongFunction<fundexchange.gateway.listener.ListenerEvents> count) {
        return gateway.map(g -> count.applyAsLong(g.listenerEvents())).orElse(0L);
    }

    private Gateway ownGateway() {
        return gateway.orElseThrow(() -> new IllegalStateException("this node runs no gateway of its own"));
    }

    public Journals journals() {
        return journals;
    }

    public EngineRunner engine() {
        return engine;
    }

    public Projector projector() {
        return projector;
    }

    public AuditTailer audit() {
        return audit;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.WARNING, "close failed", e);
            }
        }
    }
}
