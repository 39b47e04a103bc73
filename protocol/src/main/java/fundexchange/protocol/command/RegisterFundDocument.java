package fundexchange.protocol.command;

import fundexchange.protocol.dataroom.DocumentKind;

/**
 * The manager of fund {@code fundCode} (the manager its transfer terms name) adds a fund-level PDF: it appears in the
 * data room of every listing and offer of the fund, behind each room's own NDA and direction. Only the digest and
 * metadata enter the journal; the gateway stored the bytes, uploaded by the manager, before it journals this. The
 * manager's kinds are {@link DocumentKind#fundLevel() fund-level}: the partnership agreement, quarterly reports,
 * appraisal reports and other fund papers (issue 21; docs/rules.md, Data room).
 */
public record RegisterFundDocument(String fundCode, String digest, DocumentKind kind, String title, long size, int pages)
        implements Command {
}
