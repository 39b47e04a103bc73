package fundexchange.gateway.auth;

import fundexchange.engine.reference.Role;
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

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
