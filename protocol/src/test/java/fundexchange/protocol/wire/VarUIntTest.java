package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lengths and counts as unsigned LEB128 in the minimal form, one encoding per value. */
class VarUIntTest {
    @Test
    void valuesTakeTheFewestBytes() {
        assertEquals("00", hex(0));
        assertEquals("7f", hex(127));
        assertEquals("8001", hex(128));
        assertEquals("ac02", hex(300));
        assertEquals("ffff7f", hex((1 << 21) - 1));
        assertEquals("ffffffff07", hex(Integer.MAX_VALUE));
        for (int value : List.of(0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, Integer.MAX_VALUE)) {
            byte[] bytes = new byte[VarUInt.MAX_SIZE + 2];
            int end = VarUInt.write(bytes, 1, value);
            assertEquals(VarUInt.size(value), end - 1);
            long read = VarUInt.read(bytes, 1, bytes.length);
            assertEquals(value, VarUInt.value(read));
            assertEquals(end - 1, VarUInt.sizeOf(read));
        }
    }

    @Test
    void overlongTruncatedAndTooLargeFormsAreRefused() {
        for (String bad : List.of("8000", "ff00", "808000", "8080808000", "80", "ffff", "ffffffff0f", "ffffffff7f", "8080808080")) {
            byte[] bytes = HexFormat.of().parseHex(bad);
            assertThrows(WireFormatException.class, () -> VarUInt.read(bytes, 0, bytes.length), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> VarUInt.size(-1));
        byte[] limited = HexFormat.of().parseHex("8001");
        assertThrows(WireFormatException.class, () -> VarUInt.read(limited, 0, 1), "the limit cuts the value");
    }

    private static String hex(int value) {
        byte[] bytes = new byte[VarUInt.size(value)];
        VarUInt.write(bytes, 0, value);
        return HexFormat.of().formatHex(bytes);
    }
}
