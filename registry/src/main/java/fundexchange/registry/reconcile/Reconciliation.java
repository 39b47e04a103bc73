package fundexchange.registry.reconcile;

import static fundexchange.registry.schema.Tables.HOLDINGS;
import static fundexchange.registry.schema.Tables.PROJECTION_WATERMARK;

import fundexchange.engine.Engine;
import fundexchange.engine.position.Position;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.runner.JournalRequests;
import fundexchange.runner.RequestKeys;
import fundexchange.registry.schema.tables.records.HoldingsRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Compares the registry's holdings with the engine's positions at an identical index: it reads the projector's
 * watermark and the holdings in one repeatable-read snapshot (so a projector running under load cannot cause a false
 * difference), replays the command journal into a fresh engine up to exactly that watermark, and reports every
 * difference in units, locked, pledged, frozen and unconfirmed units, units pending registration (rules version 9),
 * cost, and subscribed and paid-in capital.
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

    /** The compared fields, in report order. */
    static final List<String> FIELDS = List.of("units", "locked", "pledged", "frozen", "unconfirmed", "cost", "subscribed", "paidIn",
            "pendingRegistration");

    /** One position's amounts in {@link #FIELDS} order. */
    private record Amounts(List<BigDecimal> values) {
        static Amounts of(BigDecimal... values) {
            return new Amounts(List.of(values));
        }

        boolean zero() {
            return values.stream().allMatch(v -> v.signum() == 0);
        }
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
            for (HoldingsRecord row : tx.selectFrom(HOLDINGS).fetch()) {
                registry.put(row.getFundCode() + "|" + row.getHolder(), Amounts.of(row.getUnits(), row.getLocked(),
                        row.getPledged(), row.getFrozen(), row.getUnconfirmed(), row.getCost(), row.getSubscribed(),
                        row.getPaidIn(), row.getRegistering()));
            }
            return at;
        });
        Engine engine = replayTo(journals, watermark);
        TreeMap<String, Amounts> positions = new TreeMap<>();
        for (Position p : engine.snapshot().positions()) {
            positions.put(p.fundCode() + "|" + p.holder(), Amounts.of(p.units().decimal(), p.locked().decimal(),
                    p.pledged().decimal(), p.frozen().decimal(), p.unconfirmed().decimal(), p.cost().decimal(),
                    p.subscribed().decimal(), p.paidIn().decimal(), p.pendingRegistration().decimal()));
        }
        TreeMap<String, Boolean> keys = new TreeMap<>();
        positions.keySet().forEach(k -> keys.put(k, true));
        registry.keySet().forEach(k -> keys.put(k, true));
        List<Difference> differences = new ArrayList<>();
        for (String key : keys.keySet()) {
            Amounts inEngine = nonZero(positions.get(key));
            Amounts inRegistry = nonZero(registry.get(key));
            String[] parts = key.split("\\|", 2);
            for (int i = 0; i < FIELDS.size(); i++) {
                compare(differences, parts, FIELDS.get(i), inEngine == null ? null : inEngine.values().get(i),
                        inRegistry == null ? null : inRegistry.values().get(i));
            }
        }
        return new Result(watermark, keys.size(), List.copyOf(differences));
    }

    private static Engine replayTo(Journals journals, long index) {
        Engine engine;
        try (JournalRequests journaled = new JournalRequests(journals);
             Journals.TypedReader<CommandRecord> commands = journals.commandReader()) {
            engine = new Engine(journaled, RequestKeys.fresh());
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
        return amounts == null || amounts.zero() ? null : amounts;
    }

    private static void compare(List<Difference> differences, String[] key, String field, BigDecimal engine, BigDecimal registry) {
        boolean same = engine == null ? registry == null : registry != null && engine.compareTo(registry) == 0;
        if (!same) {
            differences.add(new Difference(key[0], key[1], field, engine == null ? "-" : engine.toPlainString(),
                    registry == null ? "-" : registry.toPlainString()));
        }
    }
}
