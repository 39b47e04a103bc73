package fundexchange.protocol.event;

import fundexchange.protocol.transfer.TransferTerms;

/** A fund's transfer terms, as staff set them (every default of its legal form filled in). */
public record TransferTermsSet(TransferTerms terms) implements PlatformEvent {
}
