package fundexchange.registry.read;

import java.math.BigDecimal;
import java.util.List;

/**
 * A transfer notice with everyone it went to and every answer (V17, times V20), whole: the gateway shapes it per
 * viewer as the disclosure policy discloses the notice's events. {@code consentOutcome}, {@code unitsLeft},
 * {@code silent}, {@code resolvedIndex} and {@code resolvedAt} are null while it is open; times are epoch ms of
 * journal time (null for rows projected before V20).
 */
public record NoticeView(long listingId, String fundCode, String transferor, String buyer, String manager,
                         BigDecimal units, BigDecimal price, boolean consentRequired, String priority,
                         boolean attestationRequired, long answerBy, long issuedIndex, Long issuedAt,
                         String consentOutcome, BigDecimal unitsLeft, List<String> silent, Long resolvedIndex,
                         Long resolvedAt, String listingStatus, List<Recipient> recipients, List<Answer> answers,
                         Match match) {
    /** A notice without a match stage (a negotiated listing's, or an auction's before its close). */
    public NoticeView(long listingId, String fundCode, String transferor, String buyer, String manager,
                      BigDecimal units, BigDecimal price, boolean consentRequired, String priority,
                      boolean attestationRequired, long answerBy, long issuedIndex, Long issuedAt,
                      String consentOutcome, BigDecimal unitsLeft, List<String> silent, Long resolvedIndex,
                      Long resolvedAt, String listingStatus, List<Recipient> recipients, List<Answer> answers) {
        this(listingId, fundCode, transferor, buyer, manager, units, price, consentRequired, priority,
                attestationRequired, answerBy, issuedIndex, issuedAt, consentOutcome, unitsLeft, silent, resolvedIndex,
                resolvedAt, listingStatus, recipients, answers, null);
    }

    /** Whether the notice still waits for answers or its deadline: its consent stage, or its auction's match stage. */
    public boolean open() {
        return resolvedIndex == null || match != null && match.open();
    }

    /**
     * An auction's match stage (V21, rules version 6): its conditional award at {@code awardedIndex}, the holders asked
     * to match being the recipients with {@code unitsAtClose} (and the manager when it holds the first priority); the
     * resolution's fields are null while it is open.
     */
    public record Match(String winner, long winningBidId, BigDecimal clearingPrice, long matchBy, long awardedIndex,
                        Long awardedAt, BigDecimal winnerUnits, List<String> silent, Long resolvedIndex,
                        Long resolvedAt) {
        public boolean open() {
            return resolvedIndex == null;
        }
    }

    /**
     * One it went to: a holder of the right with its units at the notice, or the manager ({@code unitsAtNotice} null
     * unless it also holds); what it asked and was allotted at the resolution, and the buyer check it failed (0 none).
     */
    public record Recipient(String participantId, BigDecimal unitsAtNotice, BigDecimal requested, BigDecimal allocated,
                            Integer refusedCode, BigDecimal unitsAtClose, BigDecimal matchRequested,
                            BigDecimal matchAllocated, Integer matchRefusedCode) {
        /** A recipient of a notice without a match stage. */
        public Recipient(String participantId, BigDecimal unitsAtNotice, BigDecimal requested, BigDecimal allocated,
                         Integer refusedCode) {
            this(participantId, unitsAtNotice, requested, allocated, refusedCode, null, null, null, null);
        }
    }

    /** One signed answer with its journal index and time. */
    public record Answer(long index, Long answeredAt, String participantId, String answer, BigDecimal units,
                         String evidenceDigest) {
    }
}
