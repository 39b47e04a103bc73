package fundexchange.engine;

import fundexchange.protocol.refusal.Refusal;

/**
 * Why a party may not trade at this step: a refusal (a shared reject code or a mechanism's own) and a message, as data
 * (a bid passed over, an order cancelled).
 */
record PartyRefusal(Refusal code, String message) {
    Rejection toRejection() {
        return new Rejection(code, message);
    }
}
