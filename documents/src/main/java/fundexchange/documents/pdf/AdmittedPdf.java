package fundexchange.documents.pdf;

/**
 * A PDF the admission policy accepted.
 *
 * @param sha256 its SHA-256, 64 lower-case hex digits
 * @param size   its bytes
 * @param pages  its pages
 */
public record AdmittedPdf(String sha256, long size, int pages) {
}
