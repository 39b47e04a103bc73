package fundexchange.protocol.transfer;

import fundexchange.protocol.money.Units;

/**
 * What one holder of the priority right asked for and was allotted when its notice was resolved; {@code refusedCode}
 * is the reject code of the buyer check it failed then (0: none, and then {@code allocated} may be positive).
 */
public record Allocation(String holder, Units requested, Units allocated, int refusedCode) {
}
