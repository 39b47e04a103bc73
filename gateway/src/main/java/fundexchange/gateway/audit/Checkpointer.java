package fundexchange.gateway.audit;

import fundexchange.protocol.command.Checkpoint;
import fundexchange.gateway.view.GatewayView;
import fundexchange.protocol.EventDocument;
import fundexchange.registry.audit.AuditHead;
import fundexchange.signing.CheckpointMessage;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.Signatures;
import fundexchange.sequencer.Sequencer;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Signs the audit chain head with the exchange's key and journals it as a {@code Checkpoint}: on an interval and on
 * demand. Only one checkpoint is made at a time, and none when the head has not moved.
 */
public final class Checkpointer {
    private final DataSource dataSource;
    private final Sequencer sequencer;
    private final GatewayView view;
    private final PrivateKey exchangeKey;
    private final String keyId;
    private final Clock clock;
    /** One checkpoint at a time; a lock, not a monitor, since it is held across the journal's answer. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private long lastCheckpointed;

    public Checkpointer(DataSource dataSource, Sequencer sequencer, GatewayView view, PrivateKey exchangeKey,
                        String keyId, Clock clock) {
        this.dataSource = dataSource;
        this.sequencer = sequencer;
        this.view = view;
        this.exchangeKey = exchangeKey;
        this.keyId = keyId;
        this.clock = clock;
    }

    /**
     * The detached signature of a transaction certificate's bytes by the exchange's key, naming the platform id and the
     * key's published fingerprint (docs/rules.md, Transaction certificates). Checked against the key the journal
     * published before it is returned, so a key file that is not the genesis key never signs a certificate.
     */
    public fundexchange.signing.CertificateSignature signCertificate(byte[] pdf) {
        fundexchange.gateway.view.KeyHistory.Entry published = view.keyHistory().exchangeKeys().stream()
                .filter(key -> key.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the journal publishes no exchange key " + keyId));
        // The journaled SPKI bytes as given: GET /exchange/keys fingerprints these, and a decode and re-encode
        // (getEncoded) need not give the same bytes, so it could name a fingerprint nobody published.
        byte[] spki = Base64.getDecoder().decode(published.publicKey());
        fundexchange.signing.CertificateSignature signature = fundexchange.signing.CertificateSignature.sign(pdf,
                view.platformId(), keyId, exchangeKey, spki);
        if (signature.verify(pdf, view.platformId(), fundexchange.signing.KeyFingerprint.of(spki))
                != fundexchange.signing.CertificateSignature.Verdict.VALID) {
            throw new IllegalStateException("the exchange's key file does not match its published key " + keyId);
        }
        return signature;
    }

    /**
     * Checkpoints the current head, returning its event document; empty if nothing but checkpoints was journaled
     * since the last one.
     */
    public Optional<EventDocument> checkpointNow(Duration timeout) {
        lock.lock();
        try {
            return checkpointLocked(timeout);
        } finally {
            lock.unlock();
        }
    }

    private Optional<EventDocument> checkpointLocked(Duration timeout) {
        Optional<AuditHead> head = AuditHead.read(dataSource).filter(h -> h.index() > lastCheckpointed);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long signedAt = clock.millis();
        CheckpointMessage message = new CheckpointMessage(keyId, head.get().index(), head.get().link(), signedAt);
        byte[] signature = Signatures.sign(KeyMaterial.algorithmOf(exchangeKey), exchangeKey, message.bytes());
        Checkpoint command = new Checkpoint(keyId, head.get().index(), head.get().link(), signedAt,
                Base64.getEncoder().encodeToString(signature));
        try {
            long index = sequencer.submitUnsigned(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            EventDocument document = view.documentAt(index).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The checkpoint's own index moves the head; only later commands make a new checkpoint worth its record.
            lastCheckpointed = index;
            return Optional.of(document);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checkpointing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("checkpoint not journaled in time", e);
        }
    }
}
