package fundexchange.gateway.dataroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.documents.pdf.AdmittedPdf;
import fundexchange.documents.pdf.PdfLimits;
import fundexchange.documents.watermark.Watermark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data room's files: uploads, registration checks and openings each have their own permits. */
class DataRoomFilesTest {
    private static final java.util.function.Predicate<String> NONE = digest -> false;
    private final MutableClock clock = new MutableClock();

    @TempDir
    Path data;

    /** A clock the test steps. */
    private static final class MutableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void anUploadNoRoomRegistersIsSweptAfterItsKeepingTimeAndARegisteredOneIsKept() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT, new DataRoomFiles.Quota(2, 1L << 20), clock);
        AdmittedPdf registered;
        AdmittedPdf abandoned;
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            registered = files.upload(slot, "Holder-01", pdf(1), NONE);
            abandoned = files.upload(slot, "Holder-01", pdf(2), NONE);
        }
        clock.now = clock.now.plus(DataRoomFiles.UNREGISTERED_KEPT).plusSeconds(1);
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            files.upload(slot, "Holder-01", pdf(3), registered.sha256()::equals);
        }
        assertEquals(List.of(true, false), List.of(files.stored(registered.sha256(), "Holder-01").isPresent(),
                files.stored(abandoned.sha256(), "Holder-01").isPresent()));
        assertEquals(List.of(false), List.of(java.nio.file.Files.walk(data.resolve("documents/sha256"))
                .anyMatch(f -> f.getFileName().toString().startsWith(abandoned.sha256()))), "its bytes are gone too");
    }

    @Test
    void thePeriodicSweepRemovesEveryUploadersStaleUnregisteredUploadsWithoutWaitingForTheirNextUpload() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT, DataRoomFiles.Quota.DEFAULT, clock);
        AdmittedPdf registered;
        AdmittedPdf abandoned;
        AdmittedPdf fresh;
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            registered = files.upload(slot, "Holder-01", pdf(1), NONE);
            abandoned = files.upload(slot, "Holder-02", pdf(2), NONE);
        }
        clock.now = clock.now.plus(DataRoomFiles.UNREGISTERED_KEPT).minusSeconds(1);
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            fresh = files.upload(slot, "Holder-02", pdf(3), NONE);
        }
        assertEquals(0, files.sweepUnregistered(registered.sha256()::equals), "nothing is a week old yet");
        clock.now = clock.now.plusSeconds(2);
        assertEquals(1, files.sweepUnregistered(registered.sha256()::equals));
        assertEquals(List.of(true, false, true), List.of(files.stored(registered.sha256(), "Holder-01").isPresent(),
                files.stored(abandoned.sha256(), "Holder-02").isPresent(), files.stored(fresh.sha256(), "Holder-02").isPresent()));
        assertEquals(new fundexchange.documents.store.DocumentStore.MarkerCheck(2, 0, List.of()),
                fundexchange.documents.store.DocumentStore.reader(data).checkMarkers(3), "every marker left names its bytes");
    }

    @Test
    void verifyFindsAnUploadMarkerWhoseBytesAreGone() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT);
        AdmittedPdf stored;
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            stored = files.upload(slot, "Holder-01", pdf(), NONE);
        }
        try (var walk = java.nio.file.Files.walk(data.resolve("documents/sha256"))) {
            for (Path file : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
        assertEquals(new fundexchange.documents.store.DocumentStore.MarkerCheck(1, 1, List.of(stored.sha256())),
                fundexchange.documents.store.DocumentStore.reader(data).checkMarkers(3));
    }

    @Test
    void anOpeningAndARegistrationCheckAreServedWhileEveryUploadPermitIsHeld() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT);
        AdmittedPdf stored;
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            stored = files.upload(slot, "Holder-01", pdf(), NONE);
        }
        List<DataRoomFiles.UploadSlot> held = new ArrayList<>();
        for (int i = 0; i < DataRoomFiles.UPLOADS; i++) {
            held.add(files.reserveUpload());
        }
        assertThrows(DataRoomFiles.Busy.class, files::reserveUpload, "the upload permits are all held");
        assertEquals(Optional.of(List.of(stored.size(), (long) stored.pages())),
                files.stored(stored.sha256(), "Holder-01").map(p -> List.of(p.size(), (long) p.pages())));
        assertTrue(files.watermarked(stored.sha256(), new Watermark("Investor-07", "7", 0L, ZoneId.of("Asia/Shanghai")))
                .isPresent(), "an accepted opening is served while uploads are busy");
        held.forEach(DataRoomFiles.UploadSlot::close);
        files.reserveUpload().close();
    }

    @Test
    void aDigestCountsAsStoredOnlyForTheParticipantWhoUploadedIt() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT);
        AdmittedPdf stored;
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            stored = files.upload(slot, "Holder-01", pdf(), NONE);
        }
        assertEquals(List.of(true, false), List.of(files.stored(stored.sha256(), "Holder-01").isPresent(),
                files.stored(stored.sha256(), "Holder-02").isPresent()));
    }

    @Test
    void anUploaderKeepsNoMoreThanItsQuotaAndAnotherUploaderIsNotCharged() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT, new DataRoomFiles.Quota(2, 1L << 20), clock);
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            files.upload(slot, "Holder-01", pdf(1), NONE);
            byte[] two = pdf(2);
            files.upload(slot, "Holder-01", two, NONE);
            files.upload(slot, "Holder-01", two, NONE);
            assertThrows(DataRoomFiles.QuotaExceeded.class, () -> files.upload(slot, "Holder-01", pdf(3), NONE),
                    "a third document is over the quota of two; the same bytes again are not");
            assertEquals(3, files.upload(slot, "Holder-02", pdf(3), NONE).pages());
        }
    }

    private static byte[] pdf() throws IOException {
        return pdf(1);
    }

    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
