package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Java string round-trips through WTF-8; valid UTF-8 is unchanged; the decoder refuses what the encoder never writes. */
class Wtf8Test {
    @Test
    void asciiBmpAndSupplementaryTextIsItsUtf8() {
        for (String text : List.of("", "plain ASCII {\"a\":1}", "\u0000\u007f", "é \u07ff \u0800", "中文基金 份额",
                "\ufeff\uffff", "emoji \ud83d\ude00 pair", "\udbff\udfff max")) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(utf8, Wtf8.encode(text), text);
            assertEquals(utf8.length, Wtf8.length(text), text);
            assertEquals(text, Wtf8.decode(utf8, 0, utf8.length), text);
        }
    }

    @Test
    void loneSurrogatesTakeTheirThreeByteFormAndComeBack() {
        assertEquals("eda080", hex(Wtf8.encode("\ud800")));
        assertEquals("edb080", hex(Wtf8.encode("\udc00")));
        for (String text : List.of("lone high \ud800", "lone low \udc00", "reversed \ude00\ud83d", "\ud800\ud800\udc00",
                "end \ud83d")) {
            byte[] bytes = Wtf8.encode(text);
            assertEquals(Wtf8.length(text), bytes.length, text);
            assertEquals(text, Wtf8.decode(bytes, 0, bytes.length), text);
        }
    }

    @Test
    void decodesAtAnOffset() {
        byte[] bytes = ("xx" + "中x").getBytes(StandardCharsets.UTF_8);
        assertEquals("中", Wtf8.decode(bytes, 2, 3));
        assertEquals("x", Wtf8.decode(bytes, 5, 1));
    }

    @Test
    void malformedBytesAreRefused() {
        for (String malformed : List.of(
                "80",          // a continuation byte first
                "c0af",        // overlong '/'
                "c1bf",        // overlong
                "e080af",      // overlong 3-byte
                "f08080af",    // overlong 4-byte
                "f4908080",    // above U+10FFFF
                "f5808080",    // no such lead byte
                "ff",
                "c3",          // truncated
                "e4b8",        // truncated
                "c328",        // a bad continuation
                "eda0bdedb880" // a surrogate pair written as two 3-byte sequences
        )) {
            byte[] bytes = HexFormat.of().parseHex(malformed);
            assertThrows(WireFormatException.class, () -> Wtf8.decode(bytes, 0, bytes.length), malformed);
            assertThrows(WireFormatException.class, () -> Wtf8.check(bytes, 0, bytes.length), malformed);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
