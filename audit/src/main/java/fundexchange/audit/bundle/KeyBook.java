package fundexchange.audit.bundle;

import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.event.BookEvent;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.HoldingEvent;
import fundexchange.protocol.event.IntentEvent;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingEvent;
import fundexchange.protocol.event.ParticipantEvent;
import fundexchange.protocol.event.PlatformEvent;
import fundexchange.protocol.event.TradeEvent;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Applies the key events of an accepted document of a key-changing command (its specification says so,
     * {@code CommandSpecs}); any other document carrying a key
     * event, and any reuse of a key id (CONTRACTS.md 3), breaks the bundle.
     */
    void learn(long index, fundexchange.protocol.CommandRecord record, EventDocument document) throws BrokenBundle {
        boolean changesKeys = document.events().stream().anyMatch(e -> e instanceof KeyEvent);
        if (!changesKeys) {
            return;
        }
        if (record == null || !CommandSpecs.of(record.command().getClass()).keyChanging()) {
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
                case KeyEvent e -> learn(e, document.sourceIndex());
                case ParticipantEvent e -> { }
                case PlatformEvent e -> { }
                case HoldingEvent e -> { }
                case ListingEvent e -> { }
                case TradeEvent e -> { }
                case BookEvent e -> { }
                case IntentEvent e -> { }
                case fundexchange.protocol.event.StateOwnedEvent e -> { }
                case fundexchange.protocol.event.DocumentEvent d -> { }
                case fundexchange.protocol.event.CashEvent c -> { }
            }
        }
    }

    private void learn(KeyEvent event, long index) {
        switch (event) {
            case ExchangeKeyRegistered e -> exchangeKeys.put(e.keyId(), new Key(e.keyId(), null, e.algorithm(), e.publicKey(), 0));
            case KeyRegistered k -> participantKeys.put(k.keyId(),
                    new Key(k.keyId(), k.participantId(), k.algorithm(), k.publicKey(), 0));
            case KeyRevoked r -> participantKeys.computeIfPresent(r.keyId(), (id, key) -> key.revokedAt() != 0 ? key
                    : new Key(key.keyId(), key.owner(), key.algorithm(), key.publicKey(), index));
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
