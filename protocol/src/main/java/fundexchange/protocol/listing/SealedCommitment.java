package fundexchange.protocol.listing;

import fundexchange.protocol.money.Price;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The hiding commitment of a sealed bid (CONTRACTS.md 12). The bidder's client sends a nonce of 256 bits as 64
 * lower-case hex digits in the signed body; the engine keeps it with the bid, and the bid's
 * {@code commitment = hex(SHA-256(UTF-8("FXSB1\n" + nonce + "\n" + price)))}, {@code price} in its canonical form
 * ({@code "1.2500"}), is what readers see until the close. Every document, digest and hash that depends on the price
 * also depends on the nonce, so no published value lets anyone test a guessed price.
 */
public final class SealedCommitment {
    /** The nonce grammar: exactly 64 lower-case hex digits (256 bits). */
    public static final Pattern NONCE = Pattern.compile("[0-9a-f]{64}");

    private SealedCommitment() {
    }

    /** Whether {@code nonce} is present and matches {@link #NONCE}. */
    public static boolean validNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    /** The commitment to {@code price} under {@code nonce}, 64 lower-case hex digits. */
    public static String of(String nonce, Price price) {
        byte[] message = ("FXSB1\n" + nonce + "\n" + price).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
