package fundexchange.signing;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The platform id: the audience every FXS2 signature is bound to (line 2 of the canonical string). Chosen at
 * {@code exchange init}, recorded in the genesis, and published unsigned by {@code GET /exchange}.
 */
public final class PlatformId {
    /** 3 to 64 characters: lower-case ASCII letters, digits, {@code .} and {@code -}, first and last a letter or digit. */
    public static final Pattern GRAMMAR = Pattern.compile("[a-z0-9][a-z0-9.-]{1,62}[a-z0-9]");
    private static final String DERIVED_PREFIX = "fx-";
    private static final int DERIVED_HEX_DIGITS = 16;

    private PlatformId() {
    }

    /**
     * {@code id} if it matches {@link #GRAMMAR}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireValid(String id) {
        if (id == null || !GRAMMAR.matcher(id).matches()) {
            throw new IllegalArgumentException("a platform id is 3 to 64 lower-case ASCII letters, digits, '.' or '-',"
                    + " beginning and ending with a letter or digit: " + id);
        }
        return id;
    }

    /**
     * The default platform id of an exchange: {@code fx-} and the first 16 lower-case hex digits of the SHA-256 of its
     * public key (X.509 SubjectPublicKeyInfo, DER). Each {@code exchange init} makes a new key, so two deployments
     * never share it by accident.
     */
    public static String derivedFrom(byte[] exchangeSpki) {
        return DERIVED_PREFIX + CanonicalRequest.sha256Hex(Objects.requireNonNull(exchangeSpki, "exchangeSpki"))
                .substring(0, DERIVED_HEX_DIGITS);
    }

    /**
     * The platform id of a journal: the one its genesis declares, or, for a genesis written before platform ids
     * ({@code declared} null), the default derived from the genesis's exchange key (SPKI, standard Base64).
     *
     * @throws IllegalArgumentException if the declared id breaks the grammar or the key is not Base64
     */
    public static String ofGenesis(String declared, String exchangePublicKeyBase64) {
        if (declared != null) {
            return requireValid(declared);
        }
        return derivedFrom(Base64.getDecoder().decode(Objects.requireNonNull(exchangePublicKeyBase64, "exchange key")));
    }
}
