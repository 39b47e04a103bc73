package fundexchange.audit.bundle;

import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.SignedRequest;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.PlatformId;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.SigningScheme;
import java.nio.charset.StandardCharsets;

/**
 * Which canonical string a journaled request was signed over (docs/api-signing.md), learnt from the genesis. A genesis
 * that declares a platform id admits only FXS2 bound to it. A genesis written before platform ids admits FXS1 (the
 * requests of the gateway of that time) and then FXS2 bound to the id derived from the exchange key; once FXS2 has
 * begun, FXS1 does not come back, for the gateway refuses it.
 */
final class Audience {
    private final String platformId;
    private final boolean declared;
    private long firstFxs2;

    private Audience(String platformId, boolean declared) {
        this.platformId = platformId;
        this.declared = declared;
    }

    /** The platform id every FXS2 signature of the journal is bound to. */
    String platformId() {
        return platformId;
    }

    static Audience of(long index, Genesis genesis) throws BrokenBundle {
        try {
            return new Audience(PlatformId.ofGenesis(genesis.platformId(), genesis.exchangePublicKey()),
                    genesis.platformId() != null);
        } catch (RuntimeException e) {
            throw new BrokenBundle(index, "the genesis names no usable platform id: " + e.getMessage());
        }
    }

    /** The canonical request {@code request} must have been signed over, at {@code index}. */
    CanonicalRequest canonical(long index, SignedRequest request, SignatureAlgorithm algorithm) throws BrokenBundle {
        SigningScheme scheme;
        try {
            scheme = SigningScheme.ofJournaled(request.scheme());
        } catch (IllegalArgumentException e) {
            throw new BrokenBundle(index, e.getMessage());
        }
        if (scheme == SigningScheme.FXS1 && declared) {
            throw new BrokenBundle(index, "a request signed under FXS1 in a journal whose genesis binds every signature"
                    + " to platform " + platformId + " (FXS2)");
        }
        if (scheme == SigningScheme.FXS1 && firstFxs2 != 0) {
            throw new BrokenBundle(index, "a request signed under FXS1 after FXS2 began at index " + firstFxs2);
        }
        if (scheme == SigningScheme.FXS2 && firstFxs2 == 0) {
            firstFxs2 = index;
        }
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        try {
            return scheme == SigningScheme.FXS2
                    ? CanonicalRequest.of(platformId, request.method(), request.path(), request.query(),
                            request.participant(), request.keyId(), algorithm, request.signedTimestamp(),
                            request.clientRequestId(), body)
                    : CanonicalRequest.ofFxs1(request.method(), request.path(), request.query(), request.participant(),
                            request.keyId(), algorithm, request.signedTimestamp(), request.clientRequestId(), body);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BrokenBundle(index, "the signed request cannot be rebuilt: " + e.getMessage());
        }
    }
}
