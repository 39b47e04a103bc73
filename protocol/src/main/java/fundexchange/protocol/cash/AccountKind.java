package fundexchange.protocol.cash;

/**
 * The kinds of cash account in escrow at the settlement bank (issue 22, docs/rules.md "Cash"): a participant's own, one
 * per currency; the platform's suspense account, holding receipts the bank could not attribute until staff assign or
 * return them; the platform's revenue account, which fees will credit.
 */
public enum AccountKind {
    PARTICIPANT, SUSPENSE, REVENUE
}
