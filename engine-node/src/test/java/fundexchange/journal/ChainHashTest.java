package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.ChainHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChainHashTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void digestIsSha256OfTheBytesAsWritten() {
        assertEquals(SHA256_ABC, ChainHash.hex(ChainHash.digest(ABC)));
    }

    @Test
    void projectionLinkHashesThePreviousLinkThenTheDigest() {
        byte[] input = new byte[64];
        System.arraycopy(ChainHash.digest(ABC), 0, input, 32, 32);
        assertEquals(ChainHash.hex(ChainHash.digest(input)), ChainHash.next(ChainHash.GENESIS, ChainHash.digest(ABC)));
    }

    @Test
    void auditLinkHashesPreviousCommandAndEventInThatOrder() {
        byte[] command = ChainHash.digest(ABC);
        byte[] event = ChainHash.digest(new byte[0]);
        byte[] input = new byte[96];
        System.arraycopy(command, 0, input, 32, 32);
        System.arraycopy(event, 0, input, 64, 32);
        assertEquals(ChainHash.hex(ChainHash.digest(input)), ChainHash.auditLink(ChainHash.GENESIS, command, event));
        assertNotEquals(ChainHash.auditLink(ChainHash.GENESIS, command, event), ChainHash.auditLink(ChainHash.GENESIS, event, command));
    }

    @Test
    void refusesLinksAndDigestsOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> ChainHash.next("00", ChainHash.digest(ABC)));
        assertThrows(IllegalArgumentException.class, () -> ChainHash.next(ChainHash.GENESIS, ABC));
    }
}
