package fundexchange.gateway.view;

import fundexchange.agent.Agent;
import fundexchange.agent.AgentRunner;
import fundexchange.agent.IdleStrategy;
import fundexchange.agent.SpinYieldPark;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import java.lang.System.Logger.Level;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's read models, projected from the event journal by one tailer thread (CONTRACTS.md 6): the key
 * cache, the feeds, the request index behind {@code /requests/{clientRequestId}}, and the waiters of write requests.
 * A document is applied to every read model before any waiter sees it.
 */
public final class GatewayView implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GatewayView.class.getName());
    private static final int RECENT_DOCUMENTS = 100_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Journals journals;
    private final String platformId;
    /** The rules version the genesis records (it never changes for a journal). */
    private final int rulesVersion;
    private final KeyCache keys = new KeyCache();
    private final KeyHistory keyHistory = new KeyHistory();
    private final FeedStore feeds = new FeedStore();
    private final FeedShaper shaper = new FeedShaper();
    private final ConcurrentHashMap<String, EventDocument> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, CompletableFuture<EventDocument>> waiters = new ConcurrentHashMap<>();
    private final Map<Long, EventDocument> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, EventDocument> eldest) {
            return size() > RECENT_DOCUMENTS;
        }
    };
    private final FeedListeners listeners = new FeedListeners();
    /** The feeds the document being applied added to; the view's thread reuses it for every document. */
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private final java.util.concurrent.CopyOnWriteArrayList<Map<String, Object>> checkpoints = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AgentRunner runner;
    private final fundexchange.registry.tail.IndexWaiters applied = new fundexchange.registry.tail.IndexWaiters();
    private volatile long requestWindowMs = fundexchange.protocol.reference.PlatformParameters.DEFAULTS.requestWindowMs();
    private volatile ZoneId zone = ZoneId.of(fundexchange.protocol.reference.PlatformParameters.DEFAULTS.zone());
    /** The zone in force from each index on: the default from 0, then each journaled change of {@code zone}. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, ZoneId> zones = new java.util.concurrent.ConcurrentSkipListMap<>(
            Map.of(0L, ZoneId.of(fundexchange.protocol.reference.PlatformParameters.DEFAULTS.zone())));
    private volatile long journalTime;
    private volatile Throwable failure;

    /** @throws IllegalStateException if the command journal does not begin with a genesis naming a valid platform */
    public GatewayView(Journals journals) {
        this.journals = journals;
        GenesisPlatform genesis = GenesisPlatform.of(journals);
        this.platformId = genesis.platformId();
        this.rulesVersion = genesis.rulesVersion();
        // Idle: parks 20 µs on each of the first 99 empty polls in a row, then 500 µs.
        IdleStrategy idle = new SpinYieldPark(0, 0, 99, Duration.ofNanos(20_000), Duration.ofNanos(500_000));
        this.runner = new AgentRunner(new Follower(), idle, this::halt, CLOSE_TIMEOUT, Thread.currentThread().isDaemon());
    }

    public GatewayView start() {
        runner.start();
        return this;
    }

    /** The view's duty cycle: applies the next event document if the journal holds one (1), or finds none (0). */
    private final class Follower implements Agent {
        private Journals.TypedReader<EventDocument> reader;

        @Override
        public String roleName() {
            return "gateway-view";
        }

        @Override
        public void onStart() {
            reader = journals.eventReader();
        }

        @Override
        public int doWork() {
            Optional<JournalEntry<EventDocument>> next = reader.next();
            if (next.isEmpty()) {
                return 0;
            }
            apply(next.get().value());
            return 1;
        }

        @Override
        public void onClose() {
            try {
                if (reader != null) {
                    reader.close();
                }
            } finally {
                applied.stop();
            }
        }
    }

    /** The view's alarm: it halts, and the gateway refuses reads and writes (its key cache would be stale). */
    private void halt(Throwable cause) {
        failure = cause;
        LOG.log(Level.ERROR, "ALARM gateway view halted after index " + applied.index() + ": " + cause.getMessage(), cause);
    }

    void apply(EventDocument doc) {
        for (Event event : doc.events()) {
            switch (event) {
                case KeyEvent e -> {
                    keys.apply(e);
                    keyHistory.apply(e, doc.sourceIndex());
                }
                case ParticipantEvent e -> keys.apply(e);
                case PlatformEvent e -> platform(doc, e);
                case HoldingEvent e -> { }
                case ListingEvent e -> { }
                case TradeEvent e -> { }
                case BookEvent e -> { }
                case IntentEvent e -> { }
                case fundexchange.protocol.event.StateOwnedEvent e -> { }
                case fundexchange.protocol.event.DocumentEvent d -> { }
                case fundexchange.protocol.event.CashEvent c -> { }
            }
        }
        java.util.Set<String> viewers = listeners.isEmpty() ? null : touched;
        if (viewers != null) {
            viewers.clear();
        }
        shaper.shape(doc, viewers == null ? feeds::add : (viewer, entry) -> {
            feeds.add(viewer, entry);
            viewers.add(viewer);
        });
        if (doc.participant() != null && doc.outcome().status() != OutcomeStatus.DUPLICATE) {
            // A later refusal of the same id (different body, stale timestamp) never hides the original outcome.
            requests.merge(requestKey(doc.participant(), doc.clientRequestId()), doc,
                    (earlier, later) -> later.outcome().status() == OutcomeStatus.ACCEPTED ? later : earlier);
        }
        synchronized (recent) {
            recent.put(doc.sourceIndex(), doc);
        }
        journalTime = doc.time();
        applied.advance(doc.sourceIndex());
        CompletableFuture<EventDocument> waiter = waiters.remove(doc.sourceIndex());
        if (waiter != null) {
            waiter.complete(doc);
        }
        if (viewers != null) {
            listeners.applied(doc, viewers); // each isolated: a failing listener never halts the view
        }
    }

    /** The request window and zone parameters, and the checkpoints; the rest of the platform's data is the engine's. */
    private void platform(EventDocument doc, PlatformEvent event) {
        switch (event) {
            case PlatformParameterSet p -> {
                if (p.name().equals("request-window-ms")) {
                    requestWindowMs = Long.parseLong(p.value());
                }
                if (p.name().equals("zone")) {
                    zone = zoneOr(p.value(), zone);
                    zones.put(doc.sourceIndex(), zone);
                }
            }
            case CheckpointRecorded checkpoint -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("sourceIndex", doc.sourceIndex());
                entry.put("time", doc.time());
                entry.put("checkpoint", checkpoint);
                checkpoints.add(entry);
            }
            case HolidaysSet e -> { }
            case FundRegistered e -> { }
            case TransferTermsSet e -> { }
            case fundexchange.protocol.event.MarketDataConsentSet e -> { }
            case NavUpdated e -> { }
            case ProposalCreated e -> { }
            case ProposalApproved e -> { }
            case ProposalExpired e -> { }
        }
    }

    /**
     * Told of each document after every read model applied it, on the view's thread: it must return at once (the live
     * streams only signal their own threads).
     */
    @FunctionalInterface
    public interface FeedListener {
        /**
         * {@code doc} is applied; {@code viewers} are the feeds (participant ids, or {@link FeedStore#EVERYTHING}) it
         * added to, valid only during the call.
         */
        void applied(EventDocument doc, java.util.Set<String> viewers);

        /** {@link #applied} threw {@code cause}: this listener hears of nothing more (a hub ends its streams). */
        default void dropped(RuntimeException cause) {
        }
    }

    /** Tells {@code listener} of every document applied from now on. */
    public void listen(FeedListener listener) {
        listeners.add(listener);
    }

    public void unlisten(FeedListener listener) {
        listeners.remove(listener);
    }

    /** Completes with the event document of {@code sourceIndex}. */
    public CompletableFuture<EventDocument> documentAt(long sourceIndex) {
        CompletableFuture<EventDocument> waiter = waiters.computeIfAbsent(sourceIndex, i -> new CompletableFuture<>());
        if (applied.index() >= sourceIndex) {
            waiters.remove(sourceIndex);
            recentDocument(sourceIndex).ifPresent(waiter::complete);
        }
        return waiter;
    }

    public Optional<EventDocument> recentDocument(long sourceIndex) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(sourceIndex));
        }
    }

    /** The latest decided (non-duplicate) document of a participant's clientRequestId. */
    public Optional<EventDocument> request(String participant, String clientRequestId) {
        return Optional.ofNullable(requests.get(requestKey(participant, clientRequestId)));
    }

    private static String requestKey(String participant, String clientRequestId) {
        return participant + "\u0000" + clientRequestId;
    }

    /** Every journaled checkpoint, in journal order. */
    public java.util.List<Map<String, Object>> checkpoints() {
        return java.util.List.copyOf(checkpoints);
    }

    /** Every key registered so far, with the indices that registered and revoked it. */
    public KeyHistory keyHistory() {
        return keyHistory;
    }

    /** The platform id of the genesis, which every signature must be bound to (docs/api-signing.md). */
    public String platformId() {
        return platformId;
    }

    /** The rules version the genesis records, by which the engine decides this journal. */
    public int rulesVersion() {
        return rulesVersion;
    }

    /** The journals this view follows (read side only). */
    public Journals journals() {
        return journals;
    }

    public KeyCache keys() {
        return keys;
    }

    public FeedStore feeds() {
        return feeds;
    }

    /** Stops waiting for a document (the request answered 202). */
    public void forget(long sourceIndex) {
        waiters.remove(sourceIndex);
    }

    /** The platform's window W as last journaled (CONTRACTS.md 8). */
    public long requestWindowMs() {
        return requestWindowMs;
    }

    /** The platform zone (the parameter {@code zone}) as of the last applied document. */
    public java.time.ZoneId zone() {
        return zone;
    }

    /**
     * The platform zone in force at journal index {@code index} (the last {@code zone} journaled at or before it), so a
     * later change of the parameter does not re-date what happened before it.
     *
     * @throws IllegalStateException if the view has not yet applied {@code index}
     */
    public java.time.ZoneId zoneAt(long index) {
        if (index > appliedIndex()) {
            throw new IllegalStateException("the view has applied index " + appliedIndex() + ", not yet " + index);
        }
        return zones.floorEntry(index).getValue();
    }

    /** The business date of the last applied document: its journal time in the platform zone (CONTRACTS.md 2). */
    public LocalDate businessDate() {
        return Instant.ofEpochMilli(journalTime).atZone(zone).toLocalDate();
    }

    private static ZoneId zoneOr(String value, ZoneId fallback) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    /** Why the view stopped following the journal, if it did; a stale key cache must not authenticate anyone. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public long appliedIndex() {
        return applied.index();
    }

    /**
     * Waits until this view has applied {@code index} (a read's {@code minIndex}); false if {@code timeout} passes
     * first or the view stops.
     */
    public boolean awaitIndex(long index, java.time.Duration timeout) {
        return applied.await(index, timeout);
    }

    /** How many reads wait in {@link #awaitIndex} now. */
    public int waiting() {
        return applied.waiting();
    }

    @Override
    public void close() {
        runner.close();
    }
}
