package fundexchange.gateway.portal;

/**
 * One file the portal serves, as it is sent: its URL path, bytes, content type and caching; {@code page} marks an
 * HTML page, which carries the portal's Content-Security-Policy.
 */
record PortalAsset(String url, byte[] body, String contentType, String cacheControl, boolean page) {
    /** Fingerprinted assets never change under their name. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Pages are revalidated on every load, so a new build's fingerprints are picked up at once. */
    static final String REVALIDATE = "no-cache";
}
