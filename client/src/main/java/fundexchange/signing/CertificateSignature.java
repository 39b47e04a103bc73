package fundexchange.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The detached signature of a transaction certificate (docs/rules.md, Transaction certificates): the exchange's key
 * signs the SHA-256 of the certificate's PDF bytes together with the platform id and the signing key's id and
 * fingerprint. The signature is detached rather than embedded because Ed25519 and SM2 PDF signatures do not verify in
 * common PDF readers; a detached file verifies the same with every key the exchange may be configured with.
 *
 * <p>The signed message is the lines {@code FXCS1, platformId, keyId, keyFingerprint, pdfSha256} joined with "\n",
 * no trailing newline. The {@code .sig} file is UTF-8 text, one {@code name=value} line each after the version line,
 * in this order: {@code platformId, keyId, algorithm, keyFingerprint, publicKey} (SubjectPublicKeyInfo, Base64),
 * {@code pdfSha256, signature} (Base64), each line ending in "\n".
 */
public record CertificateSignature(String platformId, String keyId, SignatureAlgorithm algorithm, String keyFingerprint,
                                   String publicKey, String pdfSha256, String signature) {

    /** The version of the message and of the file. */
    public static final String VERSION = "FXCS1";
    /** The file's media type as the API serves it. */
    public static final String MEDIA_TYPE = "text/plain; charset=utf-8";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final List<String> FIELDS = List.of("platformId", "keyId", "algorithm", "keyFingerprint",
            "publicKey", "pdfSha256", "signature");
    private static final int MAX_FILE_CHARS = 4096;

    /** Signs {@code pdf} for {@code platformId} with the exchange's key {@code keyId}. */
    public static CertificateSignature sign(byte[] pdf, String platformId, String keyId, PrivateKey key,
                                            PublicKey publicKey) {
        return sign(pdf, platformId, keyId, key, KeyMaterial.spki(publicKey));
    }

    /**
     * Signs {@code pdf} with the key whose public half is the SubjectPublicKeyInfo {@code spki}, exactly as given (as
     * the journal published it): the fingerprint and the file's {@code publicKey} are of these bytes, never of a
     * re-encoding, which need not be byte-identical.
     */
    public static CertificateSignature sign(byte[] pdf, String platformId, String keyId, PrivateKey key, byte[] spki) {
        spki = spki.clone();
        SignatureAlgorithm algorithm = KeyMaterial.algorithmOf(key);
        String fingerprint = KeyFingerprint.of(spki);
        String digest = CanonicalRequest.sha256Hex(pdf);
        byte[] signed = Signatures.sign(algorithm, key, message(platformId, keyId, fingerprint, digest));
        return new CertificateSignature(platformId, keyId, algorithm, fingerprint,
                Base64.getEncoder().encodeToString(spki), digest, Base64.getEncoder().encodeToString(signed));
    }

    /** What the key signs. */
    static byte[] message(String platformId, String keyId, String keyFingerprint, String pdfSha256) {
        return String.join("\n", VERSION, platformId, keyId, keyFingerprint, pdfSha256).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code .sig} file's text. */
    public String text() {
        return VERSION + "\n" + "platformId=" + platformId + "\n" + "keyId=" + keyId + "\n"
                + "algorithm=" + algorithm.wireName() + "\n" + "keyFingerprint=" + keyFingerprint + "\n"
                + "publicKey=" + publicKey + "\n" + "pdfSha256=" + pdfSha256 + "\n" + "signature=" + signature + "\n";
    }

    /** The {@code .sig} file's bytes. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a {@code .sig} file, strictly: the version line, then every field once, in order, nothing else.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CertificateSignature parse(String text) {
        if (text.length() > MAX_FILE_CHARS) {
            throw new IllegalArgumentException("the signature file is longer than " + MAX_FILE_CHARS + " characters");
        }
        String[] lines = text.endsWith("\n") ? text.substring(0, text.length() - 1).split("\n", -1) : text.split("\n", -1);
        if (lines.length != FIELDS.size() + 1 || !lines[0].equals(VERSION)) {
            throw new IllegalArgumentException("not an " + VERSION + " signature file");
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            String prefix = FIELDS.get(i) + "=";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new IllegalArgumentException("line " + (i + 2) + " must be " + prefix + "...");
            }
            values[i] = lines[i + 1].substring(prefix.length());
        }
        PlatformId.requireValid(values[0]);
        if (!KEY_ID.matcher(values[1]).matches()) {
            throw new IllegalArgumentException("malformed keyId");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromWireName(values[2]);
        if (!HEX64.matcher(values[3]).matches() || !HEX64.matcher(values[5]).matches()) {
            throw new IllegalArgumentException("keyFingerprint and pdfSha256 must be 64 lower-case hex digits");
        }
        canonicalBase64(values[4], "publicKey");
        canonicalBase64(values[6], "signature");
        return new CertificateSignature(values[0], values[1], algorithm, values[3], values[4], values[5], values[6]);
    }

    /**
     * Requires {@code value} to be the one Base64 text of its bytes (padded, no line breaks, zero unused bits), so a
     * signature file has exactly one spelling of its key and signature.
     */
    private static void canonicalBase64(String value, String name) {
        if (value.isEmpty() || !Base64.getEncoder().encodeToString(base64(value, name)).equals(value)) {
            throw new IllegalArgumentException(name + " is not canonical Base64");
        }
    }

    private static byte[] base64(String value, String name) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not Base64");
        }
    }

    /**
     * Checks this signature over {@code pdf} for the platform {@code expectedPlatformId} and the published key
     * {@code expectedFingerprint}; the first failure found, or {@link Verdict#VALID}.
     */
    public Verdict verify(byte[] pdf, String expectedPlatformId, String expectedFingerprint) {
        if (!platformId.equals(expectedPlatformId)) {
            return Verdict.OTHER_PLATFORM;
        }
        byte[] spki = base64(publicKey, "publicKey");
        String actual = KeyFingerprint.of(spki);
        if (!actual.equals(keyFingerprint) || !actual.equals(expectedFingerprint.toLowerCase(java.util.Locale.ROOT))) {
            return Verdict.OTHER_KEY;
        }
        if (!MessageDigest.isEqual(CanonicalRequest.sha256Hex(pdf).getBytes(StandardCharsets.US_ASCII),
                pdfSha256.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.ALTERED;
        }
        boolean valid = Signatures.verify(algorithm, spki, message(platformId, keyId, keyFingerprint, pdfSha256),
                base64(signature, "signature"));
        return valid ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The outcome of {@link #verify}, each with its message in Chinese and English. */
    public enum Verdict {
        VALID("凭证有效：签名由交易所公布的密钥作出，文件未被改动。",
                "certificate valid: signed by the exchange's published key, the file unaltered."),
        OTHER_PLATFORM("凭证无效：签名属于另一个平台。", "certificate INVALID: the signature is for another platform."),
        OTHER_KEY("凭证无效：签名密钥不是所给指纹的交易所公布密钥。",
                "certificate INVALID: the signing key is not the exchange's published key with the given fingerprint."),
        ALTERED("凭证无效：文件与签名时不同（已被改动或损坏）。",
                "certificate INVALID: the file differs from the one signed (altered or damaged)."),
        BAD_SIGNATURE("凭证无效：签名不正确。", "certificate INVALID: the signature does not verify.");

        private final String chinese;
        private final String english;

        Verdict(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String chinese() {
            return chinese;
        }

        public String english() {
            return english;
        }
    }
}
