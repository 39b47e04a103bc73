package fundexchange.gateway.apidocs;

/** One file of the interactive API docs, as it is sent: its URL path, bytes, content type and caching. */
record DocsFile(String url, byte[] body, String contentType, String cacheControl) {
    /** Files named by version or content hash never change under their name. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The page is revalidated on every load, so a new build's names are picked up at once. */
    static final String REVALIDATE = "no-cache";
}
