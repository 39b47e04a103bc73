package fundexchange.engine.event;

import fundexchange.engine.reference.ParticipantType;
import fundexchange.engine.reference.Role;
import java.util.List;

/** A participant exists; active is true only for genesis participants. */
public record ParticipantRegistered(String participantId, String name, ParticipantType participantType, List<Role> roles, boolean active) implements Event {
}
