package fundexchange.gateway.view;

import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/** Key caches for tests outside this package, built the way the view builds them: from events. */
public final class TestKeyCaches {
    private TestKeyCaches() {
    }

    /** A cache knowing one participant of {@code role} with one key. */
    public static KeyCache with(String participantId, Role role, String keyId, String algorithm, PublicKey key) {
        KeyCache cache = new KeyCache();
        cache.apply(participant(participantId, role));
        cache.apply(new KeyRegistered(participantId, keyId, algorithm, Base64.getEncoder().encodeToString(key.getEncoded())));
        return cache;
    }

    private static ParticipantRegistered participant(String participantId, Role role) {
        return new ParticipantRegistered(participantId, "Demo " + participantId, ParticipantType.INSTITUTION, List.of(role), true);
    }
}
