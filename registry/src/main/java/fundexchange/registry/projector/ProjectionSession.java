package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.PROJECTION_WATERMARK;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import fundexchange.registry.tail.ProjectionHalted;
import fundexchange.registry.tail.TransientFailure;
import fundexchange.registry.tail.TailSession;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.SingleConnectionDataSource;

/**
 * The registry projection over the event journal, with its watermark row {@code projection_watermark('registry')}.
 * It keeps one connection, reopened after a lost one. A batch that fails is rolled back and its documents are
 * applied again one per transaction, so the registry stops just before the failing document and the alarm names it.
 */
final class ProjectionSession implements TailSession {
    static final String PROJECTOR = "registry";
    private static final System.Logger LOG = System.getLogger(ProjectionSession.class.getName());
    private final Journals journals;
    private final DataSource dataSource;
    private final List<byte[]> pending = new ArrayList<>();
    private final ListingOwners listings = new ListingOwners();
    private Connection connection;
    private DSLContext dsl;
    private ChronicleJournal.Reader reader;
    private long watermark;
    private String chain;

    private final Runnable marketPublished;

    ProjectionSession(Journals journals, DataSource dataSource, Runnable marketPublished) {
        this.journals = journals;
        this.dataSource = dataSource;
        this.marketPublished = marketPublished;
    }

    private DSLContext dsl() {
        if (dsl == null) {
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw new DataAccessException("cannot connect to the registry database: " + e.getMessage(), e);
            }
            dsl = DSL.using(new SingleConnectionDataSource(connection), SQLDialect.POSTGRES);
        }
        return dsl;
    }

    private void disconnect() {
        dsl = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already gone
            }
            connection = null;
        }
    }

    @Override
    public long open() {
        DSLContext db = dsl();
        db.insertInto(PROJECTION_WATERMARK)
                .set(PROJECTION_WATERMARK.PROJECTOR, PROJECTOR)
                .set(PROJECTION_WATERMARK.SOURCE_INDEX, 0L)
                .set(PROJECTION_WATERMARK.CHAIN_HASH, ChainHash.GENESIS)
                .onConflictDoNothing()
                .execute();
        Record2<Long, String> stored = db.select(PROJECTION_WATERMARK.SOURCE_INDEX, PROJECTION_WATERMARK.CHAIN_HASH)
                .from(PROJECTION_WATERMARK)
                .where(PROJECTION_WATERMARK.PROJECTOR.eq(PROJECTOR))
                .fetchSingle();
        long storedIndex = stored.value1();
        reader = journals.events().reader();
        String recomputed = ChainHash.GENESIS;
        for (long index = 1; index <= storedIndex; index++) {
            Optional<byte[]> document = reader.next();
            if (document.isEmpty()) {
                throw new ProjectionHalted(storedIndex, "the event journal ends at sourceIndex " + (index - 1)
                        + ", before the watermark; this database belongs to another journal");
            }
            recomputed = ChainHash.next(recomputed, ChainHash.digest(document.get()));
        }
        if (!recomputed.equals(stored.value2())) {
            throw new ProjectionHalted(storedIndex, "the stored chain hash " + stored.value2()
                    + " differs from the event journal's " + recomputed);
        }
        watermark = storedIndex;
        chain = recomputed;
        return watermark;
    }

    @Override
    public long applyBatch(int maxDocuments) {
        while (pending.size() < maxDocuments) {
            Optional<byte[]> document = reader.next();
            if (document.isEmpty()) {
                break;
            }
            pending.add(document.get());
        }
        if (pending.isEmpty()) {
            return watermark;
        }
        List<EventDocument> documents = new ArrayList<>(pending.size());
        List<String> chains = new ArrayList<>(pending.size());
        long start = watermark;
        try {
            for (byte[] bytes : pending) {
                long expected = watermark + documents.size() + 1;
                EventDocument document = decode(bytes, expected);
                if (document.sourceIndex() != expected) {
                    throw new ProjectionHalted(expected, "gap in the event journal: found sourceIndex " + document.sourceIndex());
                }
                documents.add(document);
                chains.add(ChainHash.next(chains.isEmpty() ? chain : chains.getLast(), ChainHash.digest(bytes)));
            }
            commit(documents, chains);
        } catch (ProjectionHalted halted) {
            commitBefore(halted.sourceIndex(), documents, chains);
            throw halted;
        } finally {
            pending.subList(0, (int) Math.min(pending.size(), watermark - start)).clear();
        }
        return watermark;
    }

    /** After a failure, keeps the documents before the failing one, so the registry stops just short of it. */
    private void commitBefore(long failedIndex, List<EventDocument> documents, List<String> chains) {
        int good = (int) Math.min(failedIndex - watermark - 1, documents.size());
        if (good > 0) {
            try {
                commit(documents.subList(0, good), chains.subList(0, good));
            } catch (RuntimeException second) {
                // the first failure is the one to report
            }
        }
    }

    /** Applies the documents in one transaction, or after a failure one per transaction up to the failing one. */
    private void commit(List<EventDocument> documents, List<String> chains) {
        try {
            commitTogether(documents, chains.getLast());
        } catch (ProjectionHalted halted) {
            if (documents.size() == 1) {
                throw halted;
            }
            for (int i = 0; i < documents.size(); i++) {
                commitTogether(documents.subList(i, i + 1), chains.get(i));
            }
            LOG.log(System.Logger.Level.WARNING, "a batch of " + documents.size() + " documents ending at sourceIndex "
                    + watermark + " failed but each of its documents applied alone: " + halted.getMessage());
        }
    }

    /**
     * Applies the documents and moves the watermark in one transaction. A failure names the document being applied,
     * which is the failing one only for a single document: statements and holding changes are written at the end.
     */
    private void commitTogether(List<EventDocument> documents, String newChain) {
        long[] current = {watermark + 1};
        long last = documents.getLast().sourceIndex();
        boolean[] published = {false};
        try {
            dsl().transaction(configuration -> {
                EventProjection projection = new EventProjection(configuration.dsl(), listings);
                for (EventDocument document : documents) {
                    current[0] = document.sourceIndex();
                    projection.document(document.time());
                    for (Event event : document.events()) {
                        projection.apply(event, document.sourceIndex(), document.time());
                    }
                }
                current[0] = last;
                projection.finish();
                int moved = configuration.dsl().update(PROJECTION_WATERMARK)
                        .set(PROJECTION_WATERMARK.SOURCE_INDEX, last)
                        .set(PROJECTION_WATERMARK.CHAIN_HASH, newChain)
                        .where(PROJECTION_WATERMARK.PROJECTOR.eq(PROJECTOR), PROJECTION_WATERMARK.SOURCE_INDEX.eq(watermark))
                        .execute();
                if (moved != 1) {
                    throw new IllegalStateException("the watermark moved under this projector; is another one writing?");
                }
                published[0] = projection.marketPublished();
            });
            watermark = last;
            chain = newChain;
            if (published[0]) {
                marketPublished.run();
            }
        } catch (RuntimeException e) {
            if (TransientFailure.is(e)) {
                disconnect();
                throw e;
            }
            throw new ProjectionHalted(current[0], e instanceof DataAccessException access ? describe(access) : e.getMessage(), e);
        }
    }

    private static EventDocument decode(byte[] bytes, long expected) {
        try {
            return JournalCodec.readEvents(bytes);
        } catch (RuntimeException e) {
            throw new ProjectionHalted(expected, "undecodable event document: " + e.getMessage(), e);
        }
    }

    /** The database's own message; for a JDBC batch, that of the statement that failed. */
    static String describe(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        if (sql instanceof BatchUpdateException batch && batch.getNextException() != null) {
            sql = batch.getNextException();
        }
        return sql == null ? e.getMessage() : sql.getMessage();
    }

    @Override
    public long watermark() {
        return watermark;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        disconnect();
    }
}
