package fundexchange.registry.audit;

import static fundexchange.registry.schema.Tables.AUDIT_LINKS;
import static fundexchange.registry.schema.Tables.AUDIT_WATERMARK;

import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.ChainHash;
import fundexchange.registry.schema.tables.records.AuditLinksRecord;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Recomputes the audit chain from the journals and compares it with every stored link and the stored head, up to the
 * audit watermark (the tailer may lag the journals; that is not a problem).
 */
public final class AuditChainCheck {
    private static final int PAGE = 10_000;

    /**
     * @param intact         true when every stored link and the head match the journals
     * @param checkedThrough the last index whose stored link matched (the watermark when intact)
     * @param head           the link recomputed from the journals through {@code checkedThrough}
     * @param firstProblem   the first difference found; empty when intact
     */
    public record Result(boolean intact, long checkedThrough, String head, String firstProblem) {
    }

    private AuditChainCheck() {
    }

    public static Result verify(Journals journals, DataSource dataSource) {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        Record2<Long, String> mark = dsl.select(AUDIT_WATERMARK.SOURCE_INDEX, AUDIT_WATERMARK.LINK)
                .from(AUDIT_WATERMARK).where(AUDIT_WATERMARK.ID.eq(AuditSession.WATERMARK_ROW)).fetchOne();
        long watermark = mark == null ? 0 : mark.value1();
        String storedHead = mark == null ? ChainHash.GENESIS : mark.value2();
        String link = ChainHash.GENESIS;
        long checked = 0;
        try (ChronicleJournal.Reader commands = journals.commands().reader();
             ChronicleJournal.Reader events = journals.events().reader()) {
            Iterator<AuditLinksRecord> stored = storedLinks(dsl);
            while (checked < watermark) {
                long index = checked + 1;
                Optional<byte[]> command = commands.next();
                Optional<byte[]> event = events.next();
                if (command.isEmpty() || event.isEmpty()) {
                    return problem(checked, link, "the journals end at index " + checked + ", before the audit watermark " + watermark);
                }
                byte[] commandDigest = ChainHash.digest(command.get());
                byte[] eventDigest = ChainHash.digest(event.get());
                String next = ChainHash.auditLink(link, commandDigest, eventDigest);
                AuditLinksRecord row = stored.hasNext() ? stored.next() : null;
                if (row == null || row.getSourceIndex() != index) {
                    return problem(checked, link, "no stored link for index " + index);
                }
                if (!row.getCommandDigest().equals(ChainHash.hex(commandDigest))) {
                    return problem(checked, link, "the stored command digest differs at index " + index);
                }
                if (!row.getEventDigest().equals(ChainHash.hex(eventDigest))) {
                    return problem(checked, link, "the stored event digest differs at index " + index);
                }
                if (!row.getLink().equals(next)) {
                    return problem(checked, link, "the stored link differs at index " + index);
                }
                link = next;
                checked = index;
            }
            if (stored.hasNext()) {
                return problem(checked, link, "a link is stored beyond the watermark, at index " + stored.next().getSourceIndex());
            }
        }
        if (!storedHead.equals(link)) {
            return problem(checked, link, "the stored head differs from the link at index " + watermark);
        }
        return new Result(true, checked, link, "");
    }

    private static Result problem(long checkedThrough, String head, String problem) {
        return new Result(false, checkedThrough, head, problem);
    }

    /** Stored links in index order, read a page at a time. */
    private static Iterator<AuditLinksRecord> storedLinks(DSLContext dsl) {
        return new Iterator<>() {
            private List<AuditLinksRecord> page = List.of();
            private int position;
            private long after;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (position < page.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                page = dsl.selectFrom(AUDIT_LINKS).where(AUDIT_LINKS.SOURCE_INDEX.gt(after))
                        .orderBy(AUDIT_LINKS.SOURCE_INDEX).limit(PAGE).fetch();
                position = 0;
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.getLast().getSourceIndex();
                }
                return !page.isEmpty();
            }

            @Override
            public AuditLinksRecord next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.get(position++);
            }
        };
    }
}
