package fundexchange.protocol.wire;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;

/**
 * A flyweight over a binary command record (docs/design/binary-journal.md sections 2.3 and 5.3): the header, the
 * command's type id and {@linkplain #command() struct}, and the signed request's fields, read where they lie. A typed
 * view ({@link PlaceOrderView}, ...) reads the command's fields; {@link #toRecord()} is the generic decode, for the
 * commands that have none. Reads allocate nothing, except strings: the request's repeating ones come through an intern
 * cache (a hit allocates nothing), and {@code clientRequestId} is offered as bytes. One view serves one thread and is
 * valid until its bytes change; {@link #wrap} checks frames, not every rule of canonical form ({@link StructView}).
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
     * Reads the command record of {@code length} bytes at {@code offset}.
     *
     * @throws WireFormatException when it is not a command record of encoding 2 whose frames fit, or its command's
     *                             type or fields are unknown to this build
     */
    public CommandRecordView wrap(byte[] source, int at, int size) {
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
        if (type == null || !fundexchange.protocol.command.Command.class.isAssignableFrom(type.type())) {
            throw new WireFormatException("command type id " + id + " is unknown to this build", at + JournalBinary.OFFSET_COMMAND_TYPE);
        }
        int after = command.wrap(source, at + JournalBinary.OFFSET_COMMAND, end, type);
        signed = (flags & JournalBinary.FLAG_REQUEST) != 0;
        if (signed) {
            after = request.wrap(source, after, end, REQUEST);
        }
        if (after != end) {
            throw new WireFormatException((end - after) + " bytes left after the command record", after);
        }
        bytes = source;
        offset = at;
        length = size;
        return this;
    }

    /** The record version (the header's, not the encoding). */
    public int version() {
        return WireBuffer.getUnsignedShort(bytes, offset + JournalBinary.OFFSET_VERSION);
    }

    public long index() {
        return WireBuffer.getLong(bytes, offset + JournalBinary.OFFSET_INDEX);
    }

    /** Epoch ms. */
    public long time() {
        return WireBuffer.getLong(bytes, offset + JournalBinary.OFFSET_TIME);
    }

    /** The command's type id in the schema. */
    public int commandTypeId() {
        return command.type().id();
    }

    /** The command's struct. */
    public StructView command() {
        return command;
    }

    /** Whether a signed request follows the command. */
    public boolean signed() {
        return signed;
    }

    /** The signed request's struct; meaningful when {@link #signed()}. */
    public StructView request() {
        return request;
    }

    /** The signing participant, null for an unsigned record (interned). */
    public String participant() {
        return signed ? request.string(PARTICIPANT, strings) : null;
    }

    public String keyId() {
        return signed ? request.string(KEY_ID, strings) : null;
    }

    public String algorithm() {
        return signed ? request.string(ALGORITHM, strings) : null;
    }

    public String method() {
        return signed ? request.string(METHOD, strings) : null;
    }

    public String scheme() {
        return signed ? request.string(SCHEME, strings) : null;
    }

    /** The request's signed timestamp, 0 when unsigned. */
    public long signedTimestamp() {
        return signed ? request.i64(SIGNED_TIMESTAMP) : 0;
    }

    /** Whether the record carries a {@code clientRequestId}. */
    public boolean hasClientRequestId() {
        return signed && request.present(CLIENT_REQUEST_ID);
    }

    /**
     * Where the {@code clientRequestId}'s WTF-8 bytes start in {@link #bytes()}, to hash or compare them without a
     * String; 0 when absent.
     */
    public int clientRequestIdOffset() {
        return hasClientRequestId() ? request.offset(CLIENT_REQUEST_ID) : 0;
    }

    public int clientRequestIdLength() {
        return hasClientRequestId() ? request.length(CLIENT_REQUEST_ID) : 0;
    }

    /** The {@code clientRequestId} as a new String, null when absent. */
    public String clientRequestId() {
        return signed ? request.string(CLIENT_REQUEST_ID) : null;
    }

    /** The bytes this view reads, and where its record lies in them. */
    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** The whole record, decoded and checked by the generic strict decoder (allocates the record graph). */
    public CommandRecord toRecord() {
        if (decoder == null) {
            decoder = RecordDecoder.strict(schema);
        }
        return JournalBinary.decodeCommandRecord(bytes, offset, length, decoder);
    }

    /** The signed request alone, decoded (allocates), null when unsigned. */
    public SignedRequest toRequest() {
        if (!signed) {
            return null;
        }
        if (decoder == null) {
            decoder = RecordDecoder.strict(schema);
        }
        return (SignedRequest) decoder.decodeStruct(bytes, request.start(), request.end() - request.start(), REQUEST);
    }
}
