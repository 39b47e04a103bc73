package fundexchange.registry.audit;

import static fundexchange.registry.schema.Tables.AUDIT_WATERMARK;

import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The audit chain's head as the tailer last committed it: the index linked through and its link. */
public record AuditHead(long index, String link) {
    /** The stored head, if the tailer has linked anything yet. */
    public static Optional<AuditHead> read(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES)
                .select(AUDIT_WATERMARK.SOURCE_INDEX, AUDIT_WATERMARK.LINK)
                .from(AUDIT_WATERMARK)
                .where(AUDIT_WATERMARK.ID.eq(AuditSession.WATERMARK_ROW))
                .fetchOptional()
                .filter(r -> r.value1() > 0)
                .map(r -> new AuditHead(r.value1(), r.value2()));
    }
}
