package fundexchange.engine.reference;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;

/**
 * A fund's reference data. {@code nav} is NAV per unit as of {@code navDate}; {@code holderCount} is maintained by
 * deposits and settled transfers, and must never exceed {@code holderCap}.
 */
public record Fund(String fundCode, String shortName, String manager, String strategy, int vintage, String currency,
                   LegalForm legalForm, CustodyMode custodyMode, int holderCap, int holderCount, int reservedHolders,
                   Price nav, String navDate, Units minTransferUnits, boolean rightOfFirstRefusal) {

    public static int defaultHolderCap(LegalForm form) {
        return form == LegalForm.CONTRACTUAL ? 200 : 50;
    }

    public Fund withNav(Price newNav, String newNavDate) {
        return new Fund(fundCode, shortName, manager, strategy, vintage, currency, legalForm, custodyMode, holderCap,
                holderCount, reservedHolders, newNav, newNavDate, minTransferUnits, rightOfFirstRefusal);
    }

    public Fund withHolders(int newHolderCount, int newReserved) {
        return new Fund(fundCode, shortName, manager, strategy, vintage, currency, legalForm, custodyMode, holderCap,
                newHolderCount, newReserved, nav, navDate, minTransferUnits, rightOfFirstRefusal);
    }

    public boolean roomForNewHolder() {
        return holderCount + reservedHolders < holderCap;
    }
}
