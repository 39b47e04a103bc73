package fundexchange.agent;

/**
 * One component's duty cycle, run on its own thread by an {@link AgentRunner}: {@link #onStart()} once, then
 * {@link #doWork()} until the runner is closed or the agent halts, then {@link #onClose()} once. Every method is called
 * on the agent's thread (Chronicle readers and writers are confined to the thread that opened them), except
 * {@link #onClose()} of a runner closed before it started, which runs on the closing thread.
 */
public interface Agent {
    /** Opens what the duty cycle needs (readers, writers, a replay); a throw halts the agent before any work. */
    default void onStart() {
    }

    /**
     * Does one cycle of work and returns how much it did; 0 lets the runner's {@link IdleStrategy} wait. An agent
     * that waits by itself (on a queue, through a pause) returns non-zero for that cycle, or uses
     * {@link IdleStrategy#none()}.
     * An unexpected exception halts the agent: the runner raises its {@link Alarm} once and closes. An
     * {@link InterruptedException} ends the cycle quietly.
     */
    int doWork() throws InterruptedException;

    /** Releases what {@link #onStart()} opened (whatever of it was opened) and fails what still waits on the agent. */
    default void onClose() {
    }

    /** The thread's name, and how alarms name the agent. */
    String roleName();
}
