package fundexchange.gateway.dataroom;

import fundexchange.documents.pdf.AdmittedPdf;
import fundexchange.documents.pdf.PdfAdmission;
import fundexchange.documents.pdf.PdfLimits;
import fundexchange.documents.pdf.PdfRefusedException;
import fundexchange.documents.store.DocumentStore;
import fundexchange.documents.watermark.Watermark;
import fundexchange.documents.watermark.Watermarker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The gateway's side of the data room: admits uploaded PDFs ({@link PdfAdmission}) and stores them by digest in the
 * node's {@link DocumentStore} before anything naming them is journaled, and serves stored documents watermarked for
 * their viewer. At most {@code concurrency} documents are admitted or watermarked at once, which bounds the memory
 * PDF work takes.
 */
public final class DataRoomFiles {
    /** Documents admitted or watermarked at once. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private final DocumentStore store;
    private final PdfAdmission admission;
    private final Watermarker watermarker;
    private final Semaphore permits;

    private DataRoomFiles(DocumentStore store, PdfAdmission admission, int concurrency) {
        this.store = store;
        this.admission = admission;
        this.watermarker = new Watermarker(admission);
        this.permits = new Semaphore(concurrency);
    }

    /** The files of the data directory {@code dataDirectory} ({@code documents/}), under {@code limits}. */
    public static DataRoomFiles open(Path dataDirectory, PdfLimits limits) throws IOException {
        return new DataRoomFiles(DocumentStore.open(dataDirectory, limits.maxBytes()), new PdfAdmission(limits),
                DEFAULT_CONCURRENCY);
    }

    /** The PDF limits; {@code maxBytes} is also the upload's body limit. */
    public PdfLimits limits() {
        return admission.limits();
    }

    /** Admits and stores {@code pdf} as uploaded by {@code uploader}; durable when it returns. */
    public AdmittedPdf upload(String uploader, byte[] pdf) throws PdfRefusedException, IOException, Busy {
        acquire();
        try {
            AdmittedPdf admitted = admission.admit(pdf);
            store.recordUpload(store.put(pdf), uploader);
            return admitted;
        } finally {
            permits.release();
        }
    }

    /**
     * The stored document {@code digest} as the policy reads it (size, pages), if {@code uploader} uploaded it; empty
     * when the store holds no such bytes or only another participant's upload of them.
     */
    public Optional<AdmittedPdf> stored(String digest, String uploader) throws PdfRefusedException, IOException, Busy {
        if (!store.uploadedBy(digest, uploader)) {
            return Optional.empty();
        }
        acquire();
        try {
            Optional<byte[]> bytes = store.read(digest);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(admission.admit(bytes.get()));
        } finally {
            permits.release();
        }
    }

    /** The stored document {@code digest}, watermarked with {@code mark}. */
    public Optional<byte[]> watermarked(String digest, Watermark mark) throws PdfRefusedException, IOException, Busy {
        Optional<byte[]> bytes = store.read(digest);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        acquire();
        try {
            return Optional.of(watermarker.apply(bytes.get(), mark));
        } finally {
            permits.release();
        }
    }

    private void acquire() throws Busy {
        if (!permits.tryAcquire()) {
            throw new Busy();
        }
    }

    /** Every permit is taken: the caller answers 503 and the client retries. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("the gateway is busy with other documents; retry later");
        }
    }
}
