package fundexchange.agent;

/**
 * What an agent's halt does: told once, on the agent's thread, the unexpected exception that stopped its duty cycle
 * (or the first failure of its {@link Agent#onClose()}), before {@link Agent#onClose()} runs. Each component keeps its
 * own alarm: its log line ({@code ALARM <role> halted ...}), its recorded failure and the waiters it releases.
 */
@FunctionalInterface
public interface Alarm {
    void raise(Throwable cause);
}
