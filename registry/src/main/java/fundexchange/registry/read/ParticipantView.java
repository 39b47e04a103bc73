package fundexchange.registry.read;

import java.util.List;

/**
 * A participant's standing as the registry holds it: roles, approval status and qualification with its validity;
 * {@code legalName} and {@code registrationNumber} when registered; after a suspension or reinstatement, its reason
 * ({@code statusReason}) and the journal index that decided it ({@code statusIndex}); {@code registeredAt}, the
 * journal time of its registration (epoch ms), null when projected before the registry recorded it (V15).
 */
public record ParticipantView(String participantId, String name, String participantType, List<String> roles, String status,
                              String qualification, String qualifiedUntil, String legalName, String registrationNumber,
                              String statusReason, Long statusIndex, Long registeredAt) {
}
