package fundexchange.audit.bundle;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keys known at a journal index, learnt only from accepted event documents: the genesis's document registers the
 * exchange key ({@code ExchangeKeyRegistered}) and the founders' keys, later documents add ({@code KeyRegistered}) and
 * revoke ({@code KeyRevoked}) participant keys. A key revoked at index r authenticates nothing after r.
 */
final class KeyBook {
    /** A public key (X.509 SubjectPublicKeyInfo, Base64). {@code revokedAt} is 0 while the key is active. */
    record Key(String keyId, String owner, String algorithm, String publicKey, long revokedAt) {
    }

    /** What a signed request's key is at an index. */
    sealed interface Lookup permits Usable, Unusable {
    }

    record Usable(Key key) implements Lookup {
    }

    record Unusable(String reason) implements Lookup {
    }

    private final Map<String, Key> participantKeys = new HashMap<>();
    private final Map<String, Key> exchangeKeys = new HashMap<>();

    /** The only commands whose accepted documents may change keys. */
    private static final Set<Class<?>> KEY_COMMANDS = Set.of(fundexchange.protocol.command.Genesis.class,
            fundexchange.protocol.command.ApproveProposal.class, fundexchange.protocol.command.RotateKey.class,
            fundexchange.protocol.command.RevokeKey.class);

    /**
     * Applies the key events of an accepted document of a key-changing command; any other document carrying a key
     * event, and any reuse of a key id (CONTRACTS.md 3), breaks the bundle.
     */
    void learn(long index, fundexchange.protocol.CommandRecord record, EventDocument document) throws BrokenBundle {
        boolean changesKeys = document.events().stream().anyMatch(e -> e instanceof ExchangeKeyRegistered
                || e instanceof KeyRegistered || e instanceof KeyRevoked);
        if (!changesKeys) {
            return;
        }
        if (record == null || !KEY_COMMANDS.contains(record.command().getClass())) {
            throw new BrokenBundle(index, "a key event follows a command that cannot change keys");
        }
        if (document.outcome() == null || document.outcome().status() != OutcomeStatus.ACCEPTED) {
            throw new BrokenBundle(index, "a key event in a document that was not accepted");
        }
        for (Event event : document.events()) {
            if (event instanceof KeyRegistered k && (participantKeys.containsKey(k.keyId()) || exchangeKeys.containsKey(k.keyId()))
                    || event instanceof ExchangeKeyRegistered x && (participantKeys.containsKey(x.keyId()) || exchangeKeys.containsKey(x.keyId()))) {
                throw new BrokenBundle(index, "a key id is registered twice; key ids are never reused");
            }
            switch (event) {
                case ExchangeKeyRegistered e -> exchangeKeys.put(e.keyId(), new Key(e.keyId(), null, e.algorithm(), e.publicKey(), 0));
                case KeyRegistered k -> participantKeys.put(k.keyId(),
                        new Key(k.keyId(), k.participantId(), k.algorithm(), k.publicKey(), 0));
                case KeyRevoked r -> participantKeys.computeIfPresent(r.keyId(), (id, key) -> key.revokedAt() != 0 ? key
                        : new Key(key.keyId(), key.owner(), key.algorithm(), key.publicKey(), document.sourceIndex()));
                default -> {
                }
            }
        }
    }

    /** Whether {@code keyId} may authenticate {@code participant} with {@code algorithm} at {@code index}. */
    Lookup participantKey(String keyId, String participant, String algorithm, long index) {
        Key key = participantKeys.get(keyId);
        if (key == null) {
            return new Unusable("key " + keyId + " is not registered before index " + index);
        }
        if (!Objects.equals(key.owner(), participant)) {
            return new Unusable("key " + keyId + " belongs to " + key.owner() + ", not " + participant);
        }
        if (!Objects.equals(key.algorithm(), algorithm)) {
            return new Unusable("key " + keyId + " is " + key.algorithm() + " but the request says " + algorithm);
        }
        if (key.revokedAt() != 0) {
            return new Unusable("key " + keyId + " was revoked at index " + key.revokedAt());
        }
        return new Usable(key);
    }

    Optional<Key> exchangeKey(String keyId) {
        return Optional.ofNullable(exchangeKeys.get(keyId));
    }
}
