package fundexchange.documents.pdf;

import java.io.IOException;

/** The bytes a document's check may still decode; spending beyond it throws {@link Exhausted}. */
final class DecodeBudget {

    /** Thrown when decoding would pass the budget; nothing more is decoded. */
    static final class Exhausted extends IOException {
        private static final long serialVersionUID = 1L;

        Exhausted(long limit) {
            super("more than " + limit + " bytes decoded");
        }
    }

    private final long limit;
    private long spent;

    DecodeBudget(long limit) {
        this.limit = limit;
    }

    void spend(long bytes) throws Exhausted {
        spent += bytes;
        if (spent > limit) {
            throw new Exhausted(limit);
        }
    }
}
