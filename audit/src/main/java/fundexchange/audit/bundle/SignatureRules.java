package fundexchange.audit.bundle;

import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.CheckpointMessage;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.util.Base64;
import java.util.Objects;

/**
 * Who may have written a command (CONTRACTS.md 15): {@code Genesis} (index 1 only) and {@code Tick} are unsigned,
 * a {@code Checkpoint} is signed by the exchange key over {@link CheckpointMessage} and names a head the chain agrees
 * with, and every other command carries a {@link SignedRequest} whose signature re-verifies with the participant key
 * registered at that index, over the canonical string its {@link Audience} names.
 */
final class SignatureRules {
    private SignatureRules() {
    }

    static Authenticity check(long index, CommandRecord record, EventDocument document, KeyBook keys, AuditChain chain,
                              Audience audience) throws BrokenBundle {
        Command command = record.command();
        if (index == 1 && !(command instanceof Genesis)) {
            throw new BrokenBundle(index, Part.COMMAND, "index 1 is a " + type(command) + ", not the genesis");
        }
        return switch (command) {
            case Genesis genesis -> {
                if (index != 1) {
                    throw new BrokenBundle(index, Part.COMMAND, "a genesis at index " + index + "; only index 1 may be the genesis");
                }
                yield new Authenticity.Unsigned();
            }
            case Tick tick -> new Authenticity.Unsigned();
            case Checkpoint checkpoint -> checkpoint(index, checkpoint, keys, chain);
            default -> participant(index, record, document, keys, audience);
        };
    }

    private static Authenticity checkpoint(long index, Checkpoint c, KeyBook keys, AuditChain chain) throws BrokenBundle {
        KeyBook.Key key = keys.exchangeKey(c.keyId()).orElseThrow(() -> new BrokenBundle(index, Part.CHECKPOINT,
                "the checkpoint names key " + c.keyId() + ", which is not the exchange's key"));
        if (c.signature() == null || c.signature().isBlank()) {
            throw new BrokenBundle(index, Part.CHECKPOINT, "the checkpoint carries no signature");
        }
        byte[] message = new CheckpointMessage(c.keyId(), c.chainIndex(), c.chainHead(), c.signedAt()).bytes();
        if (!Signatures.verify(algorithm(index, key.algorithm()), base64(index, key.publicKey(), "exchange public key"),
                message, base64(index, c.signature(), "checkpoint signature"))) {
            throw new BrokenBundle(index, Part.CHECKPOINT, "the checkpoint signature does not verify with the exchange key " + c.keyId()
                    + " (chain index " + c.chainIndex() + ", head " + c.chainHead() + ")");
        }
        if (c.chainIndex() < 1 || c.chainIndex() >= index) {
            throw new BrokenBundle(index, Part.CHECKPOINT, "the checkpoint names chain index " + c.chainIndex()
                    + ", which is not before its own index");
        }
        // Past the chain (a checkpoint no event document answers yet, exchange verify): only the signature is checked.
        String computed = c.chainIndex() <= chain.length() ? chain.linkAt(c.chainIndex()) : c.chainHead();
        if (!computed.equals(c.chainHead())) {
            throw new BrokenBundle(index, Part.CHECKPOINT, "the checkpoint's head for index " + c.chainIndex() + " is " + c.chainHead()
                    + " but the chain recomputed from the bundle gives " + computed);
        }
        return new Authenticity.Checkpointed(c.chainIndex());
    }

    /**
     * The journaled command must be exactly what the signed request says (its endpoint, path parameters and body),
     * and the event document must answer that participant's request.
     */
    private static void requireBinding(long index, CommandRecord record, EventDocument document) throws BrokenBundle {
        SignedRequest request = record.request();
        fundexchange.protocol.command.Command signed;
        try {
            signed = fundexchange.journal.RequestRoute.commandOf(request);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new BrokenBundle(index, Part.COMMAND, "the signed request does not parse into a command: " + e.getMessage());
        }
        if (!signed.equals(record.command())) {
            throw new BrokenBundle(index, Part.COMMAND, "the journaled " + type(record.command())
                    + " differs from the command its signed request says");
        }
        if (document != null && (!Objects.equals(document.participant(), request.participant())
                || !Objects.equals(document.clientRequestId(), request.clientRequestId()))) {
            throw new BrokenBundle(index, Part.EVENT, "the event document answers another request than the signed one");
        }
    }

    private static Authenticity participant(long index, CommandRecord record, EventDocument document, KeyBook keys,
                                            Audience audience) throws BrokenBundle {
        SignedRequest request = record.request();
        if (request == null) {
            throw new BrokenBundle(index, Part.COMMAND, "an unsigned " + type(record.command())
                    + " command: only Genesis, Tick and Checkpoint may be unsigned (CONTRACTS.md 15)");
        }
        SignatureAlgorithm algorithm = algorithm(index, request.algorithm());
        CanonicalRequest canonical = audience.canonical(index, request, algorithm);
        if (!canonical.bodyDigestHex().equals(request.bodyDigest())) {
            throw new BrokenBundle(index, Part.COMMAND, "the request body's SHA-256 is " + canonical.bodyDigestHex()
                    + " but its bodyDigest says " + request.bodyDigest());
        }
        requireBinding(index, record, document);
        KeyBook.Lookup lookup = keys.participantKey(request.keyId(), request.participant(), request.algorithm(), index);
        return switch (lookup) {
            case KeyBook.Unusable unusable -> {
                if (accepted(document)) {
                    throw new BrokenBundle(index, Part.SIGNATURE, "an accepted " + type(record.command()) + " of " + request.participant()
                            + " is signed with an unusable key: " + unusable.reason());
                }
                yield new Authenticity.RejectedUnverifiable(unusable.reason());
            }
            case KeyBook.Usable usable -> {
                if (!Signatures.verify(algorithm, base64(index, usable.key().publicKey(), "public key of " + request.keyId()),
                        canonical.bytes(), base64(index, request.signature(), "request signature"))) {
                    throw new BrokenBundle(index, Part.SIGNATURE, "the signature of " + request.participant() + " with key "
                            + request.keyId() + " does not verify over the signed " + type(record.command()) + " ("
                            + canonical.scheme() + ")");
                }
                yield new Authenticity.ParticipantSigned(request.participant(), request.keyId());
            }
        };
    }

    /** Null {@code document}: a command not applied yet (exchange verify), which the engine rejects if its key is unusable. */
    private static boolean accepted(EventDocument document) {
        return document != null && document.outcome() != null && document.outcome().status() == OutcomeStatus.ACCEPTED;
    }

    private static SignatureAlgorithm algorithm(long index, String wireName) throws BrokenBundle {
        try {
            return SignatureAlgorithm.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            throw new BrokenBundle(index, e.getMessage());
        }
    }

    private static byte[] base64(long index, String value, String what) throws BrokenBundle {
        try {
            return Base64.getDecoder().decode(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new BrokenBundle(index, "the " + what + " is not valid Base64");
        }
    }

    static String type(Command command) {
        return command == null ? "missing command" : command.getClass().getSimpleName();
    }
}
