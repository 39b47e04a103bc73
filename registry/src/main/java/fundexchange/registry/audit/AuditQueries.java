package fundexchange.registry.audit;

import static fundexchange.registry.schema.Tables.AUDIT_RECORDS;

import fundexchange.registry.schema.tables.records.AuditRecordsRecord;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads the audit index: pages in index order with keyset pagination and an exact total. The count and the page come
 * from one read-only snapshot. The count also yields the selection's first and last index, which bound the page scan
 * so it walks the primary key from the first match (journal time never decreases in journal order, so a time range
 * is a run of indices).
 */
public final class AuditQueries {
    private final DSLContext dsl;

    public AuditQueries(DataSource dataSource) {
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** Up to {@code pageSize} records after {@code afterIndex} (from the first when empty), and the exact total. */
    public AuditPage query(AuditFilter filter, int pageSize, Optional<Long> afterIndex) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        Condition selected = condition(filter);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Record3<Long, Long, Long> extent = tx.select(DSL.count().coerce(SQLDataType.BIGINT),
                            DSL.min(AUDIT_RECORDS.SOURCE_INDEX), DSL.max(AUDIT_RECORDS.SOURCE_INDEX))
                    .from(AUDIT_RECORDS).where(selected).fetchSingle();
            long total = extent.value1();
            if (total == 0) {
                return new AuditPage(0, List.of(), Optional.empty());
            }
            long last = extent.value3();
            Condition page = selected.and(AUDIT_RECORDS.SOURCE_INDEX.between(extent.value2(), last));
            if (afterIndex.isPresent()) {
                page = page.and(AUDIT_RECORDS.SOURCE_INDEX.gt(afterIndex.get()));
            }
            List<AuditRecordView> records = tx.selectFrom(AUDIT_RECORDS).where(page)
                    .orderBy(AUDIT_RECORDS.SOURCE_INDEX).limit(pageSize).fetch(AuditQueries::view);
            Optional<Long> next = records.size() == pageSize && records.getLast().sourceIndex() < last
                    ? Optional.of(records.getLast().sourceIndex()) : Optional.empty();
            return new AuditPage(total, records, next);
        });
    }

    /** The audit chain's link at {@code index}, once the tailer has linked it. */
    public Optional<String> linkAt(long index) {
        return dsl.select(AUDIT_RECORDS.LINK).from(AUDIT_RECORDS).where(AUDIT_RECORDS.SOURCE_INDEX.eq(index))
                .fetchOptional(AUDIT_RECORDS.LINK);
    }

    /**
     * The journal time (epoch milliseconds) of the document at {@code index}, once the tailer has indexed it: the
     * journal's own time, the same on every rebuild (V2 backfills it from index 1).
     */
    public Optional<Long> timeAt(long index) {
        return dsl.select(AUDIT_RECORDS.TIME_MS).from(AUDIT_RECORDS).where(AUDIT_RECORDS.SOURCE_INDEX.eq(index))
                .fetchOptional(AUDIT_RECORDS.TIME_MS);
    }

    private static Condition condition(AuditFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.fromIndex().isPresent()) {
            condition = condition.and(AUDIT_RECORDS.SOURCE_INDEX.ge(filter.fromIndex().get()));
        }
        if (filter.toIndex().isPresent()) {
            condition = condition.and(AUDIT_RECORDS.SOURCE_INDEX.le(filter.toIndex().get()));
        }
        if (filter.fromTimeMs().isPresent()) {
            condition = condition.and(AUDIT_RECORDS.TIME_MS.ge(filter.fromTimeMs().get()));
        }
        if (filter.toTimeMs().isPresent()) {
            condition = condition.and(AUDIT_RECORDS.TIME_MS.lt(filter.toTimeMs().get()));
        }
        if (filter.participant().isPresent()) {
            condition = condition.and(AUDIT_RECORDS.PARTICIPANT.eq(filter.participant().get()));
        }
        if (filter.fundCode().isPresent()) {
            condition = condition.and(AUDIT_RECORDS.FUND_CODE.eq(filter.fundCode().get()));
        }
        return condition;
    }

    private static AuditRecordView view(AuditRecordsRecord r) {
        return new AuditRecordView(r.getSourceIndex(), r.getTimeMs(), r.getParticipant(), r.getClientRequestId(),
                r.getCommandType(), r.getFundCode(), r.getOutcome(), r.getRejectCode(), r.getCommandDigest(),
                r.getEventDigest(), r.getLink());
    }
}
