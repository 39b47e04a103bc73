package fundexchange.protocol.transfer;

/** A transfer from {@code holder} to {@code affiliate} is exempt from the fund's notice, consent and priority right. */
public record Affiliation(String holder, String affiliate) {
}
