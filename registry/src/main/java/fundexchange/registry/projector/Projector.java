package fundexchange.registry.projector;

import fundexchange.protocol.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.tail.Backoff;
import fundexchange.registry.tail.TailLoop;
import javax.sql.DataSource;

/**
 * Projects the event journal into the registry tables (CONTRACTS.md 6). Each transaction applies what the journal
 * holds, up to {@value #MAX_DOCUMENTS} documents (a few while tailing, many while catching up), and moves
 * {@code projection_watermark} with them, so every document takes effect exactly once. At start the stored chain hash
 * is checked against the journal; a mismatch, a gap or a constraint failure halts the projector with
 * {@code ALARM projector halted at sourceIndex N: ...}. A transient database failure (a restart, a lost connection) is
 * retried with a {@link Backoff} and never halts it.
 */
public final class Projector extends TailLoop {
    /** The most documents in one transaction. */
    public static final int MAX_DOCUMENTS = 2_000;

    public Projector(Journals journals, DataSource dataSource) {
        this(journals, dataSource, MAX_DOCUMENTS);
    }

    /** A projector with at most {@code maxDocuments} documents per transaction. */
    public Projector(Journals journals, DataSource dataSource, int maxDocuments) {
        this(journals, dataSource, maxDocuments, Backoff.DEFAULT);
    }

    /** As above, pausing after a transient database failure as {@code backoff} says before it tries again. */
    public Projector(Journals journals, DataSource dataSource, int maxDocuments, Backoff backoff) {
        this(journals, dataSource, maxDocuments, backoff, () -> { });
    }

    /**
     * A projector that runs {@code marketPublished} after each commit that published a market-data snapshot (the
     * gateway's in-memory copy, {@code MarketReads.invalidate}).
     */
    public Projector(Journals journals, DataSource dataSource, Runnable marketPublished) {
        this(journals, dataSource, MAX_DOCUMENTS, Backoff.DEFAULT, marketPublished);
    }

    /** As above, with at most {@code maxDocuments} documents per transaction and {@code backoff}. */
    public Projector(Journals journals, DataSource dataSource, int maxDocuments, Backoff backoff,
                     Runnable marketPublished) {
        super("projector", maxDocuments, () -> new ProjectionSession(journals, dataSource, marketPublished),
                () -> journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L), backoff);
    }

    /** Starts tailing the event journal on a thread named {@code projector}. */
    @Override
    public Projector start() {
        super.start();
        return this;
    }
}
