package fundexchange.ops.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.documents.Sha256;
import fundexchange.documents.store.DocumentStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code exchange verify} says about the document store's upload markers. */
class MarkerNotesTest {
    @TempDir
    Path data;

    @Test
    void everyMarkerNamingItsBytesIsNotedAndAMarkerWhoseBytesAreGoneIsAWarningWithWhatToDo() throws Exception {
        DocumentStore store = DocumentStore.open(data, 1 << 20);
        assertEquals(List.of(), JournalVerifier.markerNotes(DocumentStore.reader(data)), "no uploads, nothing to say");
        byte[] kept = "%PDF-kept".getBytes(StandardCharsets.UTF_8);
        byte[] lost = "%PDF-lost".getBytes(StandardCharsets.UTF_8);
        store.recordUpload(store.put(kept), "Holder-01", Instant.EPOCH);
        store.recordUpload(store.put(lost), "Holder-02", Instant.EPOCH);
        assertEquals(List.of("2 upload markers each name bytes the document store holds / 2 个上传标记所指文件均在文件库中"),
                JournalVerifier.markerNotes(DocumentStore.reader(data)));

        String digest = Sha256.hex(lost);
        Files.delete(data.resolve("documents/sha256").resolve(digest.substring(0, 2)).resolve(digest + ".pdf"));
        assertEquals(List.of("WARNING: 1 of 2 upload markers name bytes the document store does not hold (e.g. " + digest
                + "): those uploads cannot be registered; restore documents/ from the backup taken with these journals,"
                + " or have the holders upload them again / 警告：2 个上传标记中有 1 个所指文件不在文件库中，这些上传无法登记；"
                + "请从与日志同时备份的 documents/ 恢复，或由持有人重新上传"), JournalVerifier.markerNotes(DocumentStore.reader(data)));
    }
}
