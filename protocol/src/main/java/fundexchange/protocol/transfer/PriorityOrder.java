package fundexchange.protocol.transfer;

/**
 * Who holds a fund's priority right (right of first refusal) and in what order: the manager first, then the other
 * holders pro rata; the holders pro rata; or nobody.
 */
public enum PriorityOrder {
    MANAGER_FIRST_THEN_PRO_RATA, PRO_RATA, NONE
}
