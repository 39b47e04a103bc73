package fundexchange.protocol.command;

import fundexchange.protocol.money.Units;

/**
 * A judicial freeze (maker-checker): {@code units} of the holder's available units in the fund, ordered by
 * {@code authority} in case {@code caseNumber}, with the order's SHA-256. Frozen units cannot be sold or pledged.
 */
public record FreezeUnits(String fundCode, String holder, Units units, String authority, String caseNumber,
                          String documentDigest) implements SensitiveAction {
}
