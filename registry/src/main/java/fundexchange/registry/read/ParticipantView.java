package fundexchange.registry.read;

import java.util.List;

/**
 * A participant's standing as the registry holds it: roles, approval status and qualification with its validity;
 * {@code legalName} and {@code registrationNumber} when registered.
 */
public record ParticipantView(String participantId, String name, String participantType, List<String> roles, String status,
                              String qualification, String qualifiedUntil, String legalName, String registrationNumber) {
}
