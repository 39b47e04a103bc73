package fundexchange.registry.read;

import java.util.List;

/**
 * A fund's transfer terms as staff set them (V17): the manager (null: none), consent and what silence means, the
 * priority order, the notice and match periods in days, the affiliates ({@code holder>affiliate}), the documents'
 * digest and the index of the approval that set them.
 */
public record TermsView(String fundCode, String manager, boolean consentRequired, String consentOnSilence,
                        String priority, int noticeDays, int matchDays, List<String> affiliates, String documentDigest,
                        long setIndex) {
}
