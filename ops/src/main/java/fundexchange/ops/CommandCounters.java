package fundexchange.ops;

import fundexchange.protocol.Refusals;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.refusal.Refusal;
import fundexchange.runner.EngineRunner;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the commands the engine decides, {@code exchange_commands_total{type, outcome}}, and the rejected ones by
 * reject code, {@code exchange_command_rejects_total{reason}}: every series registered up front (each command type
 * by each outcome, each refusal of {@code Refusals.all()}, a mechanism's own included), so the engine thread pays a
 * class lookup, a map lookup and an increment.
 * A duplicate counts as {@code duplicate} only (its original's reject was counted when it was decided).
 */
final class CommandCounters implements EngineRunner.Decisions {
    private static final OutcomeStatus[] STATUSES = OutcomeStatus.values();
    private final ClassValue<Counter[]> byType;
    private final Map<String, Counter> rejects = new HashMap<>();

    CommandCounters(MeterRegistry registry) {
        Map<Class<?>, Counter[]> counters = new HashMap<>();
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            Counter[] byStatus = new Counter[STATUSES.length];
            for (OutcomeStatus status : STATUSES) {
                byStatus[status.ordinal()] = registry.getOrCreate(Counter.builder("exchange_commands_total")
                        .description("commands the engine decided since the process started, by type and outcome")
                        .tags(List.of(Tag.create("type", type.getSimpleName()),
                                Tag.create("outcome", status.name().toLowerCase(Locale.ROOT)))));
            }
            counters.put(type, byStatus);
        }
        byType = new ClassValue<>() {
            @Override
            protected Counter[] computeValue(Class<?> type) {
                return counters.get(type);
            }
        };
        for (Refusal code : Refusals.all()) {
            rejects.put(code.name(), registry.getOrCreate(Counter.builder("exchange_command_rejects_total")
                    .description("commands the engine rejected since the process started, by reject code")
                    .tags(List.of(Tag.create("reason", code.name())))));
        }
    }

    @Override
    public void decided(Command command, Outcome outcome) {
        Counter[] counters = byType.get(command.getClass());
        if (counters != null) {
            counters[outcome.status().ordinal()].increment();
        }
        if (outcome.status() == OutcomeStatus.REJECTED) {
            Counter reject = rejects.get(outcome.reason());
            if (reject != null) {
                reject.increment();
            }
        }
    }
}
