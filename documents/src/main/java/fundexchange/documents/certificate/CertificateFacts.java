package fundexchange.documents.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import fundexchange.documents.Sha256;

/**
 * What a transaction certificate states about one finally settled trade, all of it from the journal (through the
 * registry's projection of it), none of it from a clock. Amounts are fixed-point {@code long}s: {@code units} and
 * {@code consideration} at scale 2, {@code price} (per unit) and {@code multipleOfCost} at scale 4,
 * {@code percentOfNavBasisPoints} in basis points of the NAV per unit (10000 = at NAV). {@code executedAt} and
 * {@code settledAt} are the journal times (epoch milliseconds) of the documents at the trade's execution index and its
 * settlement index, read from the journal (the audit index), never from a registry column a rebuild might fill
 * differently; {@code settledIndex} is the journal index of the settlement and {@code chainLink} the audit chain's link
 * at that index (64 lower-case hex digits); {@code zone} the platform zone in force at {@code settledIndex}.
 */
public record CertificateFacts(String platformId, long tradeId, String fundCode, String fundName, String currency,
                               long units, long price, long consideration, long percentOfNavBasisPoints,
                               long multipleOfCost, String seller, String buyer, long executedAt, long settledAt,
                               long settledIndex, String chainLink, ZoneId zone) {

    /** The version of the canonical text below and of the layout; a new layout is a new version. */
    public static final String VERSION = "FXCERT1";
    private static final int MAX_TEXT = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    public CertificateFacts {
        Objects.requireNonNull(zone, "zone");
        for (String text : new String[] {platformId, fundCode, fundName, currency, seller, buyer}) {
            if (text == null || text.isEmpty() || text.length() > MAX_TEXT
                    || text.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("a certificate's text is 1-" + MAX_TEXT
                        + " characters without control characters: " + text);
            }
        }
        if (!Sha256.isDigest(chainLink)) {
            throw new IllegalArgumentException("chainLink must be 64 lower-case hex digits");
        }
        if (tradeId <= 0 || settledIndex <= 0 || units <= 0 || price < 0 || consideration < 0) {
            throw new IllegalArgumentException("a settled trade has a positive id, index and units");
        }
        if (executedAt <= 0 || settledAt <= 0 || executedAt > settledAt) {
            throw new IllegalArgumentException("a settled trade's journal times are positive, execution first: executedAt "
                    + executedAt + ", settledAt " + settledAt);
        }
    }

    /** The trade date in the platform zone. */
    public String tradeDate() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(executedAt), zone).toString();
    }

    /** The settlement's date in the platform zone. */
    public String settlementDate() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(settledAt), zone).toString();
    }

    /** The settlement's time in the platform zone with its offset, e.g. {@code 2026-12-07 15:30:00 +08:00}. */
    public String settlementTime() {
        return TIME.format(Instant.ofEpochMilli(settledAt).atZone(zone));
    }

    /**
     * The canonical text of the facts: {@code key=value} lines joined with "\n" after the version line, amounts as
     * their raw fixed-point integers. Its digest is what the certificate's QR code carries.
     */
    public String canonicalText() {
        return String.join("\n", VERSION,
                "platformId=" + platformId,
                "tradeId=" + tradeId,
                "fundCode=" + fundCode,
                "fundName=" + fundName,
                "currency=" + currency,
                "units=" + units,
                "price=" + price,
                "consideration=" + consideration,
                "percentOfNavBasisPoints=" + percentOfNavBasisPoints,
                "multipleOfCost=" + multipleOfCost,
                "seller=" + seller,
                "buyer=" + buyer,
                "executedAt=" + executedAt,
                "settledAt=" + settledAt,
                "settledIndex=" + settledIndex,
                "chainLink=" + chainLink,
                "zone=" + zone.getId());
    }

    /** SHA-256 of {@link #canonicalText()} in UTF-8, lower-case hex: the certificate's content digest. */
    public String contentDigest() {
        return Sha256.hex(canonicalText().getBytes(StandardCharsets.UTF_8));
    }

    /** What the QR code encodes: {@code FXCERT1:<platformId>:<tradeId>:<contentDigest>}. */
    public String qrText() {
        return VERSION + ":" + platformId + ":" + tradeId + ":" + contentDigest();
    }
}
