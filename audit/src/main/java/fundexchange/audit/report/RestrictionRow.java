package fundexchange.audit.report;

/**
 * A restriction put on or lifted from a holding, a participant or a key on the day.
 *
 * @param kind          PLEDGE_REGISTERED, PLEDGE_RELEASED, UNITS_FROZEN, UNITS_UNFROZEN, PARTICIPANT_SUSPENDED,
 *                      PARTICIPANT_REINSTATED or KEY_REVOKED
 * @param participantId the holder, the suspended participant or the key's owner
 * @param fundCode      the fund of a pledge or freeze; absent otherwise
 * @param units         the units pledged or frozen; absent otherwise
 * @param reference     the pledge id, freeze id, proposal id or key id
 * @param detail        the pledgee, the authority and case number, the reason, or who revoked the key
 */
public record RestrictionRow(long sourceIndex, String time, String kind, String participantId, String name,
                             String fundCode, String units, String reference, String detail) {
}
