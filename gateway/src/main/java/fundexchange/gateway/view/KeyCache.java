package fundexchange.gateway.view;

import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys, participant roles and statuses, projected from the event journal (the view hands it the key and participant
 * events); read by request threads, written by one tailer.
 */
public final class KeyCache {
    private final ConcurrentHashMap<String, KnownKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Role>> roles = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ParticipantStatus> statuses = new ConcurrentHashMap<>();

    /** The exchange's own key signs no request, so only participants' keys are cached. */
    void apply(KeyEvent event) {
        switch (event) {
            case ExchangeKeyRegistered e -> { }
            case KeyRegistered e -> keys.put(e.keyId(), KnownKey.registered(e.keyId(), e.participantId(), e.algorithm(),
                    Base64.getDecoder().decode(e.publicKey())));
            case KeyRevoked e -> keys.computeIfPresent(e.keyId(),
                    (id, k) -> k.revoke());
        }
    }

    /** Roles and statuses; a qualification decides trading in the engine, not who may sign. */
    void apply(ParticipantEvent event) {
        switch (event) {
            case ParticipantRegistered e -> {
                roles.put(e.participantId(), Set.copyOf(EnumSet.copyOf(e.roles())));
                statuses.put(e.participantId(), e.active() ? ParticipantStatus.ACTIVE : ParticipantStatus.PENDING);
            }
            case ParticipantApproved e -> statuses.put(e.participantId(), ParticipantStatus.ACTIVE);
            case ParticipantSuspended e -> statuses.put(e.participantId(), ParticipantStatus.SUSPENDED);
            case ParticipantReinstated e -> statuses.put(e.participantId(), ParticipantStatus.ACTIVE);
            case QualificationSet e -> { }
        }
    }

    public Optional<KnownKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<Role> roles(String participantId) {
        return roles.getOrDefault(participantId, Set.of());
    }

    /** The participant's status; PENDING for an id the journal has not registered (it reads nothing but its own). */
    public ParticipantStatus status(String participantId) {
        return statuses.getOrDefault(participantId, ParticipantStatus.PENDING);
    }
}
