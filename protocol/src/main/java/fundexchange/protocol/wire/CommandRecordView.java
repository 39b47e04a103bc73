package fundexchange.protocol.wire;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;

/**
 * A flyweight over a binary command record (docs/design/binary-journal.md sections 2.3 and 5.3): the header, the
 * command's type id and {@linkplain #command() struct}, and the signed request's fields, read where they lie. A typed
 * view ({@link PlaceOrderView}, ...) reads the command's fields; {@link #toRecord()} is the generic decode, for the
 * commands that have none. Reads allocate nothing, except strings: the request's repeating ones come through an intern
 * cache (a hit allocates nothing), and {@code clientRequestId} is offered as bytes. One view serves one thread and is
 * valid until its bytes change; {@link #wrap} checks frames, not every rule of canonical form ({@link StructView}).
 * After a {@code wrap} that throws, the view reads nothing (every accessor throws {@link IllegalStateException}) until
 * the next successful {@code wrap}, and the typed views wrapped over it before are stale ({@link CommandView}).
 */
public final class CommandRecordView {
    private static final WireType REQUEST = JournalBinary.signedRequest(WireSchema.journal());
    private static final int PARTICIPANT = StructView.field(REQUEST, "participant", "string");
    private static final int KEY_ID = StructView.field(REQUEST, "keyId", "string");
    private static final int ALGORITHM = StructView.field(REQUEST, "algorithm", "string");
    private static final int SIGNED_TIMESTAMP = StructView.field(REQUEST, "signedTimestamp", "i64");
    private static final int CLIENT_REQUEST_ID = StructView.field(REQUEST, "clientRequestId", "string");
    private static final int METHOD = StructView.field(REQUEST, "method", "string");
    private static final int SCHEME = StructView.field(REQUEST, "scheme", "string");

    private final WireSchema schema = WireSchema.journal();
    private final StructView command = new StructView();
    private final StructView request = new StructView();
    private final WireStrings strings = new WireStrings();
    private RecordDecoder decoder;
    private byte[] bytes;
    private int offset;
    private int length;
    private boolean signed;

    /** Reads the command record in the bytes written to {@code buffer}. */
    public CommandRecordView wrap(WireBuffer buffer) {
        return wrap(buffer.array(), 0, buffer.position());
    }

    /**
     * Reads the command record of {@code size} bytes at {@code at} in {@code source}.
     *
     * @throws WireFormatException when it is not a command record of encoding 2 whose frames fit, or its command's
     *                             type or fields are unknown to this build
     */
    public CommandRecordView wrap(byte[] source, int at, int size) {
        bytes = null;
        signed = false;
        command.invalidate();
        request.invalidate();
        int end = at + size;
        JournalBinary.requireHeader(source, at, end, JournalBinary.COMMAND_RECORD);
        int flags = source[at + JournalBinary.OFFSET_FLAGS];
        if ((flags & ~JournalBinary.FLAG_REQUEST) != 0) {
            throw new WireFormatException("unknown command record flags 0x" + Integer.toHexString(flags & 0xFF),
                    at + JournalBinary.OFFSET_FLAGS);
        }
        if (size < JournalBinary.OFFSET_COMMAND) {
            throw new WireFormatException("truncated before the command's type id", at + JournalBinary.HEADER_LENGTH);
        }
        int id = WireBuffer.getUnsignedShort(source, at + JournalBinary.OFFSET_COMMAND_TYPE);
        WireType type = schema.type(id);
        if (type == null || !Command.class.isAssignableFrom(type.type())) {
            throw new WireFormatException("command type id " + id + " is unknown to this build", at + JournalBinary.OFFSET_COMMAND_TYPE);
        }
        int after = command.wrap(source, at + JournalBinary.OFFSET_COMMAND, end, type);
        boolean hasRequest = (flags & JournalBinary.FLAG_REQUEST) != 0;
        if (hasRequest) {
            after = request.wrap(source, after, end, REQUEST);
        }
        if (after != end) {
            throw new WireFormatException((end - after) + " bytes left after the command record", after);
        }
        signed = hasRequest;
        bytes = source;
        offset = at;
        length = size;
        return this;
    }

    /** The record version (the header's, not the encoding). */
    public int version() {
        requireWrapped();
        return WireBuffer.getUnsignedShort(bytes, offset + JournalBinary.OFFSET_VERSION);
    }

    public long index() {
        requireWrapped();
        return WireBuffer.getLong(bytes, offset + JournalBinary.OFFSET_INDEX);
    }

    /** Epoch ms. */
    public long time() {
        requireWrapped();
        return WireBuffer.getLong(bytes, offset + JournalBinary.OFFSET_TIME);
    }

    /** The command's type id in the schema. */
    public int commandTypeId() {
        requireWrapped();
        return command.type().id();
    }

    /** The command's struct. */
    public StructView command() {
        requireWrapped();
        return command;
    }

    /** Whether a signed request follows the command. */
    public boolean signed() {
        requireWrapped();
        return signed;
    }

    /** The signed request's struct; meaningful when {@link #signed()}. */
    public StructView request() {
        requireWrapped();
        return request;
    }

    /** The signing participant, null for an unsigned record (interned). */
    public String participant() {
        requireWrapped();
        return signed ? request.string(PARTICIPANT, strings) : null;
    }

    public String keyId() {
        requireWrapped();
        return signed ? request.string(KEY_ID, strings) : null;
    }

    public String algorithm() {
        requireWrapped();
        return signed ? request.string(ALGORITHM, strings) : null;
    }

    public String method() {
        requireWrapped();
        return signed ? request.string(METHOD, strings) : null;
    }

    public String scheme() {
        requireWrapped();
        return signed ? request.string(SCHEME, strings) : null;
    }

    /** The request's signed timestamp, 0 when unsigned. */
    public long signedTimestamp() {
        requireWrapped();
        return signed ? request.i64(SIGNED_TIMESTAMP) : 0;
    }

    /** Whether the record carries a {@code clientRequestId}. */
    public boolean hasClientRequestId() {
        requireWrapped();
        return signed && request.present(CLIENT_REQUEST_ID);
    }

    /**
     * Where the {@code clientRequestId}'s bytes start in {@link #bytes()}, to hash or compare them without a String; 0
     * when absent. The bytes are WTF-8 (binary-journal.md 2.6): they equal the id's {@code getBytes(UTF_8)}, which the idempotency hash
     * ({@code IdHasher}) hashes, only for well-formed text, not for an id with a lone surrogate (UTF-8 writes it as
     * {@code ?}). Hash the bytes only when {@link #clientRequestIdAscii()}; otherwise hash {@link #clientRequestId()}.
     */
    public int clientRequestIdOffset() {
        requireWrapped();
        return hasClientRequestId() ? request.offset(CLIENT_REQUEST_ID) : 0;
    }

    /** How many bytes the {@code clientRequestId} has, 0 when absent. */
    public int clientRequestIdLength() {
        requireWrapped();
        return hasClientRequestId() ? request.length(CLIENT_REQUEST_ID) : 0;
    }

    /**
     * Whether the {@code clientRequestId} is present and all ASCII, so its bytes are also its UTF-8 ({@code
     * getBytes(UTF_8)}) and may be hashed where they lie (every id the gateway accepts is ASCII).
     */
    public boolean clientRequestIdAscii() {
        requireWrapped();
        if (!hasClientRequestId()) {
            return false;
        }
        for (int i = request.offset(CLIENT_REQUEST_ID), last = i + request.length(CLIENT_REQUEST_ID); i < last; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@code clientRequestId} as a new String, null when absent. */
    public String clientRequestId() {
        requireWrapped();
        return signed ? request.string(CLIENT_REQUEST_ID) : null;
    }

    /** The bytes this view reads, and where its record lies in them. */
    public byte[] bytes() {
        requireWrapped();
        return bytes;
    }

    public int offset() {
        requireWrapped();
        return offset;
    }

    public int length() {
        requireWrapped();
        return length;
    }

    private void requireWrapped() {
        if (bytes == null) {
            throw new IllegalStateException("no command record: none was wrapped, or the last wrap failed");
        }
    }

    /** The whole record, decoded and checked by the generic strict decoder (allocates the record graph). */
    public CommandRecord toRecord() {
        requireWrapped();
        if (decoder == null) {
            decoder = RecordDecoder.strict(schema);
        }
        return JournalBinary.decodeCommandRecord(bytes, offset, length, decoder);
    }

    /** The signed request alone, decoded (allocates), null when unsigned. */
    public SignedRequest toRequest() {
        requireWrapped();
        if (!signed) {
            return null;
        }
        if (decoder == null) {
            decoder = RecordDecoder.strict(schema);
        }
        return (SignedRequest) decoder.decodeStruct(bytes, request.start(), request.end() - request.start(), REQUEST);
    }
}
