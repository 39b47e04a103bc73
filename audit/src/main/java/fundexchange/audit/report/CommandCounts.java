package fundexchange.audit.report;

/**
 * The day's commands by outcome: {@code total = accepted + rejected + duplicate + ticks}; {@code accepted} leaves out
 * the unsigned {@code Tick}s, which are always accepted and counted apart.
 */
public record CommandCounts(long total, long accepted, long rejected, long duplicate, long ticks) {
}
