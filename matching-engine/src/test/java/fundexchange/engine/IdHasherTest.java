package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The idempotency memory's id hash is the first 8 bytes of the SHA-256 of the id's UTF-8, however it is computed. */
class IdHasherTest {
    @Test
    void aReusedHasherGivesTheHashOfTheIdsUtf8ForAsciiAndOtherIds() throws Exception {
        IdHasher hasher = new IdHasher();
        for (String id : List.of("", "req-0001", "0b1c6c1e-6f4a-4c1a-8000-000000000001", "x".repeat(200),
                "请求-07", "emoji-\uD83D\uDE00", "lone-\uD800", "req-0001")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long expected = ByteBuffer.wrap(digest, 0, 8).getLong();
            assertEquals(expected, hasher.hash(id), id);
            assertEquals(expected, new IdHasher().hash(id), id);
        }
    }
}
