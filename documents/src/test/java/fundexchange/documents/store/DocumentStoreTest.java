package fundexchange.documents.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fundexchange.documents.Sha256;

class DocumentStoreTest {

    private static final byte[] REPORT = "%PDF-1.7 synthetic quarterly report".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path data;

    @Test
    void storesUnderTheDigestAndReadsTheSameBytesBack() throws IOException {
        DocumentStore store = DocumentStore.open(data, 1024);
        String digest = store.put(REPORT);
        assertEquals(Sha256.hex(REPORT), digest);
        assertEquals(List.of(data.resolve("documents/sha256/" + digest.substring(0, 2) + "/" + digest + ".pdf")), files());
        assertArrayEquals(REPORT, store.read(digest).orElseThrow());
        assertEquals(DocumentStore.Presence.PRESENT, store.check(digest));
    }

    @Test
    void storingTheSameBytesAgainKeepsOneFile() throws IOException {
        DocumentStore store = DocumentStore.open(data, 1024);
        assertEquals(store.put(REPORT), store.put(REPORT));
        assertEquals(1, files().size());
    }

    @Test
    void refusesADocumentOverTheLimitAndWritesNothing() throws IOException {
        DocumentStore store = DocumentStore.open(data, REPORT.length - 1);
        assertThrows(DocumentTooLargeException.class, () -> store.put(REPORT));
        assertEquals(List.of(), files());
    }

    @Test
    void tellsAMissingDocumentFromADamagedOne() throws IOException {
        DocumentStore store = DocumentStore.open(data, 1024);
        String digest = store.put(REPORT);
        String absent = Sha256.hex(new byte[] {1});
        assertEquals(DocumentStore.Presence.MISSING, store.check(absent));
        assertEquals(Optional.empty(), store.read(absent));
        Path file = files().get(0);
        byte[] damaged = REPORT.clone();
        damaged[0] ^= 1;
        Files.write(file, damaged);
        assertEquals(DocumentStore.Presence.DAMAGED, store.check(digest));
        assertThrows(IOException.class, () -> store.read(digest));
    }

    @Test
    void aDamagedFileIsReplacedWhenTheSameBytesAreStoredAgain() throws IOException {
        DocumentStore store = DocumentStore.open(data, 1024);
        String digest = store.put(REPORT);
        Files.write(files().get(0), new byte[] {0});
        store.put(REPORT);
        assertEquals(DocumentStore.Presence.PRESENT, store.check(digest));
    }

    @Test
    void openingRemovesTemporaryFilesOfAnUnfinishedWrite() throws IOException {
        DocumentStore.open(data, 1024);
        Files.write(data.resolve("documents/tmp/abc.1.1"), REPORT);
        DocumentStore.open(data, 1024);
        assertEquals(List.of(), files());
    }

    @Test
    void refusesANameThatIsNotADigest() throws IOException {
        DocumentStore store = DocumentStore.open(data, 1024);
        assertThrows(IllegalArgumentException.class, () -> store.read("../../exchange.key.pem"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
