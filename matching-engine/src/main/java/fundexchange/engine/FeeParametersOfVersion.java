package fundexchange.engine;

/**
 * Which fee parameters a journal's rules version knows, for a read outside the engine (the gateway's
 * {@code GET /parameters}; docs/design/mechanism-terms.md R10): the {@code fee-<name>-*} parameters of an auction
 * mechanism not in the version's rules ({@code AuctionMechanism.inRules}) are unknown to it, as {@code
 * SetPlatformParameter} refuses them there, so a version-11 journal lists no {@code fee-clock-*}.
 */
public final class FeeParametersOfVersion {
    private FeeParametersOfVersion() {
    }

    /** False only for a fee parameter of a mechanism outside {@code rulesVersion}'s rules; true for any other name. */
    public static boolean known(int rulesVersion, String name) {
        return AuctionMechanism.feeParameterInRules(rulesVersion, name, AuctionMechanism::inRulesOf);
    }
}
