package fundexchange.gateway.stream;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.gateway.view.FeedStore;
import fundexchange.gateway.view.GatewayView;
import fundexchange.protocol.EventDocument;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's open live streams (docs/api.md, Live stream): it admits a stream within the caps, wakes the streams
 * whose feed a document added to (told by the view's thread, which it never blocks: each wake releases a permit), sends
 * heartbeats and cuts off a stream whose write stays blocked for a whole heartbeat interval. Each stream writes from its
 * own request thread and holds at most one page of its feed in memory, read from the shared {@link FeedStore} by
 * cursor; nothing is queued per stream, so a slow reader costs nobody else anything. Registered on the routing, it
 * follows the server's lifecycle: it listens to the view and starts its heartbeat timer before the server starts, and
 * ends every stream after it stops.
 */
public final class StreamHub implements HttpService, GatewayView.FeedListener {
    private static final System.Logger LOG = System.getLogger(StreamHub.class.getName());
    /** Why every stream ends when the view dropped the hub after it failed: reconnect. */
    static final StreamSession.Closing LISTENER_FAILED = new StreamSession.Closing(503, 110,
            "the gateway's live streams failed; reconnect later / 实时流出错，请稍后重新连接");
    /** A stream's end when the gateway stops. */
    public static final StreamSession.Closing STOPPING = new StreamSession.Closing(503, 110, "the gateway is stopping; reconnect later");

    private final Subscription subscription;
    private final int perParticipant;
    private final int total;
    private final Duration heartbeat;
    private final boolean scheduled;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<StreamSession>> byViewer = new ConcurrentHashMap<>();
    private final Map<String, Set<StreamSession>> byParticipant = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private ScheduledExecutorService timer;

    /**
     * @param perParticipant streams one participant may hold
     * @param total          streams the gateway holds
     * @param heartbeat      the interval of the heartbeat timer
     * @param scheduled      false: heartbeats only by {@link #tick()}
     */
    public StreamHub(GatewayView view, int perParticipant, int total, Duration heartbeat, boolean scheduled) {
        this(new Subscription() {
            @Override
            public void start(GatewayView.FeedListener listener) {
                view.listen(listener);
            }

            @Override
            public void stop(GatewayView.FeedListener listener) {
                view.unlisten(listener);
            }
        }, perParticipant, total, heartbeat, scheduled);
    }

    /** How the hub hears of applied documents: the view's listener list (a test gives none). */
    interface Subscription {
        void start(GatewayView.FeedListener listener);

        void stop(GatewayView.FeedListener listener);
    }

    StreamHub(Subscription subscription, int perParticipant, int total, Duration heartbeat, boolean scheduled) {
        this.subscription = subscription;
        this.perParticipant = perParticipant;
        this.total = total;
        this.heartbeat = heartbeat;
        this.scheduled = scheduled;
    }

    /** The heartbeat interval. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** A refusal to open a stream: the caps are reached. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean participantCap;

        Refused(boolean participantCap, String message) {
            super(message, null, false, false);
            this.participantCap = participantCap;
        }

        /** True when the participant's own cap refused it (429), false when the gateway's (503). */
        public boolean participantCap() {
            return participantCap;
        }
    }

    /**
     * Admits a stream of {@code participantId} signed with {@code keyId}, reading {@code viewer}'s feed on
     * {@code thread}.
     *
     * @throws Refused when the participant or the gateway holds its cap of streams
     */
    public synchronized StreamSession open(String participantId, String keyId, String viewer, Thread thread) {
        int own = counts.getOrDefault(participantId, 0);
        if (own >= perParticipant) {
            throw new Refused(true, "you hold " + own + " open streams, the most one participant may; close one (one"
                    + " stream per browser, shared by its tabs) / 您已打开 " + own + " 个实时流，已达上限");
        }
        if (sessions.size() >= total) {
            throw new Refused(false, "the gateway holds " + sessions.size() + " open streams, its most; retry later"
                    + " / 网关实时流已满，请稍后重试");
        }
        StreamSession session = new StreamSession(participantId, keyId, viewer, thread);
        counts.put(participantId, own + 1);
        sessions.add(session);
        byViewer.computeIfAbsent(viewer, v -> ConcurrentHashMap.newKeySet()).add(session);
        byParticipant.computeIfAbsent(participantId, p -> ConcurrentHashMap.newKeySet()).add(session);
        return session;
    }

    /** The stream has ended: its place is free. */
    public synchronized void remove(StreamSession session) {
        if (!sessions.remove(session)) {
            return;
        }
        counts.computeIfPresent(session.participantId(), (p, n) -> n == 1 ? null : n - 1);
        byViewer.computeIfPresent(session.viewer(), (v, set) -> set.remove(session) && set.isEmpty() ? null : set);
        byParticipant.computeIfPresent(session.participantId(), (p, set) -> set.remove(session) && set.isEmpty() ? null : set);
    }

    /** Streams open now. */
    public int open() {
        return sessions.size();
    }

    /** Streams {@code participantId} holds open now (what its cap counts). */
    public synchronized int openOf(String participantId) {
        return counts.getOrDefault(participantId, 0);
    }

    /** The current heartbeat tick; a stream stamps its writes with it. */
    public long tickNow() {
        return ticks.get();
    }

    @Override
    public void applied(EventDocument doc, Set<String> viewers) {
        if (sessions.isEmpty()) {
            return;
        }
        for (String viewer : viewers) {
            wake(byViewer.get(viewer));
        }
        for (Event event : doc.events()) {
            // The owner's streams look at their key's standing (the feed of a staff member's stream is "*").
            if (event instanceof KeyRevoked revoked) {
                wake(byParticipant.get(revoked.participantId()));
            }
            if (event instanceof ParticipantSuspended suspended) {
                wake(byParticipant.get(suspended.participantId()));
            }
        }
    }

    /** The view dropped this hub (it failed to take a document): every stream ends, for clients to reconnect. */
    @Override
    public void dropped(RuntimeException cause) {
        closeAll(LISTENER_FAILED);
    }

    private static void wake(Set<StreamSession> group) {
        if (group != null) {
            group.forEach(StreamSession::signal);
        }
    }

    /**
     * One heartbeat: every stream is asked to send one, and a stream whose write has been blocked since the tick
     * before the last is cut off. The gateway's timer calls it every {@link #heartbeat()}; tests call it themselves.
     *
     * @return how many streams were cut off
     */
    public int tick() {
        long tick = ticks.incrementAndGet();
        int cut = 0;
        for (StreamSession session : sessions) {
            if (session.cutOffIfStuck(tick)) {
                cut++;
                LOG.log(System.Logger.Level.INFO, "stream of " + session.participantId() + " cut off: its client reads"
                        + " nothing for a heartbeat interval or more");
            }
            session.heartbeat();
        }
        return cut;
    }

    /** Ends every stream, each with {@code reason}. */
    public void closeAll(StreamSession.Closing reason) {
        sessions.forEach(session -> session.close(reason));
    }

    /** The open stream of a participant's feed, for tests; empty if there is none or several. */
    public Optional<StreamSession> only(String participantId) {
        Set<StreamSession> group = byParticipant.getOrDefault(participantId, Set.of());
        return group.size() == 1 ? group.stream().findFirst() : Optional.empty();
    }

    @Override
    public void routing(HttpRules rules) {
        // no routes: registered to follow the server's lifecycle (the route is in Routes)
    }

    @Override
    public synchronized void beforeStart() {
        subscription.start(this);
        if (scheduled && timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "stream-heartbeats");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1, heartbeat.toMillis());
            timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void afterStop() {
        subscription.stop(this);
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        closeAll(STOPPING);
    }
}
