package fundexchange.registry.reconcile;

import static fundexchange.registry.schema.Tables.HOLDINGS;
import static fundexchange.registry.schema.Tables.PROJECTION_WATERMARK;

import fundexchange.engine.Engine;
import fundexchange.engine.position.Position;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Compares the registry's holdings with the engine's positions at an identical index: it reads the projector's
 * watermark and the holdings in one repeatable-read snapshot (so a projector running under load cannot cause a false
 * difference), replays the command journal into a fresh engine up to exactly that watermark, and reports every
 * difference in units, locked units and cost.
 */
public final class Reconciliation {
    /** One field of one position that differs; absent values are shown as "-". */
    public record Difference(String fundCode, String holder, String field, String engine, String registry) {
    }

    /** The index compared at, how many positions were compared, and every difference. */
    public record Result(long atIndex, int positionsCompared, List<Difference> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    private record Amounts(BigDecimal units, BigDecimal locked, BigDecimal cost) {
    }

    private Reconciliation() {
    }

    public static Result reconcile(Journals journals, DataSource dataSource) {
        TreeMap<String, Amounts> registry = new TreeMap<>();
        long watermark = DSL.using(dataSource, SQLDialect.POSTGRES).transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            long at = tx.select(PROJECTION_WATERMARK.SOURCE_INDEX).from(PROJECTION_WATERMARK)
                    .where(PROJECTION_WATERMARK.PROJECTOR.eq("registry")).fetchOptional(PROJECTION_WATERMARK.SOURCE_INDEX)
                    .orElse(0L);
            for (Record row : tx.select(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER, HOLDINGS.UNITS, HOLDINGS.LOCKED, HOLDINGS.COST)
                    .from(HOLDINGS).fetch()) {
                registry.put(row.get(HOLDINGS.FUND_CODE) + "|" + row.get(HOLDINGS.HOLDER),
                        new Amounts(row.get(HOLDINGS.UNITS), row.get(HOLDINGS.LOCKED), row.get(HOLDINGS.COST)));
            }
            return at;
        });
        Engine engine = replayTo(journals, watermark);
        TreeMap<String, Amounts> positions = new TreeMap<>();
        for (Position p : engine.snapshot().positions()) {
            positions.put(p.fundCode() + "|" + p.holder(), new Amounts(p.units().decimal(), p.locked().decimal(), p.cost().decimal()));
        }
        TreeMap<String, Boolean> keys = new TreeMap<>();
        positions.keySet().forEach(k -> keys.put(k, true));
        registry.keySet().forEach(k -> keys.put(k, true));
        List<Difference> differences = new ArrayList<>();
        for (String key : keys.keySet()) {
            Amounts inEngine = nonZero(positions.get(key));
            Amounts inRegistry = nonZero(registry.get(key));
            String[] parts = key.split("\\|", 2);
            compare(differences, parts, "units", inEngine == null ? null : inEngine.units(), inRegistry == null ? null : inRegistry.units());
            compare(differences, parts, "locked", inEngine == null ? null : inEngine.locked(), inRegistry == null ? null : inRegistry.locked());
            compare(differences, parts, "cost", inEngine == null ? null : inEngine.cost(), inRegistry == null ? null : inRegistry.cost());
        }
        return new Result(watermark, keys.size(), List.copyOf(differences));
    }

    private static Engine replayTo(Journals journals, long index) {
        Engine engine = new Engine();
        try (Journals.TypedReader<CommandRecord> commands = journals.commandReader()) {
            Optional<JournalEntry<CommandRecord>> next;
            while (engine.lastIndex() < index && (next = commands.next()).isPresent()) {
                engine.apply(next.get().value());
            }
        }
        if (engine.lastIndex() != index) {
            throw new IllegalStateException("the command journal ends at " + engine.lastIndex() + ", before the registry's watermark " + index);
        }
        return engine;
    }

    private static Amounts nonZero(Amounts amounts) {
        boolean empty = amounts == null || (amounts.units().signum() == 0 && amounts.locked().signum() == 0 && amounts.cost().signum() == 0);
        return empty ? null : amounts;
    }

    private static void compare(List<Difference> differences, String[] key, String field, BigDecimal engine, BigDecimal registry) {
        boolean same = engine == null ? registry == null : registry != null && engine.compareTo(registry) == 0;
        if (!same) {
            differences.add(new Difference(key[0], key[1], field, engine == null ? "-" : engine.toPlainString(),
                    registry == null ? "-" : registry.toPlainString()));
        }
    }
}
