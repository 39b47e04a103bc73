package fundexchange.protocol.event;

import fundexchange.protocol.reference.Fund;

/** A fund and its reference data. */
public record FundRegistered(Fund fund) implements PlatformEvent {
}
