package fundexchange.engine;

import fundexchange.protocol.RejectCode;

/** Why a party may not trade at this step: a reject code and a message, as data (a bid passed over, an order cancelled). */
record Refusal(RejectCode code, String message) {
    Rejection toRejection() {
        return new Rejection(code, message);
    }
}
