package fundexchange.ops;

import fundexchange.gateway.listener.ListenerState;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Looks at the public listener every period and, when it no longer listens, hands its state to {@code onDown} once
 * ({@code serve} and {@code demo} log {@code ALARM gateway listener down} and exit with {@link #EXIT_STATUS}, so that
 * the supervisor restarts the node: Helidon never reopens a listener whose accept() failed, and the journals make an
 * exit safe). A saturated listener is up: its connections time out.
 */
final class ListenerWatchdog implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(5);
    static final int EXIT_STATUS = 70;

    private final Supplier<ListenerState> listener;
    private final Consumer<ListenerState> onDown;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "listener-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private boolean down;

    ListenerWatchdog(Supplier<ListenerState> listener, Consumer<ListenerState> onDown) {
        this.listener = listener;
        this.onDown = onDown;
    }

    /** Checks every {@code period} from now on. */
    ListenerWatchdog start(Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("listener check period must be positive, got " + period);
        }
        scheduler.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look; false once the listener was found down (and {@code onDown} told, the first time only). */
    synchronized boolean check() {
        if (!down) {
            ListenerState state = listener.get();
            if (state.status() == ListenerState.Status.DOWN) {
                down = true;
                onDown.accept(state);
            }
        }
        return !down;
    }

    /** What {@code serve} and {@code demo} do when the listener is down. */
    static void exitForSupervisor(ListenerState state) {
        System.getLogger(ListenerWatchdog.class.getName()).log(System.Logger.Level.ERROR,
                "ALARM gateway listener down (" + state.describe() + "); exiting with status " + EXIT_STATUS
                        + " so that the supervisor restarts the node");
        System.exit(EXIT_STATUS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
