package fundexchange.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.refusal.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Refusals#all()} refuses two refusals of one number when it is built, so a mechanism's code that repeats a
 * shared one stops the engine node at start rather than two outcomes meaning one number (the gateway's
 * {@code RefusalsTest} checks the same against its own codes too).
 */
class RefusalCodesTest {
    /** A mechanism's refusal that took the number of a shared reject code. */
    private enum Clash implements Refusal {
        ROUND_CLASH;

        @Override
        public int code() {
            return RejectCode.INVALID_FIELD.code();
        }
    }

    @Test
    void twoRefusalsOfOneNumberFailTheList() {
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> Refusals.unique(List.of(RejectCode.INVALID_FIELD, RejectCode.UNKNOWN_FUND, Clash.ROUND_CLASH)));
        assertEquals("refusal code 2001 is both fundexchange.protocol.RejectCode.INVALID_FIELD and "
                + "fundexchange.protocol.RefusalCodesTest$Clash.ROUND_CLASH", clash.getMessage());
    }

    @Test
    void todaysRefusalsAreUnique() {
        assertEquals(Refusals.all(), Refusals.unique(Refusals.all()));
    }
}
