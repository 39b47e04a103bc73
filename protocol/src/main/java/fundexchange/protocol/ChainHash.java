package fundexchange.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chains of the registry, all SHA-256, stored as lower-case hex.
 *
 * <ul>
 *   <li>{@link #digest(byte[])}: SHA-256 of one journal document exactly as written.</li>
 *   <li>Projection chain, over the event journal: {@code h(0) = 32 zero bytes},
 *       {@code h(n) = SHA-256(h(n-1) || digest(eventDocument(n)))}; see {@link #next}.</li>
 *   <li>Audit chain, over both journals (CONTRACTS.md 14): {@code a(0) = 32 zero bytes},
 *       {@code a(n) = SHA-256(a(n-1) || digest(commandRecord(n)) || digest(eventDocument(n)))}; see {@link #auditLink}.</li>
 * </ul>
 * Both chains start from {@link #GENESIS}. The class is pure: no state, no I/O.
 */
public final class ChainHash {
    /** The link before the first document: 32 zero bytes, in hex. */
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** SHA-256 of a document's bytes. */
    public static byte[] digest(byte[] document) {
        return sha256().digest(document);
    }

    /** The projection chain's next link: SHA-256(prev || eventDocDigest), in hex. */
    public static String next(String prevLinkHex, byte[] eventDocDigest) {
        MessageDigest sha = sha256();
        sha.update(bytes(prevLinkHex));
        sha.update(requireDigest(eventDocDigest));
        return hex(sha.digest());
    }

    /** The audit chain's link for one journal index: SHA-256(prev || commandDigest || eventDigest), in hex. */
    public static String auditLink(String prevLinkHex, byte[] commandDocDigest, byte[] eventDocDigest) {
        MessageDigest sha = sha256();
        sha.update(bytes(prevLinkHex));
        sha.update(requireDigest(commandDocDigest));
        sha.update(requireDigest(eventDocDigest));
        return hex(sha.digest());
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Decodes a 64-character hex link or digest. */
    public static byte[] bytes(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a link is 64 hex characters, got " + hex);
        }
        return HEX.parseHex(hex);
    }

    private static byte[] requireDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
        }
        return digest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
