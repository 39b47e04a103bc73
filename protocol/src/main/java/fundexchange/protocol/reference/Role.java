package fundexchange.protocol.reference;

/**
 * What a participant may do: hold and sell, buy, operate the exchange, audit it, or manage funds ({@code MANAGER}: the
 * general partner or its manager, linked to a fund by the fund's transfer terms, {@link fundexchange.protocol.transfer.TransferTerms#manager()}),
 * or confirm cash as the settlement bank ({@code BANK}, rules version 7: receipts, payouts and statements of the
 * escrow account; held alone, CONTRACTS.md 18).
 */
public enum Role {
    HOLDER, INVESTOR, STAFF, REGULATOR, MANAGER, BANK
}
