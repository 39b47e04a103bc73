package fundexchange.gateway.auth;

import fundexchange.protocol.reference.Role;
import fundexchange.signing.SigningScheme;
import java.util.Set;

/**
 * An authenticated request: who signed it, with which key, under which signing scheme ({@code scheme}, the tag of
 * the canonical string the signature verified over), and the signed fields the command journal keeps so an auditor
 * can re-verify the signature later.
 */
public record Caller(String participantId, Set<Role> roles, String keyId, String algorithm, String signature,
                     long timestamp, String clientRequestId, String method, String path, String query,
                     String bodyDigest, byte[] body, SigningScheme scheme) {
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * This caller reading as a plain participant: without STAFF, REGULATOR and BANK, so endpoints answer only what
     * concerns it (a SUSPENDED staff member reads its own standing, never the whole exchange; a SUSPENDED bank no
     * payout instruction, receipt or statement: BANK counts only for an ACTIVE caller, as in its feed).
     */
    public Caller withoutOversight() {
        Set<Role> kept = roles.stream().filter(role -> role != Role.STAFF && role != Role.REGULATOR && role != Role.BANK)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Caller(participantId, kept, keyId, algorithm, signature, timestamp, clientRequestId, method, path, query,
                bodyDigest, body, scheme);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
