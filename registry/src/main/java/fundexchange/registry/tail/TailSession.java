package fundexchange.registry.tail;

/**
 * One pass over the journals by one projection, confined to the thread that opened it (Chronicle readers are).
 * Throws {@link ProjectionHalted} for anything that must stop the projection.
 */
public interface TailSession extends AutoCloseable {
    /** Reads the stored watermark, re-reads the journal up to it checking the chain, and returns it. */
    long open();

    /**
     * Applies up to {@code maxDocuments} further documents, with their watermark, in one transaction.
     * Returns the watermark afterwards (unchanged when the journal has nothing new). After a transient
     * database failure the same documents are retried by the next call.
     */
    long applyBatch(int maxDocuments);

    /** The last index this session has committed (0 before {@link #open()}). */
    long watermark();

    @Override
    void close();
}
