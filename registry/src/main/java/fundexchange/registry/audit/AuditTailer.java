package fundexchange.registry.audit;

import fundexchange.protocol.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.tail.Backoff;
import fundexchange.registry.tail.TailLoop;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Computes the audit chain (CONTRACTS.md 14) on its own thread, never the engine's: for each journal index n,
 * {@code link(n) = SHA-256(link(n-1) || SHA-256(command n as written) || SHA-256(event document n as written))},
 * stored in {@code audit_links} with {@code audit_watermark} in the same transaction. A halt is logged as
 * {@code ALARM audit tailer halted at sourceIndex N: ...}; a transient database failure is retried with a
 * {@link Backoff} instead.
 */
public final class AuditTailer extends TailLoop {
    public AuditTailer(Journals journals, DataSource dataSource) {
        this(journals, dataSource, Backoff.DEFAULT);
    }

    /** As above, pausing after a transient database failure as {@code backoff} says before it tries again. */
    public AuditTailer(Journals journals, DataSource dataSource, Backoff backoff) {
        super("audit tailer", MAX_BATCH, () -> new AuditSession(journals, DSL.using(dataSource, SQLDialect.POSTGRES)),
                () -> journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L), backoff);
    }

    /** Starts tailing on a thread named {@code audit tailer}. */
    @Override
    public AuditTailer start() {
        super.start();
        return this;
    }
}
