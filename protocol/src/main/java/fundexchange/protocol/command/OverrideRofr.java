package fundexchange.protocol.command;

/**
 * Staff override a listing's pending right of first refusal or transfer notice (maker-checker), with the reason:
 * WAIVED lets the listing go on (as if every holder waived and the manager consented), EXERCISED cancels it and
 * unlocks its units ({@code exercisedBy}, optional, names the current holder who exercised off the exchange).
 */
public record OverrideRofr(long listingId, ClearRofr.RofrDecision decision, String exercisedBy, String reason)
        implements SensitiveAction {
}
