package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hot views over damaged command records (docs/design/binary-journal.md section 11): seeded byte overwrites, bit
 * flips, truncations and extensions of records of the six hot types and {@code Tick}, each read through
 * {@link CommandRecordView} and every field of its {@link StructView} at an offset inside arrays whose bytes around the
 * record differ. When {@link RecordDecoder} accepts a record, the views read what it decodes; whatever they read never
 * depends on the bytes outside the record; and a refusal is always a {@link WireFormatException}. The views may accept
 * a record the decoder refuses: they check frames, not canonical form.
 */
class HotViewMutationTest {
    private static final long SEED = 0xC4_F0221L;
    private static final int CASES = 60_000;
    private static final int BEFORE = 3;

    @Test
    void damagedRecordsReadAsTheDecoderReadsThemOrAreRefusedAndNeverReadPastTheirEnd() {
        HotCodecDifferentialTest.Values values = new HotCodecDifferentialTest.Values(new SplittableRandom(SEED));
        SplittableRandom random = new SplittableRandom(SEED + 1);
        CommandRecordView view = new CommandRecordView();
        CommandRecordView other = new CommandRecordView();
        HotCodecs.Views views = new HotCodecs.Views();
        int decoderAccepted = 0;
        int viewsRefused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] damaged = mutate(JournalBinary.encode(values.commandRecord(i)), random);
            CommandRecord decoded;
            try {
                decoded = JournalBinary.decodeCommandRecord(damaged);
                decoderAccepted++;
            } catch (WireFormatException refused) {
                decoded = null;
            }
            byte[] padded = pad(damaged, random);
            String read = readAll(view, padded, damaged.length);
            String what = "case " + i + ": " + Arrays.toString(damaged);
            assertEquals(read, readAll(other, pad(damaged, random), damaged.length), "junk around the record was read: " + what);
            if (read.startsWith("refused")) {
                viewsRefused++;
                assertTrue(read.startsWith("refused WireFormatException"), read + " for " + what);
                assertEquals(null, decoded, "the decoder accepts what the views refuse: " + read + " for " + what);
            } else if (decoded != null) {
                view.wrap(padded, BEFORE, damaged.length);
                HotCodecs.assertViewsRead(decoded, view, views, what);
            }
        }
        assertTrue(decoderAccepted > CASES / 5 && viewsRefused > CASES / 5,
                "the mutations reach both sides: " + decoderAccepted + " accepted, " + viewsRefused + " refused");
    }

    /** Every field of the record, or how the views refused it. */
    private static String readAll(CommandRecordView view, byte[] bytes, int length) {
        StringBuilder read = new StringBuilder();
        try {
            view.wrap(bytes, BEFORE, length);
            read.append(view.index()).append(',').append(view.time()).append(',').append(view.version()).append(',')
                    .append(view.commandTypeId()).append(',').append(view.signed());
            if (view.signed()) {
                read.append(',').append(view.participant()).append(',').append(view.keyId()).append(',')
                        .append(view.algorithm()).append(',').append(view.method()).append(',').append(view.scheme())
                        .append(',').append(view.signedTimestamp()).append(',').append(view.clientRequestId())
                        .append(',').append(view.clientRequestIdAscii());
                fields(view.request(), read);
            }
            fields(view.command(), read);
            return read.toString();
        } catch (RuntimeException e) {
            return "refused " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void fields(StructView struct, StringBuilder read) {
        WireField[] fields = struct.type().fieldArray();
        for (int n = 0; n < fields.length; n++) {
            read.append('|').append(struct.present(n));
            switch (fields[n].kind()) {
                case STRING -> read.append(struct.string(n)).append(struct.stringHash(n)).append(struct.stringEquals(n, "DGF3"));
                case ENUM -> read.append(struct.enumConstant(n));
                case I32 -> read.append(struct.i32(n));
                case BOOL -> read.append(struct.bool(n));
                default -> read.append(fields[n].kind().fixed() ? struct.i64(n) : struct.length(n));
            }
        }
    }

    /** {@code bytes} at {@link #BEFORE} in an array of random bytes around it. */
    private static byte[] pad(byte[] bytes, SplittableRandom random) {
        byte[] padded = new byte[BEFORE + bytes.length + 64];
        for (int i = 0; i < padded.length; i++) {
            padded[i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, 0, padded, BEFORE, bytes.length);
        return padded;
    }

    private static byte[] mutate(byte[] bytes, SplittableRandom random) {
        byte[] m = bytes.clone();
        switch (random.nextInt(6)) {
            case 0 -> m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            case 1 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
            case 2 -> m = Arrays.copyOf(m, random.nextInt(m.length));
            case 3 -> m = Arrays.copyOf(m, m.length + 1 + random.nextInt(8));
            case 4 -> {
                for (int k = 0; k < 3; k++) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                // unchanged: the views must read it as the decoder does
            }
        }
        return m;
    }
}
