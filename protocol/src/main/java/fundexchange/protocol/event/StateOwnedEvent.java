package fundexchange.protocol.event;

/**
 * A state-owned holder's sale under SASAC/MOF Order No. 32: the flag, the appraisal, the approving body's consent to a
 * lower reserve, the public disclosure of a listing and the published result (docs/rules.md, "State-owned holders").
 */
public sealed interface StateOwnedEvent extends Event permits StateOwnedSet, AppraisalRegistered,
        ReserveApprovalRecorded, DisclosureOpened, ResultAnnounced {
}
