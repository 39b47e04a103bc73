package fundexchange.protocol.command;

import java.util.List;

/**
 * Staff record the right of first refusal on a listing in a fund with the ROFR flag: WAIVED by the holders named in
 * {@code waivedBy} (the listing may then open), or EXERCISED by the holder {@code exercisedBy} (the listing is
 * cancelled and the units unlocked; the exercising holder buys by a negotiated transfer).
 */
public record ClearRofr(long listingId, RofrDecision decision, List<String> waivedBy, String exercisedBy) implements Command {
    /** What the holders with the right decided. */
    public enum RofrDecision {
        WAIVED, EXERCISED
    }
}
