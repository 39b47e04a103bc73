package fundexchange.protocol.transfer;

import java.util.List;

/**
 * A fund's transfer terms, set by staff from the fund's documents (maker-checker; {@code documentDigest} is the SHA-256
 * of those documents). {@code manager} is the participant with the MANAGER role linked to the fund (null: none).
 * {@code noticeDays}: the days the manager and the holders of the priority right have to answer a notice;
 * {@code matchDays}: the days after an auction's close in which they may match its price. Days are calendar days of
 * journal time (docs/rules.md, "Consent and first refusal").
 */
public record TransferTerms(String fundCode, String manager, boolean consentRequired, SilenceMeans consentOnSilence,
                            PriorityOrder priority, int noticeDays, int matchDays, List<Affiliation> affiliates,
                            String documentDigest) {
    /** One day of journal time. */
    public static final long DAY_MS = 86_400_000L;

    /** Whether a transfer from {@code seller} to {@code buyer} is exempt as a transfer to an affiliate. */
    public boolean exempt(String seller, String buyer) {
        return buyer != null && affiliates.contains(new Affiliation(seller, buyer));
    }
}
