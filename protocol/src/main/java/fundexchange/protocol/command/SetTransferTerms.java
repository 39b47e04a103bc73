package fundexchange.protocol.command;

import fundexchange.protocol.transfer.Affiliation;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.SilenceMeans;
import java.util.List;

/**
 * Staff set a fund's transfer terms from its documents (maker-checker). Every field but {@code fundCode} and
 * {@code documentDigest} may be left out and then takes the default of the fund's legal form (docs/rules.md, "Consent
 * and first refusal"); {@code manager} names a participant with the MANAGER role, and is needed when consent is
 * required, the manager holds the first priority, or the fund is in PARTIAL custody.
 */
public record SetTransferTerms(String fundCode, String manager, Boolean consentRequired, SilenceMeans consentOnSilence,
                               PriorityOrder priority, Integer noticeDays, Integer matchDays,
                               List<Affiliation> affiliates, String documentDigest) implements SensitiveAction {
}
