package fundexchange.protocol.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** {@link WireBuffer#claim} (room for bytes a caller fills: a journal reader copying a document in) and {@link WireBuffer#asOutputStream}. */
class WireBufferClaimTest {
    @Test
    void claimMovesThePositionPastTheBytesAndGrowsOnlyWhenNeeded() {
        WireBuffer buffer = new WireBuffer(16);
        buffer.putByte(7);
        assertEquals(1, buffer.claim(3), "the claimed bytes start at the position");
        assertEquals(4, buffer.position());
        byte[] before = buffer.array();
        assertEquals(4, buffer.claim(12));
        assertSame(before, buffer.array(), "16 bytes fit: no new array");
        assertEquals(16, buffer.claim(100));
        assertEquals(116, buffer.position());
        assertTrue(buffer.array().length >= 116, "grown for a larger claim");
        assertEquals(0, buffer.clear().claim(0));
        assertThrows(IllegalArgumentException.class, () -> buffer.claim(-1));
        assertEquals(0, buffer.position(), "a refused claim moves nothing");
    }

    @Test
    void theOutputStreamAppendsAtThePositionAndIsOnePerBuffer() throws Exception {
        WireBuffer buffer = new WireBuffer(16);
        buffer.putByte('a');
        OutputStream out = buffer.asOutputStream();
        assertSame(out, buffer.asOutputStream(), "made once, reused");
        out.write('b');
        out.write("xxcdefghijklmnopqrstuvwxyzyy".getBytes(US_ASCII), 2, 24);
        out.flush();
        out.close();
        out.write('!');
        assertArrayEquals("abcdefghijklmnopqrstuvwxyz!".getBytes(US_ASCII), buffer.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> out.write(new byte[4], 3, 2));
        assertEquals(27, buffer.position(), "a refused slice writes nothing");
    }
}
