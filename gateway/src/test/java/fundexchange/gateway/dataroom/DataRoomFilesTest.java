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
    @TempDir
    Path data;

    @Test
    void anOpeningAndARegistrationCheckAreServedWhileEveryUploadPermitIsHeld() throws Exception {
        DataRoomFiles files = DataRoomFiles.open(data, PdfLimits.DEFAULT);
        AdmittedPdf stored;
        try (DataRoomFiles.UploadSlot slot = files.reserveUpload()) {
            stored = files.upload(slot, "Holder-01", pdf());
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
            stored = files.upload(slot, "Holder-01", pdf());
        }
        assertEquals(List.of(true, false), List.of(files.stored(stored.sha256(), "Holder-01").isPresent(),
                files.stored(stored.sha256(), "Holder-02").isPresent()));
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
