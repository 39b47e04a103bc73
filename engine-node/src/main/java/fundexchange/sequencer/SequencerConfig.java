package fundexchange.sequencer;

/**
 * Sequencer settings, validated at construction.
 *
 * @param tickIntervalMs  how often a {@code Tick} is appended while a deadline is due
 * @param maxClockJumpMs  a forward clock jump larger than this halts appending until an operator acknowledges
 * @param queueCapacity   submissions waiting to be appended before new ones are refused
 */
public record SequencerConfig(long tickIntervalMs, long maxClockJumpMs, int queueCapacity) {
    public static final SequencerConfig DEFAULTS = new SequencerConfig(100, 60_000, 65_536);

    public SequencerConfig {
        if (tickIntervalMs <= 0 || maxClockJumpMs <= tickIntervalMs || queueCapacity <= 0) {
            throw new IllegalArgumentException("sequencer: need tick-interval-ms > 0, max-clock-jump-ms > tick-interval-ms"
                    + " and queue-capacity > 0, got " + this);
        }
    }
}
