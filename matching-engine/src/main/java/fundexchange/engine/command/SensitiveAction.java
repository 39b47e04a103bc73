package fundexchange.protocol.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A staff action that needs a second staff member's approval (maker-checker, CONTRACTS.md 4). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ApproveParticipant.class),
        @JsonSubTypes.Type(SetQualification.class),
        @JsonSubTypes.Type(RegisterFirstKey.class),
        @JsonSubTypes.Type(SetPlatformParameter.class),
        @JsonSubTypes.Type(FailSettlement.class),
        @JsonSubTypes.Type(FreezeUnits.class),
        @JsonSubTypes.Type(UnfreezeUnits.class),
        @JsonSubTypes.Type(SuspendParticipant.class),
        @JsonSubTypes.Type(ReinstateParticipant.class),
        @JsonSubTypes.Type(RevokeParticipantKey.class),
        @JsonSubTypes.Type(RegisterReplacementKey.class)
})
public sealed interface SensitiveAction permits ApproveParticipant, SetQualification, RegisterFirstKey, SetPlatformParameter, FailSettlement,
        FreezeUnits, UnfreezeUnits, SuspendParticipant, ReinstateParticipant, RevokeParticipantKey, RegisterReplacementKey {
}
