package fundexchange.engine.event;

import fundexchange.engine.reference.Fund;

/** A fund and its reference data. */
public record FundRegistered(Fund fund) implements Event {
}
