package fundexchange.documents.pdf;

/**
 * What an uploaded PDF may cost to admit.
 *
 * @param maxBytes         the file's size
 * @param maxPages         its pages
 * @param maxDecodedBytes  bytes decoded, over every stream, while the document is checked (stops decompression bombs:
 *                         nothing is decoded beyond it, in memory or elsewhere)
 * @param maxObjects       indirect objects in its cross-reference table
 * @param maxScratchBytes  main memory PDFBox may use for the streams it caches (its {@code MemoryUsageSetting})
 */
public record PdfLimits(long maxBytes, int maxPages, long maxDecodedBytes, int maxObjects, long maxScratchBytes) {

    /** 20 MiB, 500 pages, 256 MiB decoded, 200 000 objects, 64 MiB of scratch memory. */
    public static final PdfLimits DEFAULT = new PdfLimits(20L << 20, 500, 256L << 20, 200_000, 64L << 20);

    public PdfLimits {
        if (maxBytes <= 0 || maxPages <= 0 || maxDecodedBytes <= 0 || maxObjects <= 0 || maxScratchBytes <= 0) {
            throw new IllegalArgumentException("every PDF limit must be positive");
        }
    }
}
