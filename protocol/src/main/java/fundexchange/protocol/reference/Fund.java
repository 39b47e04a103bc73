package fundexchange.protocol.reference;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A fund's reference data. {@code nav} is NAV per unit as of {@code navDate}; {@code holderCount} is maintained by
 * deposits and settled transfers, and must never exceed {@code holderCap}. {@code size} is the fund's total committed
 * capital in its currency, or null when staff did not give it.
 */
public record Fund(String fundCode, String shortName, String manager, String strategy, int vintage, String currency,
                   LegalForm legalForm, CustodyMode custodyMode, int holderCap, int holderCount, int reservedHolders,
                   Price nav, String navDate, Units minTransferUnits, boolean rightOfFirstRefusal, Money size) {

    /** A fund without a recorded size. */
    public Fund(String fundCode, String shortName, String manager, String strategy, int vintage, String currency,
                LegalForm legalForm, CustodyMode custodyMode, int holderCap, int holderCount, int reservedHolders,
                Price nav, String navDate, Units minTransferUnits, boolean rightOfFirstRefusal) {
        this(fundCode, shortName, manager, strategy, vintage, currency, legalForm, custodyMode, holderCap, holderCount,
                reservedHolders, nav, navDate, minTransferUnits, rightOfFirstRefusal, null);
    }

    public static int defaultHolderCap(LegalForm form) {
        return form == LegalForm.CONTRACTUAL ? 200 : 50;
    }

    public Fund withNav(Price newNav, String newNavDate) {
        return new Fund(fundCode, shortName, manager, strategy, vintage, currency, legalForm, custodyMode, holderCap,
                holderCount, reservedHolders, newNav, newNavDate, minTransferUnits, rightOfFirstRefusal, size);
    }

    public Fund withHolders(int newHolderCount, int newReserved) {
        return new Fund(fundCode, shortName, manager, strategy, vintage, currency, legalForm, custodyMode, holderCap,
                newHolderCount, newReserved, nav, navDate, minTransferUnits, rightOfFirstRefusal, size);
    }

    public boolean roomForNewHolder() {
        return holderCount + reservedHolders < holderCap;
    }
}
