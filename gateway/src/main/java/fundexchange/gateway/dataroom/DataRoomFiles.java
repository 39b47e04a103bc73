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
 * their viewer. Each kind of work has its own permits, so one kind cannot starve another (an uploading holder cannot
 * keep an accepted opening from being served): {@value #UPLOADS} uploads (a permit is taken before the body is read,
 * so at most that many bodies are in memory), {@value #CHECKS} registration checks and {@value #OPENINGS}
 * watermarked openings at once. This bounds the memory PDF work takes.
 */
public final class DataRoomFiles {
    /** Uploads read and admitted at once. */
    public static final int UPLOADS = 2;
    /** Registration checks (a stored document read and admitted again) at once. */
    public static final int CHECKS = 2;
    /** Openings watermarked at once. */
    public static final int OPENINGS = 2;

    private final DocumentStore store;
    private final PdfAdmission admission;
    private final Watermarker watermarker;
    private final Semaphore uploads = new Semaphore(UPLOADS);
    private final Semaphore checks = new Semaphore(CHECKS);
    private final Semaphore openings = new Semaphore(OPENINGS);

    /** How long an upload no data room registers is kept after its upload or last registration check. */
    public static final java.time.Duration UNREGISTERED_KEPT = java.time.Duration.ofDays(7);

    private final Quota quota;
    private final java.time.Clock clock;
    private final UploadPace pace;
    /**
     * Uploads store (bytes, then marker) under the read lock; the periodic sweep removes under the write lock, so it
     * never removes bytes between an upload's write of them and its marker.
     */
    private final java.util.concurrent.locks.ReadWriteLock sweeping = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private DataRoomFiles(DocumentStore store, PdfAdmission admission, Quota quota, java.time.Clock clock,
                          UploadPace pace) {
        this.store = store;
        this.admission = admission;
        this.watermarker = new Watermarker(admission);
        this.quota = quota;
        this.clock = clock;
        this.pace = pace;
    }

    /** The files of the data directory {@code dataDirectory} ({@code documents/}), under {@code limits}. */
    public static DataRoomFiles open(Path dataDirectory, PdfLimits limits) throws IOException {
        return open(dataDirectory, limits, Quota.DEFAULT, java.time.Clock.systemUTC(), UploadPace.DEFAULT);
    }

    /**
     * The files of {@code dataDirectory} under {@code limits}, each uploader within {@code quota}; {@code clock} dates
     * uploads for the sweep of unregistered ones (the store is not engine state).
     */
    public static DataRoomFiles open(Path dataDirectory, PdfLimits limits, Quota quota, java.time.Clock clock)
            throws IOException {
        return open(dataDirectory, limits, quota, clock, UploadPace.DEFAULT);
    }

    /** As {@link #open(Path, PdfLimits, Quota, java.time.Clock)}, an upload's body read at {@code pace}. */
    public static DataRoomFiles open(Path dataDirectory, PdfLimits limits, Quota quota, java.time.Clock clock,
                                     UploadPace pace) throws IOException {
        return new DataRoomFiles(DocumentStore.open(dataDirectory, limits.maxBytes()), new PdfAdmission(limits), quota,
                clock, pace);
    }

    /** The pace an upload's body keeps while it holds its permit. */
    public UploadPace pace() {
        return pace;
    }

    /** How often the node sweeps unregistered uploads ({@link #sweepUnregistered}). */
    public static final java.time.Duration SWEEP_EVERY = java.time.Duration.ofHours(1);

    /**
     * The periodic sweep: removes every uploader's uploads that no data room registers ({@code registered}) and that
     * were last used more than {@link #UNREGISTERED_KEPT} ago by this files' clock. Answers how many it removed.
     */
    public int sweepUnregistered(java.util.function.Predicate<String> registered) throws IOException {
        sweeping.writeLock().lock();
        try {
            return store.sweepAll(clock.instant().minus(UNREGISTERED_KEPT), registered);
        } finally {
            sweeping.writeLock().unlock();
        }
    }

    /**
     * What one participant may keep in the store: {@code documents} digests and {@code bytes} together. The default,
     * 1000 documents and 2 GiB, is ten full data rooms (50 documents, 200 MiB each).
     */
    public record Quota(int documents, long bytes) {
        public static final Quota DEFAULT = new Quota(1000, 2L << 30);
    }

    /** The uploader's stored documents would exceed its {@link Quota}. */
    public static final class QuotaExceeded extends Exception {
        private static final long serialVersionUID = 1L;

        QuotaExceeded(Quota quota) {
            super("you may keep at most " + quota.documents() + " uploaded documents and " + quota.bytes()
                    + " bytes in the document store / 每位参与者上传文件数量与大小有上限");
        }
    }

    /** The PDF limits; {@code maxBytes} is also the upload's body limit. */
    public PdfLimits limits() {
        return admission.limits();
    }

    /**
     * An upload's permit, to take before its body is read and close after {@link #upload}; {@link Busy} when every
     * upload permit is taken.
     */
    public UploadSlot reserveUpload() throws Busy {
        acquire(uploads);
        return new UploadSlot(this);
    }

    /** An upload permit held; closing it releases the permit once. */
    public static final class UploadSlot implements AutoCloseable {
        private final DataRoomFiles files;
        private boolean closed;

        private UploadSlot(DataRoomFiles files) {
            this.files = files;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                files.uploads.release();
            }
        }
    }

    /**
     * Admits and stores {@code pdf} as uploaded by {@code uploader}, under {@code slot}, within its {@link Quota};
     * durable when it returns. First removes the uploader's uploads that no room registers ({@code registered}) and
     * that were last used more than {@link #UNREGISTERED_KEPT} ago, so they no longer count against it.
     */
    public AdmittedPdf upload(UploadSlot slot, String uploader, byte[] pdf, java.util.function.Predicate<String> registered)
            throws PdfRefusedException, IOException, QuotaExceeded {
        if (slot.closed || slot.files != this) {
            throw new IllegalStateException("an upload needs an open slot of these files");
        }
        // Removing bytes excludes every other upload and registration check (the write lock): no upload of the same
        // digest by another uploader, and no registration check, falls between a marker's removal and the bytes'.
        sweeping.writeLock().lock();
        try {
            store.sweep(uploader, clock.instant().minus(UNREGISTERED_KEPT), registered);
        } finally {
            sweeping.writeLock().unlock();
        }
        sweeping.readLock().lock();
        try {
            if (!store.uploadedBy(fundexchange.documents.Sha256.hex(pdf), uploader)) {
                DocumentStore.Usage usage = store.usage(uploader, quota.documents());
                if (usage.documents() + 1 > quota.documents() || usage.bytes() + pdf.length > quota.bytes()) {
                    throw new QuotaExceeded(quota);
                }
            }
        } finally {
            sweeping.readLock().unlock();
        }
        AdmittedPdf admitted = admission.admit(pdf);
        sweeping.readLock().lock();
        try {
            store.recordUpload(store.put(pdf), uploader, clock.instant());
        } finally {
            sweeping.readLock().unlock();
        }
        return admitted;
    }

    /**
     * The stored document {@code digest} as the policy reads it (size, pages), if {@code uploader} uploaded it; empty
     * when the store holds no such bytes or only another participant's upload of them.
     */
    public Optional<AdmittedPdf> stored(String digest, String uploader) throws PdfRefusedException, IOException, Busy {
        // Checked and refreshed under the sweeps' shared lock: a sweep runs wholly before (this then finds no marker)
        // or after (the marker is fresh, so it is kept), never between.
        sweeping.readLock().lock();
        try {
            if (!store.uploadedBy(digest, uploader)) {
                return Optional.empty();
            }
            store.touch(digest, uploader, clock.instant());
        } finally {
            sweeping.readLock().unlock();
        }
        acquire(checks);
        try {
            Optional<byte[]> bytes = store.read(digest);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(admission.admit(bytes.get()));
        } finally {
            checks.release();
        }
    }

    /** The stored document {@code digest}, watermarked with {@code mark}. */
    public Optional<byte[]> watermarked(String digest, Watermark mark) throws PdfRefusedException, IOException, Busy {
        acquire(openings);
        try {
            Optional<byte[]> bytes = store.read(digest);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(watermarker.apply(bytes.get(), mark));
        } finally {
            openings.release();
        }
    }

    private static void acquire(Semaphore permits) throws Busy {
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
