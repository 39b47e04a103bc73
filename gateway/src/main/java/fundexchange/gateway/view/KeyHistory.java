package fundexchange.gateway.view;

import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.KeyEvent;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every public key the journal has registered, the exchange's and the participants', in the order registered, with
 * the index that registered it and the one that revoked it. Written by the view's tailer, read by request threads.
 */
public final class KeyHistory {
    /**
     * One key. {@code participantId} is null for the exchange's key; {@code revokedAtIndex} is null while the key is
     * active. {@code publicKey} is the X.509 SubjectPublicKeyInfo, Base64, as journaled.
     */
    public record Entry(String participantId, String keyId, String algorithm, String publicKey,
                        long registeredAtIndex, Long revokedAtIndex) {
        Entry revokedAt(long index) {
            return new Entry(participantId, keyId, algorithm, publicKey, registeredAtIndex, index);
        }
    }

    private final Map<String, Entry> exchangeKeys = new LinkedHashMap<>();
    private final Map<String, Entry> participantKeys = new LinkedHashMap<>();

    synchronized void apply(KeyEvent event, long index) {
        switch (event) {
            case ExchangeKeyRegistered e -> exchangeKeys.putIfAbsent(e.keyId(),
                    new Entry(null, e.keyId(), e.algorithm(), e.publicKey(), index, null));
            case KeyRegistered e -> participantKeys.putIfAbsent(e.keyId(),
                    new Entry(e.participantId(), e.keyId(), e.algorithm(), e.publicKey(), index, null));
            case KeyRevoked e -> participantKeys.computeIfPresent(e.keyId(),
                    (id, key) -> key.revokedAtIndex() == null ? key.revokedAt(index) : key);
        }
    }

    /** The exchange's keys, in the order registered. */
    public synchronized List<Entry> exchangeKeys() {
        return new ArrayList<>(exchangeKeys.values());
    }

    /** The participants' keys, in the order registered. */
    public synchronized List<Entry> participantKeys() {
        return new ArrayList<>(participantKeys.values());
    }
}
