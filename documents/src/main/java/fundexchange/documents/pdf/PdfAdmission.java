package fundexchange.documents.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import fundexchange.documents.Sha256;

/**
 * The admission policy for uploaded PDFs (docs/rules.md, Data room): within {@link PdfLimits}, unencrypted, without
 * JavaScript, embedded files, launch or remote actions or XFA. The checks run in an order that bounds what each
 * costs: the size, the raw bytes ({@link RawStreamScan}: no Flate stream decompresses past the budget), PDFBox's parse
 * with bounded scratch memory, the pages, then every object ({@link ObjectInspection}). Thread-safe.
 */
public final class PdfAdmission {

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PdfLimits limits;

    public PdfAdmission(PdfLimits limits) {
        this.limits = limits;
    }

    /** The limits it applies. */
    public PdfLimits limits() {
        return limits;
    }

    /** Admits {@code pdf}, or says why not. */
    public AdmittedPdf admit(byte[] pdf) throws PdfRefusedException {
        if (pdf.length > limits.maxBytes()) {
            throw new PdfRefusedException(PdfRefusal.TOO_LARGE, pdf.length + " > " + limits.maxBytes() + " bytes");
        }
        if (!startsWithHeader(pdf)) {
            throw new PdfRefusedException(PdfRefusal.NOT_A_PDF, "no %PDF- header");
        }
        DecodeBudget budget = new DecodeBudget(limits.maxDecodedBytes());
        RawStreamScan.scan(pdf, budget);
        try (PDDocument document = load(pdf)) {
            if (document.isEncrypted()) {
                throw new PdfRefusedException(PdfRefusal.ENCRYPTED, "");
            }
            ObjectInspection.inspect(document.getDocument(), limits.maxObjects(), budget);
            int pages = countPages(document);
            return new AdmittedPdf(Sha256.hex(pdf), pdf.length, pages);
        } catch (IOException | RuntimeException e) {
            throw new PdfRefusedException(PdfRefusal.NOT_A_PDF, "it cannot be parsed");
        }
    }

    /** Loads a PDF with PDFBox's scratch memory bounded by the limits; used to admit and to watermark. */
    public PDDocument load(byte[] pdf) throws PdfRefusedException {
        try {
            return Loader.loadPDF(pdf, "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(limits.maxScratchBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            throw new PdfRefusedException(PdfRefusal.ENCRYPTED, "a password is needed to open it");
        } catch (IOException | RuntimeException e) {
            throw new PdfRefusedException(PdfRefusal.NOT_A_PDF, "it cannot be parsed");
        }
    }

    private int countPages(PDDocument document) throws PdfRefusedException {
        int pages = 0;
        for (PDPage ignored : document.getPages()) {
            pages++;
            if (pages > limits.maxPages()) {
                throw new PdfRefusedException(PdfRefusal.TOO_MANY_PAGES, "more than " + limits.maxPages() + " pages");
            }
        }
        if (pages == 0) {
            throw new PdfRefusedException(PdfRefusal.NOT_A_PDF, "no pages");
        }
        return pages;
    }

    private static boolean startsWithHeader(byte[] pdf) {
        int end = Math.min(pdf.length - HEADER.length, 1024);
        for (int at = 0; at <= end; at++) {
            boolean match = true;
            for (int i = 0; i < HEADER.length && match; i++) {
                match = pdf[at + i] == HEADER[i];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
