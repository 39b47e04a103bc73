package fundexchange.client;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of {@code PlaceSealedBid} and {@code AmendSealedBid} (CONTRACTS.md 12): the price and a fresh nonce of 256
 * bits from {@link SecureRandom} as 64 lower-case hex digits, which hides the price in every hash the exchange
 * publishes until the close. The body is padded with JSON whitespace to {@link #LENGTH} bytes, so its length (and
 * the request's {@code Content-Length}) is the same whatever the price. Keep the nonce: after the close, anyone can
 * check the revealed price against the bid's commitment with it.
 *
 * @param price the price per unit, as the exchange's fixed-point string ({@code "1.2500"})
 * @param nonce 64 lower-case hex digits
 */
public record SealedBidBody(String price, String nonce) {
    /** The bytes of every sealed-bid body: {@code {"nonce":"<64>","price":"<up to 21>"}} and trailing spaces. */
    public static final int LENGTH = 108;
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PRICE = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,4})?");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SealedBidBody {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(nonce, "nonce");
        if (!PRICE.matcher(price).matches()) {
            throw new IllegalArgumentException("price must be a decimal of at most 15 integer and 4 fractional digits");
        }
        if (!NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("nonce must be 64 lower-case hex digits");
        }
    }

    /** A body for {@code price} with a fresh random nonce. */
    public static SealedBidBody random(String price) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return new SealedBidBody(price, HexFormat.of().formatHex(nonce));
    }

    /** The JSON body, padded with spaces to {@link #LENGTH} bytes. */
    public String json() {
        String json = "{\"nonce\":\"" + nonce + "\",\"price\":\"" + price + "\"}";
        return json + " ".repeat(LENGTH - json.length());
    }
}
