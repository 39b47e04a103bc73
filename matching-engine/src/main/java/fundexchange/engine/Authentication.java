package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.reference.KeyRecord;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.Windows;
import java.util.function.LongPredicate;

/**
 * Checks who sent a command before any rule runs: signature presence, key ownership and revocation, the timestamp
 * window W and idempotency (CONTRACTS.md 3, 8 and 15). Signatures themselves are verified by the gateway.
 */
final class Authentication {
    /**
     * Who sent it; the original's index and outcome when it repeats a remembered id (else null); the hash its id is
     * remembered under.
     */
    record Verdict(Participant actor, Duplicate duplicate, long idHash) {
    }

    /** A repeat of the request first journaled at {@code index}, which was decided {@code outcome}. */
    record Duplicate(long index, Outcome outcome) {
    }

    private final ExchangeState state;
    private final JournaledRequests journaled;
    /** The engine thread's id hasher and repeat matcher, reused for every command. */
    private final IdHasher ids = new IdHasher();
    private final SameId sameId = new SameId();

    Authentication(ExchangeState state, JournaledRequests journaled) {
        this.state = state;
        this.journaled = journaled;
    }

    Verdict authenticate(CommandRecord record, long time) {
        SignedRequest request = record.request();
        if (!record.command().signed()) {
            Rejection.check(request == null, RejectCode.UNSIGNED_NOT_ALLOWED, "this command type is never signed");
            return new Verdict(null, null, 0);
        }
        Rejection.check(request != null, RejectCode.SIGNATURE_REQUIRED, "command must be signed");
        Participant actor = state.participants.get(request.participant());
        if (actor == null) {
            throw new Rejection(RejectCode.UNKNOWN_PARTICIPANT, "no participant " + request.participant());
        }
        KeyRecord key = state.keys.get(request.keyId());
        if (key == null || !key.participantId().equals(actor.participantId())
                || !key.algorithm().equals(request.algorithm())) {
            throw new Rejection(RejectCode.KEY_NOT_OWNED, "key " + request.keyId() + " does not belong to "
                    + request.participant());
        }
        if (!key.activeAt(record.index())) {
            throw new Rejection(RejectCode.KEY_REVOKED, "key " + request.keyId() + " is revoked");
        }
        long window = state.parameters.requestWindowMs();
        if (!Windows.within(request.signedTimestamp(), time, window)) {
            throw new Rejection(RejectCode.TIMESTAMP_OUT_OF_WINDOW, "signed timestamp is more than " + window
                    + " ms from the exchange time");
        }
        Validation.text(request.clientRequestId(), "clientRequestId");
        long idHash = ids.hash(request.clientRequestId());
        Duplicate earlier = earlier(actor.participantId(), request, idHash);
        if (earlier != null) {
            return new Verdict(actor, earlier, idHash);
        }
        if (actor.status() == ParticipantStatus.PENDING) {
            throw new Rejection(RejectCode.PARTICIPANT_NOT_ACTIVE, "participant " + actor.participantId() + " is not active");
        }
        if (actor.status() == ParticipantStatus.SUSPENDED && !Standing.allowedWhileSuspended(record.command())) {
            throw new Rejection(RejectCode.PARTICIPANT_SUSPENDED, "participant " + actor.participantId()
                    + " is suspended: it may only complete what it owes and cancel or decline what it is a party to"
                    + " / 参与者 " + actor.participantId() + " 已被暂停：只能履行既有义务，或撤销、拒绝其参与的事项");
        }
        RequestMemory.Room room = state.requests.room(time, state.parameters, actor.participantId(),
                actor.has(Role.STAFF) || actor.has(Role.REGULATOR));
        Rejection.check(room != RequestMemory.Room.FULL, RejectCode.REQUEST_MEMORY_FULL,
                "the request memory is full (request-memory-capacity): nothing was done; retry later with the same"
                        + " clientRequestId");
        if (room == RequestMemory.Room.PARTICIPANT_SHARE_USED) {
            throw new Rejection(RejectCode.REQUEST_MEMORY_FULL, "participant " + actor.participantId()
                    + " has used its share of the request memory (request-memory-participant-share-bp): nothing was"
                    + " done; retry later with the same clientRequestId");
        }
        return new Verdict(actor, null, idHash);
    }

    /**
     * The remembered original of this request's id, confirmed against the journaled record the memory points at
     * (a hash shared with another id is a miss); refused when that original had another body.
     */
    private Duplicate earlier(String participant, SignedRequest request, long idHash) {
        sameId.participant = participant;
        sameId.clientRequestId = request.clientRequestId();
        sameId.hit = null;
        long index;
        try {
            index = state.requests.find(participant, idHash, sameId);
        } finally {
            sameId.participant = null;
            sameId.clientRequestId = null;
        }
        JournaledRequests.JournaledRequest hit = sameId.hit;
        sameId.hit = null;
        if (index == 0) {
            return null;
        }
        Rejection.check(hit.requestDigest().equals(requestDigest(request)), RejectCode.DUPLICATE_REQUEST_DIFFERENT_BODY,
                "clientRequestId " + request.clientRequestId() + " was used with a different body");
        return new Duplicate(index, hit.outcome());
    }

    /** Confirms a hash hit against the journaled request at the candidate index; keeps the last one read. */
    private final class SameId implements LongPredicate {
        private String participant;
        private String clientRequestId;
        private JournaledRequests.JournaledRequest hit;

        @Override
        public boolean test(long candidate) {
            JournaledRequests.JournaledRequest original = journaled.at(candidate);
            hit = original;
            return original.participant().equals(participant) && original.clientRequestId().equals(clientRequestId);
        }
    }

    /**
     * Remembers a decided signed command from its first journaling at {@code time} (CONTRACTS.md 8); its request
     * and outcome stay in the journals. Allocates nothing.
     */
    void remember(CommandRecord record, Verdict verdict, long time) {
        SignedRequest request = record.request();
        if (request == null) {
            return;
        }
        state.requests.remember(time, state.parameters, request.participant(), verdict.idHash(), record.index());
    }

    /** What makes two requests "the same": method, path, query and body; path parameters are part of the command. */
    static String requestDigest(SignedRequest request) {
        String identity = request.method() + "\n" + request.path() + "\n" + (request.query() == null ? "" : request.query())
                + "\n" + request.bodyDigest();
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
