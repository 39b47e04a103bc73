package fundexchange.agent;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Owns the one thread an {@link Agent} runs on, named after its role: {@link Agent#onStart()}, then
 * {@link Agent#doWork()} with the {@link IdleStrategy} after each cycle, until {@link #close()}; then
 * {@link Agent#onClose()}. An unexpected exception halts the agent: the {@link Alarm} is raised once, the cycle ends
 * and the agent is closed; nothing restarts it (a component that rides out a failure, as the projections ride out a
 * restarting database, does so inside its own cycle). {@link #close()} never interrupts the thread (an interrupt
 * closes a Chronicle file channel): it asks the cycle to end, unparks the thread and joins it for a bounded time.
 */
public final class AgentRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AgentRunner.class.getName());

    private final Agent agent;
    private final IdleStrategy idle;
    private final Alarm alarm;
    private final Duration closeTimeout;
    private final Thread thread;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean running;
    private boolean started;
    private boolean closing;

    /**
     * @param closeTimeout how long {@link #close()} waits for the thread to end
     * @param daemon       whether the agent's thread is a daemon thread
     */
    public AgentRunner(Agent agent, IdleStrategy idle, Alarm alarm, Duration closeTimeout, boolean daemon) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.idle = Objects.requireNonNull(idle, "idle strategy");
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("close timeout must not be negative, got " + closeTimeout);
        }
        this.closeTimeout = closeTimeout;
        this.thread = new Thread(this::run, agent.roleName());
        thread.setDaemon(daemon);
    }

    /** Starts the agent's thread; a second call does nothing. Throws once the runner is closed. */
    public AgentRunner start() {
        lifecycle.lock();
        try {
            if (closing) {
                throw new IllegalStateException(agent.roleName() + " is closed");
            }
            if (!started) {
                started = true;
                running = true;
                thread.start();
            }
            return this;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Whether the duty cycle goes on: from {@link #start()} until a close is asked or the agent halts or ends. */
    public boolean running() {
        return running;
    }

    private void run() {
        Throwable halt = null;
        try {
            agent.onStart();
            while (running) {
                idle.idle(agent.doWork());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable unexpected) {
            halt = unexpected;
            raise(unexpected);
        } finally {
            running = false;
            try {
                agent.onClose();
            } catch (Throwable failure) {
                if (halt == null) {
                    raise(failure);
                } else {
                    LOG.log(Level.WARNING, agent.roleName() + " also failed to close after its halt: " + failure,
                            failure);
                }
            } finally {
                closed.countDown();
            }
        }
    }

    private void raise(Throwable cause) {
        try {
            alarm.raise(cause);
        } catch (Throwable failure) {
            cause.addSuppressed(failure);
            LOG.log(Level.ERROR, "ALARM " + agent.roleName() + " halted and its alarm failed: " + cause.getMessage(),
                    cause);
        }
    }

    /**
     * Waits until the agent is closed (its thread has run {@link Agent#onClose()}, or a runner closed before it
     * started has); false if {@code timeout} passes first or the caller is interrupted.
     */
    public boolean awaitClosed(Duration timeout) {
        try {
            return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Ends the duty cycle after the current one and waits up to the close timeout for the agent to close; idempotent.
     * A runner never started closes its agent here, on the calling thread.
     */
    @Override
    public void close() {
        boolean neverStarted;
        boolean join;
        lifecycle.lock();
        try {
            running = false;
            neverStarted = !started && !closing;
            join = started;
            closing = true;
        } finally {
            lifecycle.unlock();
        }
        if (neverStarted) {
            try {
                agent.onClose();
            } finally {
                closed.countDown();
            }
        } else if (join && Thread.currentThread() != thread) {
            LockSupport.unpark(thread);
            if (!awaitClosed(closeTimeout)) {
                LOG.log(Level.WARNING, agent.roleName() + " did not stop within " + closeTimeout);
            }
        }
    }
}
