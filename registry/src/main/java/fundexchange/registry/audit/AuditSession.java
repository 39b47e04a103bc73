package fundexchange.registry.audit;

import static fundexchange.registry.schema.Tables.AUDIT_LINKS;
import static fundexchange.registry.schema.Tables.AUDIT_RECORDS;
import static fundexchange.registry.schema.Tables.AUDIT_WATERMARK;

import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import fundexchange.registry.schema.tables.records.AuditLinksRecord;
import fundexchange.registry.schema.tables.records.AuditRecordsRecord;
import fundexchange.registry.tail.ProjectionHalted;
import fundexchange.registry.tail.TransientFailure;
import fundexchange.registry.tail.TailSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStepN;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;

/**
 * Reads both journals in step and stores one audit link and one {@code audit_records} row per index, with
 * {@code audit_watermark} in the same transaction.
 */
final class AuditSession implements TailSession {
    static final short WATERMARK_ROW = 1;
    private final Journals journals;
    private final DSLContext dsl;
    private final List<AuditLinksRecord> pending = new ArrayList<>();
    private final List<AuditRecordsRecord> pendingRecords = new ArrayList<>();
    private ChronicleJournal.Reader commands;
    private ChronicleJournal.Reader events;
    private byte[] waitingCommand;
    private long watermark;
    private String link;

    AuditSession(Journals journals, DSLContext dsl) {
        this.journals = journals;
        this.dsl = dsl;
    }

    @Override
    public long open() {
        dsl.insertInto(AUDIT_WATERMARK)
                .set(AUDIT_WATERMARK.ID, WATERMARK_ROW)
                .set(AUDIT_WATERMARK.SOURCE_INDEX, 0L)
                .set(AUDIT_WATERMARK.LINK, ChainHash.GENESIS)
                .onConflictDoNothing()
                .execute();
        Record2<Long, String> stored = dsl.select(AUDIT_WATERMARK.SOURCE_INDEX, AUDIT_WATERMARK.LINK)
                .from(AUDIT_WATERMARK)
                .where(AUDIT_WATERMARK.ID.eq(WATERMARK_ROW))
                .fetchSingle();
        long storedIndex = stored.value1();
        commands = journals.commands().reader();
        events = journals.events().reader();
        String recomputed = ChainHash.GENESIS;
        for (long index = 1; index <= storedIndex; index++) {
            Optional<byte[]> command = commands.next();
            Optional<byte[]> event = events.next();
            if (command.isEmpty() || event.isEmpty()) {
                throw new ProjectionHalted(storedIndex, "the journals end at index " + (index - 1)
                        + ", before the audit watermark; this database belongs to other journals");
            }
            recomputed = ChainHash.auditLink(recomputed, ChainHash.digest(command.get()), ChainHash.digest(event.get()));
        }
        if (!recomputed.equals(stored.value2())) {
            throw new ProjectionHalted(storedIndex, "the stored audit head " + stored.value2()
                    + " differs from the journals' " + recomputed);
        }
        watermark = storedIndex;
        link = recomputed;
        return watermark;
    }

    @Override
    public long applyBatch(int maxDocuments) {
        try {
            boolean more = true;
            while (more && pending.size() < maxDocuments) {
                more = readPair();
            }
        } catch (ProjectionHalted halted) {
            linkWhatCameBefore();
            throw halted;
        }
        if (!pending.isEmpty()) {
            commit();
        }
        return watermark;
    }

    private void linkWhatCameBefore() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            commit();
        } catch (RuntimeException second) {
            // the first failure is the one to report
        }
    }

    /**
     * One multi-row INSERT, each record's values read by position. ({@code valuesOfRecords} maps every record through
     * a record-mapper cache that each transaction's derived configuration builds again; the profile showed it.)
     */
    private static <R extends TableRecord<R>> void insertAll(DSLContext tx, Table<R> table, List<R> records) {
        InsertValuesStepN<R> insert = tx.insertInto(table, table.fields());
        for (R record : records) {
            Object[] values = new Object[record.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(i);
            }
            insert = insert.values(values);
        }
        insert.execute();
    }

    /** Stores the pending links and records and moves the watermark in one transaction. */
    private void commit() {
        AuditLinksRecord last = pending.getLast();
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                // One multi-row INSERT per table: faster than a JDBC batch of single-row ones (docs/performance.md).
                insertAll(tx, AUDIT_LINKS, pending);
                insertAll(tx, AUDIT_RECORDS, pendingRecords);
                int moved = tx.update(AUDIT_WATERMARK)
                        .set(AUDIT_WATERMARK.SOURCE_INDEX, last.getSourceIndex())
                        .set(AUDIT_WATERMARK.LINK, last.getLink())
                        .where(AUDIT_WATERMARK.ID.eq(WATERMARK_ROW), AUDIT_WATERMARK.SOURCE_INDEX.eq(watermark))
                        .execute();
                if (moved != 1) {
                    throw new IllegalStateException("the audit watermark moved under this tailer; is another one writing?");
                }
            });
        } catch (DataAccessException e) {
            if (TransientFailure.is(e)) {
                throw e;
            }
            SQLException sql = e.getCause(SQLException.class);
            throw new ProjectionHalted(pending.getFirst().getSourceIndex(), sql == null ? e.getMessage() : sql.getMessage(), e);
        } catch (RuntimeException e) {
            if (TransientFailure.is(e)) {
                throw e;
            }
            throw new ProjectionHalted(last.getSourceIndex(), e.getMessage(), e);
        }
        pending.clear();
        pendingRecords.clear();
        watermark = last.getSourceIndex();
        link = last.getLink();
    }

    /** Links the next index into {@code pending}; false (keeping a command already read) while its event document is not there yet. */
    private boolean readPair() {
        if (waitingCommand == null) {
            Optional<byte[]> command = commands.next();
            if (command.isEmpty()) {
                return false;
            }
            waitingCommand = command.get();
        }
        Optional<byte[]> event = events.next();
        if (event.isEmpty()) {
            return false;
        }
        long index = watermark + pending.size() + 1;
        String previous = pending.isEmpty() ? link : pending.getLast().getLink();
        byte[] commandDigest = ChainHash.digest(waitingCommand);
        byte[] eventDigest = ChainHash.digest(event.get());
        String commandHex = ChainHash.hex(commandDigest);
        String eventHex = ChainHash.hex(eventDigest);
        String next = ChainHash.auditLink(previous, commandDigest, eventDigest);
        AuditRecordsRecord record = AuditRecordReader.read(index, waitingCommand, event.get(), commandHex, eventHex, next);
        pending.add(new AuditLinksRecord(index, commandHex, eventHex, next));
        pendingRecords.add(record);
        waitingCommand = null;
        return true;
    }

    @Override
    public long watermark() {
        return watermark;
    }

    @Override
    public void close() {
        if (commands != null) {
            commands.close();
        }
        if (events != null) {
            events.close();
        }
    }
}
