package fundexchange.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * The walk over every indirect object of a loaded PDF: refuses active content (JavaScript, launch and remote actions,
 * embedded files, XFA) wherever it sits, and decodes every stream through its filters into a bounded sink before
 * anything else may decode it. Objects stored directly in the file come first, so an object stream's filters are
 * checked before PDFBox decodes it to reach the objects it holds.
 */
final class ObjectInspection {

    private static final int MAX_DEPTH = 64;
    private static final Set<String> IMAGE_CODECS = Set.of("DCTDecode", "JPXDecode", "CCITTFaxDecode", "JBIG2Decode");
    private static final Set<String> LAUNCHING_ACTIONS = Set.of("Launch", "GoToR", "ImportData", "SubmitForm");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName EF = COSName.getPDFName("EF");
    private static final COSName ADDITIONAL_ACTIONS = COSName.getPDFName("AA");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");

    private final DecodeBudget budget;

    private ObjectInspection(DecodeBudget budget) {
        this.budget = budget;
    }

    static void inspect(COSDocument document, int maxObjects, DecodeBudget budget) throws PdfRefusedException {
        Map<COSObjectKey, Long> table = document.getXrefTable();
        if (table.size() > maxObjects) {
            throw new PdfRefusedException(PdfRefusal.TOO_MANY_OBJECTS, table.size() + " objects");
        }
        List<Map.Entry<COSObjectKey, Long>> entries = new ArrayList<>(table.entrySet());
        // Objects in the file itself (offset >= 0) before those inside object streams (negative offsets).
        entries.sort(Comparator.comparing((Map.Entry<COSObjectKey, Long> e) -> e.getValue() < 0)
                .thenComparing(Map.Entry::getKey));
        ObjectInspection inspection = new ObjectInspection(budget);
        for (Map.Entry<COSObjectKey, Long> entry : entries) {
            COSObject object = document.getObjectFromPool(entry.getKey());
            inspection.visit(object.getObject(), 0);
        }
        inspection.visit(document.getTrailer(), 0);
    }

    private void visit(COSBase base, int depth) throws PdfRefusedException {
        if (depth > MAX_DEPTH) {
            throw new PdfRefusedException(PdfRefusal.NOT_A_PDF, "objects nested deeper than " + MAX_DEPTH);
        }
        if (base instanceof COSDictionary dictionary) {
            checkDictionary(dictionary);
            for (COSName key : dictionary.keySet()) {
                COSBase value = dictionary.getItem(key);
                if (!(value instanceof COSObject)) {
                    visit(value, depth + 1);
                }
            }
            if (dictionary instanceof COSStream stream) {
                decode(stream);
            }
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase value = array.get(i);
                if (!(value instanceof COSObject)) {
                    visit(value, depth + 1);
                }
            }
        }
    }

    private static void checkDictionary(COSDictionary dictionary) throws PdfRefusedException {
        String action = dictionary.getNameAsString(COSName.S);
        if ("JavaScript".equals(action) || dictionary.containsKey(JS)) {
            throw new PdfRefusedException(PdfRefusal.JAVASCRIPT, "");
        }
        if (action != null && LAUNCHING_ACTIONS.contains(action)) {
            throw new PdfRefusedException(PdfRefusal.LAUNCH_ACTION, action);
        }
        // Actions that run by themselves when the document or a page opens may call out to a server (a URI), which
        // would tell the holder who opened it and when, outside the exchange's access log; links a reader clicks stay.
        if (dictionary.containsKey(ADDITIONAL_ACTIONS)) {
            throw new PdfRefusedException(PdfRefusal.LAUNCH_ACTION, "automatic actions (/AA)");
        }
        if (dictionary.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary open
                && "URI".equals(open.getNameAsString(COSName.S))) {
            throw new PdfRefusedException(PdfRefusal.LAUNCH_ACTION, "a URI opened with the document");
        }
        if ("GoToE".equals(action) || dictionary.containsKey(EF) || dictionary.containsKey(EMBEDDED_FILES)
                || "EmbeddedFile".equals(dictionary.getNameAsString(COSName.TYPE))
                || "FileAttachment".equals(dictionary.getNameAsString(COSName.SUBTYPE))
                || "RichMedia".equals(dictionary.getNameAsString(COSName.SUBTYPE))) {
            throw new PdfRefusedException(PdfRefusal.EMBEDDED_FILE, "");
        }
        if (dictionary.containsKey(JAVASCRIPT)) {
            throw new PdfRefusedException(PdfRefusal.JAVASCRIPT, "a JavaScript name tree");
        }
        if (dictionary.containsKey(XFA)) {
            throw new PdfRefusedException(PdfRefusal.XFA, "");
        }
    }

    private void decode(COSStream stream) throws PdfRefusedException {
        List<String> filters = filterNames(stream.getFilters());
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream input = raw;
            for (int i = 0; i < filters.size(); i++) {
                String name = filters.get(i);
                if (IMAGE_CODECS.contains(name)) {
                    if (i != filters.size() - 1) {
                        throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, name + " before another filter");
                    }
                    return;
                }
                Filter filter = FilterFactory.INSTANCE.getFilter(name);
                boolean last = i == filters.size() - 1;
                BoundedSink sink = new BoundedSink(budget, !last);
                filter.decode(input, sink, stream, i);
                input = sink.asInput();
            }
            budget.spend(0);
        } catch (DecodeBudget.Exhausted e) {
            throw new PdfRefusedException(PdfRefusal.DECOMPRESSION_LIMIT, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new PdfRefusedException(PdfRefusal.NOT_A_PDF, "a stream that cannot be decoded");
        }
    }

    private static List<String> filterNames(COSBase filters) throws PdfRefusedException {
        List<String> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name.getName());
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getObject(i) instanceof COSName name)) {
                    throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, "a filter that is not a name");
                }
                names.add(name.getName());
            }
        } else if (filters != null) {
            throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, "a filter that is not a name");
        }
        for (String name : names) {
            if (!RawStreamScan.ACCEPTED_FILTERS.contains(name)) {
                throw new PdfRefusedException(PdfRefusal.UNSUPPORTED_FILTER, name);
            }
        }
        return names;
    }

    /** Counts every decoded byte against the budget; keeps them only when another filter reads them next. */
    private static final class BoundedSink extends OutputStream {
        private final DecodeBudget budget;
        private final java.io.ByteArrayOutputStream kept;

        BoundedSink(DecodeBudget budget, boolean keep) {
            this.budget = budget;
            this.kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            budget.spend(1);
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            budget.spend(len);
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        InputStream asInput() {
            return new java.io.ByteArrayInputStream(kept == null ? new byte[0] : kept.toByteArray());
        }
    }
}
