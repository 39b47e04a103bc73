package fundexchange.agent;

/** How an agent's thread waits between duty cycles, given the work each cycle did. */
@FunctionalInterface
public interface IdleStrategy {
    /** Called after every cycle: waits (or not) when {@code workCount} is 0, and starts over when it is not. */
    void idle(int workCount);

    /** Never waits: for an agent that waits inside {@link Agent#doWork()} itself (the sequencer on its queue). */
    static IdleStrategy none() {
        return workCount -> { };
    }

    /** Spins ({@code Thread.onSpinWait()}) on every empty cycle, keeping a core to itself. */
    static IdleStrategy busySpin() {
        return workCount -> {
            if (workCount == 0) {
                Thread.onSpinWait();
            }
        };
    }
}
