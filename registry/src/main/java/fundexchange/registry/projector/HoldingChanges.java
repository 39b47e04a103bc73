package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.HOLDINGS;

import fundexchange.registry.schema.tables.records.HoldingsRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.InsertSetMoreStep;
import org.jooq.Query;
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
        PAID_IN(HOLDINGS.PAID_IN), UNCONFIRMED(HOLDINGS.UNCONFIRMED), PLEDGED(HOLDINGS.PLEDGED), FROZEN(HOLDINGS.FROZEN);

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

    /** Writes the summed changes through {@code batch} (flushed here) and forgets them. */
    void flush(DSLContext tx, StatementBatch batch) {
        List<Query> drops = new ArrayList<>();
        changes.forEach((holding, change) -> {
            String key = "H:" + holding.fundCode() + "/" + holding.holder();
            String what = "holding of " + holding.holder() + " in " + holding.fundCode();
            if (change.created) {
                batch.site("holdings.upsert").rows(upsert(tx, holding, change), StatementBatch.ANY, what, List.of(key), "F:" + holding.fundCode(),
                        "P:" + holding.holder());
            } else {
                batch.site("holdings.update").one(update(tx, holding, change), what, key);
            }
            if (change.dropIfEmpty) {
                drops.add(drop(tx, holding));
            }
        });
        holderCounts.forEach((fundCode, count) -> batch.site("funds.holder_count").one(tx.update(FUNDS).set(FUNDS.HOLDER_COUNT, count)
                .where(FUNDS.CODE.eq(fundCode)), "fund " + fundCode, "F:" + fundCode));
        batch.flush();
        for (Query drop : drops) {
            batch.site("holdings.drop").rows(drop, StatementBatch.ANY, "emptied holding", List.of("drop"));
        }
        batch.flush();
        changes.clear();
        holderCounts.clear();
    }

    private static Query upsert(DSLContext tx, Holding holding, Change change) {
        InsertSetMoreStep<HoldingsRecord> insert = tx.insertInto(HOLDINGS)
                .set(HOLDINGS.FUND_CODE, holding.fundCode())
                .set(HOLDINGS.HOLDER, holding.holder());
        for (Column column : Column.values()) {
            insert = insert.set(column.field, change.delta(column));
        }
        InsertOnDuplicateSetMoreStep<HoldingsRecord> update = insert.onConflict(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER)
                .doUpdate().set(HOLDINGS.UNITS, HOLDINGS.UNITS.plus(DSL.excluded(HOLDINGS.UNITS)));
        for (Column column : Column.values()) {
            update = update.set(column.field, column.field.plus(DSL.excluded(column.field)));
        }
        return update;
    }

    private static Query update(DSLContext tx, Holding holding, Change change) {
        UpdateSetMoreStep<HoldingsRecord> update = tx.update(HOLDINGS).set(HOLDINGS.UNITS, HOLDINGS.UNITS.plus(change.delta(Column.UNITS)));
        for (Column column : Column.values()) {
            update = update.set(column.field, column.field.plus(change.delta(column)));
        }
        return update.where(HOLDINGS.FUND_CODE.eq(holding.fundCode()), HOLDINGS.HOLDER.eq(holding.holder()));
    }

    private static Query drop(DSLContext tx, Holding holding) {
        BigDecimal zero = BigDecimal.ZERO;
        return tx.deleteFrom(HOLDINGS).where(HOLDINGS.FUND_CODE.eq(holding.fundCode()), HOLDINGS.HOLDER.eq(holding.holder()),
                HOLDINGS.UNITS.eq(zero), HOLDINGS.LOCKED.eq(zero), HOLDINGS.COST.eq(zero), HOLDINGS.PLEDGED.eq(zero),
                HOLDINGS.FROZEN.eq(zero), HOLDINGS.UNCONFIRMED.eq(zero), HOLDINGS.SUBSCRIBED.eq(zero),
                HOLDINGS.PAID_IN.eq(zero));
    }
}
