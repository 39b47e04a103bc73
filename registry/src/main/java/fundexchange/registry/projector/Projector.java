package fundexchange.registry.projector;

import fundexchange.journal.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.tail.TailLoop;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Projects the event journal into the registry tables (CONTRACTS.md 6). Each transaction applies up to
 * {@value TailLoop#MAX_BATCH} documents and moves {@code projection_watermark} with them, so every document takes
 * effect exactly once. At start the stored chain hash is checked against the journal; a mismatch, a gap or a
 * constraint failure halts the projector with {@code ALARM projector halted at sourceIndex N: ...}.
 */
public final class Projector implements AutoCloseable {
    private final TailLoop loop;

    public Projector(Journals journals, DataSource dataSource) {
        var dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.loop = new TailLoop("projector", () -> new ProjectionSession(journals, dsl),
                () -> journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L));
    }

    /** Starts tailing the event journal on a thread named {@code projector}. */
    public Projector start() {
        loop.start();
        return this;
    }

    /** Applies everything in the journal now; returns the number of documents applied. Throws if halted. */
    public long catchUp() {
        return loop.catchUp();
    }

    /** The last sourceIndex applied. */
    public long watermark() {
        return loop.watermark();
    }

    public Optional<Throwable> failure() {
        return loop.failure();
    }

    /** Waits until {@code index} is applied; false on timeout or halt. */
    public boolean awaitIndex(long index, Duration timeout) {
        return loop.awaitIndex(index, timeout);
    }

    @Override
    public void close() {
        loop.close();
    }
}
