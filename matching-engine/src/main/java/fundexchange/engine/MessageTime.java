package fundexchange.engine;

import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.reference.PlatformTime;

/**
 * A time inside a reject message, which people read: ISO-8601 in the platform zone with its offset (e.g.
 * {@code 2026-12-06T20:15:03.804+08:00}, CONTRACTS.md 19), formatted without the default zone or locale. A journal of
 * rules version 2 keeps the epoch milliseconds its documents were written with, so it replays byte for byte.
 */
final class MessageTime {
    private MessageTime() {
    }

    static String of(ExchangeState state, long epochMillis) {
        return state.rulesVersion < RulesVersion.TIMES_FOR_PEOPLE ? Long.toString(epochMillis)
                : PlatformTime.of(state.parameters.zone()).format(epochMillis);
    }
}
