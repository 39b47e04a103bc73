package fundexchange.engine.stateowned;

import fundexchange.protocol.money.Price;

/**
 * The public disclosure of a state-owned holder's listing, from its opening: the appraisal it was checked against and
 * the first instant a deal on it may be made ({@code dealsFrom}, epoch ms).
 */
public record PublicDisclosure(long listingId, String fundCode, String seller, long appraisalId, Price appraisedPrice,
                               long openedAt, long dealsFrom) {
}
