package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.HOLDINGS;

import fundexchange.registry.schema.tables.records.HoldingsRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.InsertSetMoreStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The holdings and holder counts a transaction changes, summed per {@code (fund, holder)} in memory and written once
 * at its end: one upsert or update per holding touched, then the deletion of emptied ones. The table's constraints
 * judge the final rows; a failure rolls the transaction back and {@link ProjectionSession} re-applies its documents
 * one by one to name the index.
 */
final class HoldingChanges {
    /** A holding column a document changes by a signed amount. */
    enum Column {
        UNITS(HOLDINGS.UNITS), LOCKED(HOLDINGS.LOCKED), COST(HOLDINGS.COST), SUBSCRIBED(HOLDINGS.SUBSCRIBED),
        PAID_IN(HOLDINGS.PAID_IN), UNCONFIRMED(HOLDINGS.UNCONFIRMED), PLEDGED(HOLDINGS.PLEDGED), FROZEN(HOLDINGS.FROZEN),
        REGISTERING(HOLDINGS.REGISTERING);

        private final Field<BigDecimal> field;

        Column(Field<BigDecimal> field) {
            this.field = field;
        }
    }

    private record Holding(String fundCode, String holder) {
    }

    private static final class Change {
        final Map<Column, BigDecimal> deltas = new EnumMap<>(Column.class);
        boolean created;
        boolean dropIfEmpty;

        BigDecimal delta(Column column) {
            return deltas.getOrDefault(column, BigDecimal.ZERO);
        }
    }

    private final Map<Holding, Change> changes = new LinkedHashMap<>();
    private final Map<String, Integer> holderCounts = new LinkedHashMap<>();

    /** Adds to a holding, creating it if the registry has none. */
    void add(String fundCode, String holder, Map<Column, BigDecimal> amounts) {
        Change change = change(fundCode, holder);
        change.created = true;
        amounts.forEach((column, amount) -> change.deltas.merge(column, amount, BigDecimal::add));
    }

    /** Changes a holding the registry must already hold (or that this transaction creates). */
    void change(String fundCode, String holder, Column column, BigDecimal delta) {
        if (delta.signum() != 0) {
            change(fundCode, holder).deltas.merge(column, delta, BigDecimal::add);
        } else {
            change(fundCode, holder);
        }
    }

    /** Deletes the holding at the end if every amount is then zero, as the engine does after a sale. */
    void dropIfEmpty(String fundCode, String holder) {
        change(fundCode, holder).dropIfEmpty = true;
    }

    void holderCount(String fundCode, int holderCount) {
        holderCounts.put(fundCode, holderCount);
    }

    private Change change(String fundCode, String holder) {
        return changes.computeIfAbsent(new Holding(fundCode, holder), h -> new Change());
    }

    private static final List<Field<?>> AMOUNTS = Arrays.stream(Column.values()).<Field<?>>map(column -> column.field).toList();
    private static final List<Field<?>> KEY = List.of(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER);
    /** Creates a holding, or adds to it: fund, holder, then one amount per {@link Column}. */
    private static final Template UPSERT = Template.of("holdings.upsert", dsl -> {
        InsertSetMoreStep<HoldingsRecord> insert = dsl.insertInto(HOLDINGS)
                .set(HOLDINGS.FUND_CODE, Template.placeholder(HOLDINGS.FUND_CODE))
                .set(HOLDINGS.HOLDER, Template.placeholder(HOLDINGS.HOLDER));
        for (Column column : Column.values()) {
            insert = insert.set(column.field, Template.placeholder(column.field));
        }
        InsertOnDuplicateSetMoreStep<HoldingsRecord> update = insert.onConflict(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER)
                .doUpdate().set(HOLDINGS.UNITS, HOLDINGS.UNITS.plus(DSL.excluded(HOLDINGS.UNITS)));
        for (Column column : Column.values()) {
            update = update.set(column.field, column.field.plus(DSL.excluded(column.field)));
        }
        return update;
    }, concat(KEY, AMOUNTS));
    /** Adds to an existing holding: one amount per {@link Column}, then fund and holder. */
    private static final Template UPDATE = Template.of("holdings.update", dsl -> {
        UpdateSetMoreStep<HoldingsRecord> update = dsl.update(HOLDINGS)
                .set(HOLDINGS.UNITS, HOLDINGS.UNITS.plus(Template.placeholder(HOLDINGS.UNITS)));
        for (Column column : Column.values()) {
            update = update.set(column.field, column.field.plus(Template.placeholder(column.field)));
        }
        return update.where(HOLDINGS.FUND_CODE.eq(Template.placeholder(HOLDINGS.FUND_CODE)),
                HOLDINGS.HOLDER.eq(Template.placeholder(HOLDINGS.HOLDER)));
    }, concat(AMOUNTS, KEY));
    /** Deletes a holding whose amounts are all zero: fund, holder, then zero per {@link Column}. */
    private static final Template DROP = Template.of("holdings.drop", dsl -> {
        List<Condition> where = new ArrayList<>();
        where.add(HOLDINGS.FUND_CODE.eq(Template.placeholder(HOLDINGS.FUND_CODE)));
        where.add(HOLDINGS.HOLDER.eq(Template.placeholder(HOLDINGS.HOLDER)));
        for (Column column : Column.values()) {
            where.add(column.field.eq(Template.placeholder(column.field)));
        }
        return dsl.deleteFrom(HOLDINGS).where(where);
    }, concat(KEY, AMOUNTS));
    private static final Template HOLDER_COUNT = Template.update("funds.holder_count", FUNDS, List.of(FUNDS.HOLDER_COUNT),
            List.of(FUNDS.CODE));

    /** Writes the summed changes through {@code batch} (flushed here) and forgets them. */
    void flush(StatementBatch batch) {
        List<Holding> drops = new ArrayList<>();
        changes.forEach((holding, change) -> {
            String key = "H:" + holding.fundCode() + "/" + holding.holder();
            String what = "holding of " + holding.holder() + " in " + holding.fundCode();
            if (change.created) {
                batch.rows(UPSERT, upsert(holding, change), StatementBatch.ANY, what, List.of(key), "F:" + holding.fundCode(),
                        "P:" + holding.holder());
            } else {
                batch.one(UPDATE, update(holding, change), what, key);
            }
            if (change.dropIfEmpty) {
                drops.add(holding);
            }
        });
        holderCounts.forEach((fundCode, count) -> batch.one(HOLDER_COUNT, HOLDER_COUNT.binds(count, fundCode),
                "fund " + fundCode, "F:" + fundCode));
        batch.flush();
        for (Holding drop : drops) {
            batch.rows(DROP, drop(drop), StatementBatch.ANY, "emptied holding", List.of("drop"));
        }
        batch.flush();
        changes.clear();
        holderCounts.clear();
    }

    private static Object[] upsert(Holding holding, Change change) {
        Object[] binds = new Object[2 + AMOUNTS.size()];
        binds[0] = holding.fundCode();
        binds[1] = holding.holder();
        for (Column column : Column.values()) {
            binds[2 + column.ordinal()] = change.delta(column);
        }
        return binds;
    }

    private static Object[] update(Holding holding, Change change) {
        Object[] binds = new Object[AMOUNTS.size() + 2];
        for (Column column : Column.values()) {
            binds[column.ordinal()] = change.delta(column);
        }
        binds[AMOUNTS.size()] = holding.fundCode();
        binds[AMOUNTS.size() + 1] = holding.holder();
        return binds;
    }

    private static Object[] drop(Holding holding) {
        Object[] binds = new Object[2 + AMOUNTS.size()];
        Arrays.fill(binds, BigDecimal.ZERO);
        binds[0] = holding.fundCode();
        binds[1] = holding.holder();
        return binds;
    }

    private static List<Field<?>> concat(List<Field<?>> first, List<Field<?>> second) {
        List<Field<?>> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
