package fundexchange.protocol.event;

import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.util.List;

/** A participant exists; active is true only for genesis participants. legalName and registrationNumber are optional. */
public record ParticipantRegistered(String participantId, String name, ParticipantType participantType, List<Role> roles,
                                    boolean active, String legalName, String registrationNumber) implements ParticipantEvent {
    public ParticipantRegistered(String participantId, String name, ParticipantType participantType, List<Role> roles,
                                 boolean active) {
        this(participantId, name, participantType, roles, active, null, null);
    }
}
