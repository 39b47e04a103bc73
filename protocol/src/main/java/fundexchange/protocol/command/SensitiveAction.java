package fundexchange.protocol.command;

/**
 * A staff action that needs a second staff member's approval (maker-checker, CONTRACTS.md 4). Written with a
 * {@code type} field ({@link fundexchange.protocol.JsonShape}).
 */
public sealed interface SensitiveAction permits ApproveParticipant, SetQualification, RegisterFirstKey, SetPlatformParameter, FailSettlement,
        FreezeUnits, UnfreezeUnits, SuspendParticipant, ReinstateParticipant, RevokeParticipantKey, RegisterReplacementKey,
        SetStateOwned, RecordReserveApproval, SetTransferTerms, OverrideRofr, SetOfficialCalendar,
        AssignSuspenseReceipt, ReturnSuspenseReceipt, AcknowledgeEscrowAlarm, CorrectCash, OverrideSettlement {
}
