package fundexchange.engine.dataroom;

import fundexchange.protocol.dataroom.DocumentKind;

/**
 * A fund document (issue 21, rules version 6): registered by the fund's manager ({@code registeredBy}), shown in the
 * data room of every listing and offer of {@code fundCode}.
 */
public record FundDocument(long documentId, String fundCode, String registeredBy, String digest, DocumentKind kind,
                           String title, long size, int pages) {
}
