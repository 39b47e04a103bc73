package fundexchange.documents.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

import fundexchange.documents.CjkFont;

/** PDFs made in the tests: a clean one and hostile variants, each built by PDFBox here, never read from disk. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A clean PDF of {@code pages} pages of text. */
    public static byte[] clean(int pages) {
        return build(pages, document -> { });
    }

    public static byte[] withOpenActionScript() {
        return build(1, document -> document.getDocumentCatalog().setOpenAction(script()));
    }

    public static byte[] withLinkScript() {
        return build(2, document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setAction(script());
            annotations(document.getPage(1), link);
        });
    }

    public static byte[] withNamedScript() {
        return build(1, document -> {
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode scripts = new org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode();
            scripts.setNames(java.util.Map.of("init", script()));
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        });
    }

    public static byte[] withEmbeddedFile() {
        return build(1, document -> {
            try {
                PDEmbeddedFile file = new PDEmbeddedFile(document,
                        new java.io.ByteArrayInputStream("payload".getBytes(StandardCharsets.US_ASCII)));
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("payload.txt");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(java.util.Map.of("payload.txt", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static byte[] withLaunchAction() {
        return build(1, document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            document.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] withUriOnOpen() {
        return build(1, document -> {
            org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri =
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
            uri.setURI("https://holder.example/opened");
            document.getDocumentCatalog().setOpenAction(uri);
        });
    }

    public static byte[] withPageOpenAction() {
        return build(1, document -> document.getPage(0).getCOSObject().setItem(COSName.getPDFName("AA"),
                new org.apache.pdfbox.cos.COSDictionary()));
    }

    public static byte[] withClickedLink() {
        return build(1, document -> {
            org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri =
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
            uri.setURI("https://fund.example/report");
            PDAnnotationLink link = new PDAnnotationLink();
            link.setAction(uri);
            annotations(document.getPage(0), link);
        });
    }

    public static byte[] withXfa() {
        return build(1, document -> {
            PDAcroForm form = new PDAcroForm(document);
            form.getCOSObject().setItem(COSName.getPDFName("XFA"), new COSArray());
            document.getDocumentCatalog().setAcroForm(form);
        });
    }

    /** Encrypted with an owner password only: anyone can open it, yet it is encrypted. */
    public static byte[] encryptedOpenToAll() {
        return encrypted("");
    }

    /** Encrypted with a user password. */
    public static byte[] encryptedWithPassword() {
        return encrypted("user-secret");
    }

    private static byte[] encrypted(String userPassword) {
        return build(1, document -> {
            try {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A page whose content stream is {@code decodedBytes} of spaces, Flate-compressed. */
    public static byte[] flateBomb(int decodedBytes) {
        return build(1, document -> document.getPage(0).getCOSObject().setItem(COSName.CONTENTS,
                rawStream(document, deflate(decodedBytes), List.of(COSName.FLATE_DECODE))));
    }

    /** The same bomb hex-encoded over Flate, so that no raw zlib data is in the file. */
    public static byte[] hexFlateBomb(int decodedBytes) {
        byte[] hex = HexFormat.of().formatHex(deflate(decodedBytes)).concat(">").getBytes(StandardCharsets.US_ASCII);
        return build(1, document -> document.getPage(0).getCOSObject().setItem(COSName.CONTENTS,
                rawStream(document, hex, List.of(COSName.ASCII_HEX_DECODE, COSName.FLATE_DECODE))));
    }

    /** A content stream LZW-encoded (an encoding the policy does not accept). */
    public static byte[] withLzwStream() {
        return build(1, document -> document.getPage(0).getCOSObject().setItem(COSName.CONTENTS,
                rawStream(document, new byte[] {(byte) 0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, (byte) 0x85, 0x01},
                        List.of(COSName.LZW_DECODE))));
    }

    private static COSStream rawStream(PDDocument document, byte[] encoded, List<COSName> filters) {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stream.setItem(COSName.FILTER, filters.size() == 1 ? filters.get(0) : new COSArray(filters));
        return stream;
    }

    private static byte[] deflate(int decodedBytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] chunk = new byte[1 << 16];
        java.util.Arrays.fill(chunk, (byte) ' ');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int left = decodedBytes;
        while (left > 0) {
            int n = Math.min(left, chunk.length);
            deflater.setInput(chunk, 0, n);
            left -= n;
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static PDActionJavaScript script() {
        return new PDActionJavaScript("app.alert('x');");
    }

    private static void annotations(PDPage page, PDAnnotationLink link) {
        try {
            List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> list = page.getAnnotations();
            list.add(link);
            page.setAnnotations(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] build(int pages, Consumer<PDDocument> hostile) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = CjkFont.load(document);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(72, 700);
                    content.showText("Synthetic fund report 合成基金报告, page " + i);
                    content.endText();
                }
            }
            hostile.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
