package fundexchange.documents.pdf;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The check of a PDF's raw bytes, before any parser decodes anything: every stream's data that inflates as zlib is
 * inflated into a discarding buffer against the decode budget (a Flate bomb anywhere, cross-reference and object
 * streams included, is stopped here), and every stream's own dictionary must name only accepted filters, directly
 * and without {@code #} escapes (so a cross-reference stream, which PDFBox decodes while it loads, cannot use an
 * encoding this scan does not bound).
 */
final class RawStreamScan {

    static final Set<String> ACCEPTED_FILTERS = Set.of("FlateDecode", "ASCIIHexDecode", "ASCII85Decode",
            "DCTDecode", "JPXDecode", "CCITTFaxDecode", "JBIG2Decode");

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final int DICTIONARY_WINDOW = 64 * 1024;
    private static final Pattern FILTER = Pattern.compile("/Filter\\s*(\\[[^\\]]*\\]|/[^\\s/\\[\\]<>()]*|[^/\\[]\\S*)");
    private static final Pattern NAME = Pattern.compile("/([^\\s/\\[\\]<>()]*)");

    private RawStreamScan() {
    }

    static void scan(byte[] pdf, DecodeBudget budget) throws PdfRefusedException {
        byte[] sink = new byte[64 * 1024];
        int from = 0;
        while (true) {
            int at = indexOf(pdf, STREAM, from);
            if (at < 0) {
                return;
            }
            from = at + STREAM.length;
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') {
                continue;
            }
            int data = dataStart(pdf, from);
            if (data < 0) {
                continue;
            }
            checkDictionary(dictionaryBefore(pdf, at));
            inflate(pdf, data, sink, budget);
        }
    }

    private static int dataStart(byte[] pdf, int afterKeyword) {
        if (afterKeyword < pdf.length && pdf[afterKeyword] == '\n') {
            return afterKeyword + 1;
        }
        if (afterKeyword + 1 < pdf.length && pdf[afterKeyword] == '\r' && pdf[afterKeyword + 1] == '\n') {
            return afterKeyword + 2;
        }
        if (afterKeyword < pdf.length && pdf[afterKeyword] == '\r') {
            return afterKeyword + 1;
        }
        return -1;
    }

    /** The text from the nearest {@code obj} keyword (not {@code endobj}) before the stream keyword. */
    private static String dictionaryBefore(byte[] pdf, int keyword) {
        int start = Math.max(0, keyword - DICTIONARY_WINDOW);
        String window = new String(pdf, start, keyword - start, StandardCharsets.ISO_8859_1);
        int obj = window.length();
        while ((obj = window.lastIndexOf("obj", obj - 1)) >= 0) {
            if (obj < 3 || !window.startsWith("end", obj - 3)) {
                return window.substring(obj + 3);
            }
            if (obj == 0) {
                break;
            }
        }
        return window;
    }

    private static void checkDictionary(String dictionary) throws PdfRefusedException {
        if (dictionary.indexOf('#') >= 0) {
            throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, "a stream dictionary with an escaped name");
        }
        Matcher filter = FILTER.matcher(dictionary);
        while (filter.find()) {
            String value = filter.group(1);
            if (!value.startsWith("/") && !value.startsWith("[")) {
                throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, "a filter given indirectly");
            }
            String names = value.startsWith("[") ? value.substring(1, value.length() - 1) : value;
            Matcher name = NAME.matcher(names);
            int found = 0;
            while (name.find()) {
                found++;
                if (!ACCEPTED_FILTERS.contains(name.group(1))) {
                    throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, name.group(1));
                }
            }
            if (names.replaceAll("/[^\\s/\\[\\]<>()]*", "").strip().length() > 0 || found == 0 && !names.isBlank()) {
                throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, "a filter given indirectly");
            }
        }
    }

    private static void inflate(byte[] pdf, int data, byte[] sink, DecodeBudget budget) throws PdfRefusedException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, data, pdf.length - data);
            while (!inflater.finished()) {
                int n = inflater.inflate(sink);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return;
                }
                budget.spend(n);
            }
        } catch (DataFormatException notZlib) {
            // not Flate data (or damaged): the parser's bounded decode below sees it, if it is a stream at all
        } catch (DecodeBudget.Exhausted e) {
            throw new PdfRefusedException(PdfRefusal.DECOMPRESSION_LIMIT, e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
