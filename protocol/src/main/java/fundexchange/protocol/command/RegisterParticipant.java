package fundexchange.protocol.command;

import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.util.List;

/**
 * Staff registers a participant as PENDING; approval is a maker-checker action. {@code legalName} (the registered
 * name, when it differs from the display name) and {@code registrationNumber} (unified social credit code or ID
 * number) are optional.
 */
public record RegisterParticipant(String participantId, String name, ParticipantType participantType, List<Role> roles,
                                  String legalName, String registrationNumber) implements Command {
    public RegisterParticipant(String participantId, String name, ParticipantType participantType, List<Role> roles) {
        this(participantId, name, participantType, roles, null, null);
    }
}
