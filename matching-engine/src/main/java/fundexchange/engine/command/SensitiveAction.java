package fundexchange.engine.command;

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
        @JsonSubTypes.Type(UnfreezeUnits.class)
})
public sealed interface SensitiveAction permits ApproveParticipant, SetQualification, RegisterFirstKey, SetPlatformParameter, FailSettlement,
        FreezeUnits, UnfreezeUnits {
}
