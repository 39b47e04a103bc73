package fundexchange.protocol.command;

import fundexchange.protocol.custody.CustodyEntry;
import java.util.List;

/**
 * A holder asks to take units into custody, with the SHA-256 of the supporting register or certificate. For a FULL
 * custody fund the entries are the fund's whole register (every holder, each confirming its line after approval);
 * for a PARTIAL custody fund, one entry: the submitting holder's own lot to be transferred.
 */
public record SubmitCustody(String fundCode, List<CustodyEntry> entries, String documentDigest) implements Command {
}
