package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.PROJECTION_WATERMARK;

import fundexchange.engine.event.Event;
import fundexchange.journal.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.journal.ChainHash;
import fundexchange.registry.tail.ProjectionHalted;
import fundexchange.registry.tail.TailLoop;
import fundexchange.registry.tail.TailSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;

/** The registry projection over the event journal, with its watermark row {@code projection_watermark('registry')}. */
final class ProjectionSession implements TailSession {
    static final String PROJECTOR = "registry";
    private final Journals journals;
    private final DSLContext dsl;
    private final List<byte[]> pending = new ArrayList<>();
    private ChronicleJournal.Reader reader;
    private long watermark;
    private String chain;

    ProjectionSession(Journals journals, DSLContext dsl) {
        this.journals = journals;
        this.dsl = dsl;
    }

    @Override
    public long open() {
        dsl.insertInto(PROJECTION_WATERMARK)
                .set(PROJECTION_WATERMARK.PROJECTOR, PROJECTOR)
                .set(PROJECTION_WATERMARK.SOURCE_INDEX, 0L)
                .set(PROJECTION_WATERMARK.CHAIN_HASH, ChainHash.GENESIS)
                .onConflictDoNothing()
                .execute();
        Record2<Long, String> stored = dsl.select(PROJECTION_WATERMARK.SOURCE_INDEX, PROJECTION_WATERMARK.CHAIN_HASH)
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
            commit(documents, chains.getLast());
        } catch (ProjectionHalted halted) {
            commitBefore(halted.sourceIndex(), documents, chains);
            throw halted;
        }
        pending.clear();
        return watermark;
    }

    /** After a failure, keeps the documents before the failing one, so the registry stops just short of it. */
    private void commitBefore(long failedIndex, List<EventDocument> documents, List<String> chains) {
        int good = (int) Math.min(failedIndex - watermark - 1, documents.size());
        if (good > 0) {
            try {
                commit(documents.subList(0, good), chains.get(good - 1));
            } catch (RuntimeException second) {
                // the first failure is the one to report
            }
        }
    }

    /** Applies the documents and moves the watermark in one transaction. */
    private void commit(List<EventDocument> documents, String newChain) {
        long[] current = {watermark + 1};
        long last = documents.getLast().sourceIndex();
        try {
            dsl.transaction(configuration -> {
                EventProjection projection = new EventProjection(configuration.dsl());
                for (EventDocument document : documents) {
                    current[0] = document.sourceIndex();
                    for (Event event : document.events()) {
                        projection.apply(event, document.sourceIndex(), document.time());
                    }
                }
                current[0] = last;
                int moved = configuration.dsl().update(PROJECTION_WATERMARK)
                        .set(PROJECTION_WATERMARK.SOURCE_INDEX, last)
                        .set(PROJECTION_WATERMARK.CHAIN_HASH, newChain)
                        .where(PROJECTION_WATERMARK.PROJECTOR.eq(PROJECTOR), PROJECTION_WATERMARK.SOURCE_INDEX.eq(watermark))
                        .execute();
                if (moved != 1) {
                    throw new IllegalStateException("the watermark moved under this projector; is another one writing?");
                }
            });
            watermark = last;
            chain = newChain;
        } catch (DataAccessException e) {
            if (TailLoop.connectionLost(e)) {
                throw e;
            }
            throw new ProjectionHalted(current[0], describe(e), e);
        } catch (RuntimeException e) {
            throw new ProjectionHalted(current[0], e.getMessage(), e);
        }
    }

    private static EventDocument decode(byte[] bytes, long expected) {
        try {
            return JournalCodec.readEvents(bytes);
        } catch (RuntimeException e) {
            throw new ProjectionHalted(expected, "undecodable event document: " + e.getMessage(), e);
        }
    }

    static String describe(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
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
    }
}
