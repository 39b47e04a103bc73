package fundexchange.gateway.http;

/**
 * The gateway's own refusal codes (1xx; the data room's 7020-7049; transaction certificates' 7050-7059), beside the engine's reject codes (1000 and up)
 * which pass straight through.
 * Append only.
 */
public enum ApiError {
    MISSING_SIGNATURE(101),
    BAD_SIGNATURE(102),
    UNKNOWN_KEY(103),
    REVOKED_KEY(104),
    TIMESTAMP_OUT_OF_WINDOW(105),
    FORBIDDEN(106),
    NOT_FOUND(107),
    BODY_TOO_LARGE(108),
    MALFORMED_REQUEST(109),
    UNAVAILABLE(110),
    KEY_CACHE_BEHIND(111),
    INTERNAL(112),
    REPLAYED_NONCE(113),
    /** A read's source did not reach its {@code minIndex} within the gateway's wait (docs/api.md, Read your writes). */
    MIN_INDEX_NOT_REACHED(114),
    /** A body field missing, of the wrong JSON type, repeated, unknown, or outside its grammar (docs/api.md, Input rules). */
    INVALID_FIELD(120),
    /** A security header given more than once. */
    DUPLICATE_HEADER(121),
    /** A security header outside its grammar (docs/api-signing.md). */
    MALFORMED_HEADER(122),
    /** A query parameter given more than once where the endpoint documents no list. */
    REPEATED_PARAMETER(123),
    /** A known path called with a method it does not serve; the answer carries {@code Allow}. */
    METHOD_NOT_ALLOWED(124),
    /** The registry (PostgreSQL) cannot be reached; retry later. */
    REGISTRY_UNAVAILABLE(125),
    /** The request line is longer than the server accepts. */
    URI_TOO_LONG(126),
    /** HTTP/1.0: the API speaks HTTP/1.1. */
    HTTP_VERSION_NOT_SUPPORTED(127),
    /** The request's head and body did not arrive within the request read timeout of its first byte; 408. */
    REQUEST_TIMEOUT(130),
    /** The client's address holds the listener's per-address connection cap already; 429, the connection closes. */
    TOO_MANY_CONNECTIONS(131),
    /**
     * Too many reads of the same source already wait for a {@code minIndex} ({@code ReadLimits.minIndexWaiters}); retry
     * later (docs/api.md, Read your writes).
     */
    MIN_INDEX_WAITERS_FULL(135),
    /** The gateway's read-nonce memory is full of nonces still inside the window; retry later (docs/api-signing.md). */
    READ_NONCES_FULL(136),
    /**
     * The caller's participant holds its share of the read-nonce memory ({@code ReadLimits.readNonceShareBp}) with
     * nonces still inside the window: 429, only that participant's reads (docs/api-signing.md).
     */
    READ_NONCE_SHARE_FULL(137),
    /**
     * The caller's participant already has {@code ReadLimits.minIndexWaitersPerParticipant} reads waiting for a
     * {@code minIndex}: 429 (docs/api.md, Read your writes).
     */
    MIN_INDEX_WAITERS_PER_PARTICIPANT(138),
    /** A SUSPENDED participant reads only its own standing and obligations (docs/api.md, Participant standing). */
    PARTICIPANT_SUSPENDED(140),
    /** A PENDING participant (not yet approved) reads only its own standing (docs/api.md, Participant standing). */
    PARTICIPANT_PENDING(141),
    /** A read signed before this gateway started: its nonce may have been used before a restart. Sign it again. */
    SIGNED_BEFORE_START(150),
    /**
     * Retired, no longer sent: told an FXS1 signature apart by verifying a second time, which doubled what a bad
     * signature cost. An FXS1 signature now gets {@link #BAD_SIGNATURE}, whose message says to sign under FXS2.
     */
    SCHEME_SUPERSEDED(151),
    /** The participant holds its cap of open live streams (docs/api.md, Live stream): 429. */
    STREAM_LIMIT(160),
    /** The gateway holds its cap of open live streams: 503, retry later. */
    STREAMS_FULL(161),
    /** The key that signed a live stream was revoked: the server ends the stream with this code. */
    STREAM_KEY_REVOKED(162),
    /**
     * {@code POST /ops/snapshot}: the snapshot was not written, and the message says which failure: the write failed
     * (a full disk, an unwritable snapshot directory), the snapshotter's replay differed from the journal (none is
     * taken until a restart) or could not be done, the snapshotter halted (restart the node), or none came within
     * 60 s (the job goes on). 503; trading goes on, since snapshots only shorten a restart; the node's log has the cause.
     * An engine that halted or is closing answers {@link #UNAVAILABLE} instead.
     */
    SNAPSHOT_FAILED(170),
    /** {@code PUT /documents}: the PDF policy refused the upload (docs/rules.md, Data room); the message names why. 422. */
    PDF_REFUSED(7020),
    /** A {@code RegisterDocument} names a digest the signer has not uploaded (none stored, or only another's): upload it first. 409. */
    DOCUMENT_NOT_STORED(7021),
    /** A {@code RegisterDocument}'s size or pages differ from the stored document's. 409. */
    DOCUMENT_MISMATCH(7022),
    /** The gateway is admitting its cap of uploads at once: 503, retry later. */
    UPLOADS_BUSY(7023),
    /** The document store could not write or read a document (the node's log has the cause): 503. */
    DOCUMENT_STORE_FAILED(7024),
    /** {@code PUT /documents}: the uploader's stored documents would exceed its quota (bytes or count). 409. */
    UPLOAD_QUOTA_EXCEEDED(7025),
    /**
     * {@code PUT /documents}: the body fell behind the upload pace while it held its permit (after 5 s, 256 KiB a
     * second, {@code UploadPace}): 408, the permit released; send it again on a faster link.
     */
    UPLOAD_TOO_SLOW(7026),
    /**
     * {@code GET /trades/{tradeId}/certificate} (or {@code .sig}) by a party, staff or a regulator before the trade's final
     * settlement: a certificate is issued only for a settled trade. 409.
     */
    CERTIFICATE_NOT_SETTLED(7050);

    private final int code;

    ApiError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
