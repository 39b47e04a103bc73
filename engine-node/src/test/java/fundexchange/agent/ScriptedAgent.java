package fundexchange.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An agent that plays a script of cycles and records what its runner called, on which thread. With the script played
 * it waits once (parked, no spinning) until its runner stops running, then returns 0.
 */
final class ScriptedAgent implements Agent {
    /** One duty cycle: its work count, or a throw. */
    @FunctionalInterface
    interface Cycle {
        int run() throws InterruptedException;
    }

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Integer> workCounts = new CopyOnWriteArrayList<>();
    final List<Throwable> alarms = new CopyOnWriteArrayList<>();
    final IdleStrategy idle = workCounts::add;
    final Alarm alarm = alarms::add;
    private final String role;
    private final Deque<Cycle> script;
    private final Semaphore played = new Semaphore(0);
    private volatile AgentRunner runner;
    private volatile boolean daemon;
    RuntimeException startFailure;
    RuntimeException closeFailure;

    ScriptedAgent(String role, Cycle... script) {
        this.role = role;
        this.script = new ArrayDeque<>(List.of(script));
    }

    /** A runner of this agent, idling and alarming into its records. */
    AgentRunner runner(boolean daemon) {
        runner = new AgentRunner(this, idle, alarm, AgentRunnerTest.HANG_GUARD, daemon);
        return runner;
    }

    @Override
    public String roleName() {
        return role;
    }

    @Override
    public void onStart() {
        daemon = Thread.currentThread().isDaemon();
        calls.add("start on " + Thread.currentThread().getName());
        if (startFailure != null) {
            throw startFailure;
        }
    }

    @Override
    public int doWork() throws InterruptedException {
        calls.add("work");
        Cycle next = script.poll();
        if (next != null) {
            return next.run();
        }
        played.release();
        while (runner.running()) {
            LockSupport.park(this);
        }
        return 0;
    }

    @Override
    public void onClose() {
        calls.add("close on " + Thread.currentThread().getName());
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    boolean ranOnDaemonThread() {
        return daemon;
    }

    /** Blocks until the script is played and the agent waits for its runner to stop. */
    void awaitPlayed() throws InterruptedException {
        if (!played.tryAcquire(AgentRunnerTest.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the agent never finished its script"); // a hang guard only
        }
    }
}
