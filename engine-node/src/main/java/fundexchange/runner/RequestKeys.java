package fundexchange.runner;

import fundexchange.engine.RequestMemoryKey;
import java.security.SecureRandom;

/** Draws a node's secret key for placing ids in the idempotency memory (the engine itself never draws anything). */
public final class RequestKeys {
    private RequestKeys() {
    }

    /** A fresh 128-bit key from {@link SecureRandom}: every start of a node gets its own. */
    public static RequestMemoryKey fresh() {
        SecureRandom random = new SecureRandom();
        return new RequestMemoryKey(random.nextLong(), random.nextLong());
    }
}
