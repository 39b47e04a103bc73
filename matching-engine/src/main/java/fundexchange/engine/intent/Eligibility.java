package fundexchange.engine.intent;

import fundexchange.protocol.reference.Fund;

/**
 * The transfer rules that depend on participants rather than on the two items: the engine answers them from its
 * state as of the command (qualification, active key, holder cap, anti-flip; CONTRACTS.md 13).
 */
public interface Eligibility {
    /** Everyone may trade: for populations without participant rules. */
    Eligibility ANYONE = new Eligibility() {
        @Override
        public boolean buyer(String investor, Fund fund) {
            return true;
        }

        @Override
        public boolean seller(String holder, Fund fund) {
            return true;
        }
    };

    /** The investor may buy units of this fund now: qualified, active, with an active key and room under the cap. */
    boolean buyer(String investor, Fund fund);

    /** The holder may sell units of this fund now: active, with an active key, past the anti-flip period. */
    boolean seller(String holder, Fund fund);
}
