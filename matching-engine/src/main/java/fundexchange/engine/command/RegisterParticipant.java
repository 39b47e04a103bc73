package fundexchange.engine.command;

import fundexchange.engine.reference.ParticipantType;
import fundexchange.engine.reference.Role;
import java.util.List;

/** Staff registers a participant as PENDING; approval is a maker-checker action. */
public record RegisterParticipant(String participantId, String name, ParticipantType participantType, List<Role> roles) implements Command {
}
