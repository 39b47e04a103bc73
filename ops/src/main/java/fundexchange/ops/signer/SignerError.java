package fundexchange.ops.signer;

/**
 * The signing agent's refusals (docs/portal.md, "SM2 users"), each answered as {@code {code, message, requestId}}.
 * From the gateway's range 160-169, so that no code means two things to the portal.
 */
enum SignerError {
    /** The person at the agent's terminal declined to sign (403). */
    DECLINED(163, 403),
    /** The request came from another origin than the configured portal's, or named no origin (403). */
    ORIGIN_NOT_ALLOWED(164, 403),
    /** The per-run token is missing or wrong (401). */
    BAD_TOKEN(165, 401),
    /** The sign request is malformed, too large, or not one the agent serves (400, 404, 405, 413). */
    MALFORMED(166, 400),
    /** The Host header names another host than the agent's loopback address (403): a DNS-rebinding page. */
    HOST_NOT_ALLOWED(167, 403);

    private final int code;
    private final int status;

    SignerError(int code, int status) {
        this.code = code;
        this.status = status;
    }

    int code() {
        return code;
    }

    int status() {
        return status;
    }
}
