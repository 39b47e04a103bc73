package fundexchange.registry.audit;

import fundexchange.journal.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.tail.TailLoop;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Computes the audit chain (CONTRACTS.md 14) on its own thread, never the engine's: for each journal index n,
 * {@code link(n) = SHA-256(link(n-1) || SHA-256(command n as written) || SHA-256(event document n as written))},
 * stored in {@code audit_links} with {@code audit_watermark} in the same transaction. A halt is logged as
 * {@code ALARM audit tailer halted at sourceIndex N: ...}.
 */
public final class AuditTailer implements AutoCloseable {
    private final TailLoop loop;

    public AuditTailer(Journals journals, DataSource dataSource) {
        var dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.loop = new TailLoop("audit tailer", () -> new AuditSession(journals, dsl),
                () -> journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L));
    }

    /** Starts tailing on a thread named {@code audit tailer}. */
    public AuditTailer start() {
        loop.start();
        return this;
    }

    /** Links everything the journals hold now; returns the number of indices linked. Throws if halted. */
    public long catchUp() {
        return loop.catchUp();
    }

    /** The last index linked. */
    public long watermark() {
        return loop.watermark();
    }

    public Optional<Throwable> failure() {
        return loop.failure();
    }

    public boolean awaitIndex(long index, Duration timeout) {
        return loop.awaitIndex(index, timeout);
    }

    @Override
    public void close() {
        loop.close();
    }
}
