package fundexchange.registry.projector;

import fundexchange.journal.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.tail.TailLoop;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Projects the event journal into the registry tables (CONTRACTS.md 6). Each transaction applies up to
 * {@value TailLoop#MAX_BATCH} documents and moves {@code projection_watermark} with them, so every document takes
 * effect exactly once. At start the stored chain hash is checked against the journal; a mismatch, a gap or a
 * constraint failure halts the projector with {@code ALARM projector halted at sourceIndex N: ...}.
 */
public final class Projector extends TailLoop {
    public Projector(Journals journals, DataSource dataSource) {
        super("projector", () -> new ProjectionSession(journals, DSL.using(dataSource, SQLDialect.POSTGRES)),
                () -> journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L));
    }

    /** Starts tailing the event journal on a thread named {@code projector}. */
    @Override
    public Projector start() {
        super.start();
        return this;
    }
}
