package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.client.DocumentResponse;
import fundexchange.protocol.reference.PlatformTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The data room in the demo (issue 21): Holder-01 offers units of DF07 to qualified investors with a data room (an
 * NDA and a quarterly report, small synthetic PDFs made here byte for byte the same on every run), Investor-02 accepts
 * the NDA and opens the report, watermarked for it, and the holder's access log shows the opening. Then the manager of
 * the partnership DF21 (Manager-01, from the consent scene) registers its partnership agreement as a fund document,
 * which every data room of DF21 shows (rules version 6).
 */
final class DemoDataRoom {
    static final String HOLDER = "Holder-01";
    static final String INVESTOR = "Investor-02";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DemoMarket market;

    DemoDataRoom(DemoMarket market) {
        this.market = market;
    }

    /** Runs the scene and prints its access-log line; fails if any step is refused or the log misses the opening. */
    void run() {
        Participant holder = market.person(HOLDER);
        Participant investor = market.person(INVESTOR);
        long offer = holder.post("/offers", """
                {"fundCode":"DF07","units":"30000.00","minLot":"5000.00","askPrice":"1.2500",
                 "visibility":"QUALIFIED_ONLY","expiresAt":0}""").ok().sourceIndex();
        JsonNode nda = upload(holder, pdf("Demo Real Estate Fund I - non-disclosure agreement, version 1",
                List.of("The recipient keeps the data room's documents confidential and uses them only to evaluate",
                        "the purchase of fund units offered on the exchange. Synthetic demo text.")));
        JsonNode report = upload(holder, pdf("Demo Real Estate Fund I - quarterly report 2026 Q3",
                List.of("Net asset value per unit 1.2900 at 2026-09-30.", "Distributions in the quarter: none.",
                        "Synthetic demo text: no real fund, manager or investor.")));
        register(holder, offer, nda, "NDA", "NDA 保密协议 v1");
        long reportId = register(holder, offer, report, "QUARTERLY_REPORT", "2026 Q3 quarterly report 季度报告");
        investor.post("/listings/" + offer + "/nda/accept", "{\"version\":1,\"digest\":\"%s\"}"
                .formatted(nda.path("digest").asText())).ok();
        long opened = open(investor, reportId);
        JsonNode log = holder.get("/listings/" + offer + "/data-room").ok().body().path("accessLog");
        JsonNode entry = log.size() == 1 ? log.get(0) : JSON.nullNode();
        if (entry.path("sourceIndex").asLong() != opened || !INVESTOR.equals(entry.path("viewer").asText())) {
            throw new IllegalStateException("the access log of offer " + offer + " misses the opening at " + opened + ": " + log);
        }
        PlatformTime time = market.platformTime();
        String at = time.format(entry.path("openedAt").asLong());
        System.out.println("data room of offer " + offer + ": " + INVESTOR + " accepted the NDA and opened document " + reportId
                + " at " + at + " (access log) / 报价 " + offer + " 的资料室：" + INVESTOR + " 接受保密协议后于 " + at
                + " 查阅了文件 " + reportId + "（查阅记录）");
        Participant manager = market.person(DemoConsent.MANAGER);
        JsonNode agreement = upload(manager, pdf("Demo Growth Partners DF21 - limited partnership agreement (extract)",
                List.of("Transfers of partnership interests need the general partner's consent; the other partners",
                        "hold a priority right on equal terms. Synthetic demo text: no real fund or partner.")));
        long fundDocument = manager.post("/funds/DF21/documents", """
                {"digest":"%s","kind":"PARTNERSHIP_AGREEMENT","title":"Limited partnership agreement 合伙协议","size":%d,\
                "pages":%d}""".formatted(agreement.path("digest").asText(), agreement.path("size").asLong(),
                agreement.path("pages").asInt())).ok().sourceIndex();
        System.out.println("fund document " + fundDocument + ": " + DemoConsent.MANAGER + " registered DF21's partnership"
                + " agreement for every data room of the fund / 基金文件 " + fundDocument + "：" + DemoConsent.MANAGER
                + " 为 DF21 的所有资料室登记了合伙协议");
    }

    private static JsonNode upload(Participant holder, byte[] pdf) {
        try {
            ClientResponse stored = holder.client().uploadDocument(pdf, "demo-upload-" + sha256(pdf).substring(0, 16));
            if (stored.status() != 201) {
                throw new IllegalStateException("upload refused: " + stored.status() + " " + stored.body());
            }
            return JSON.readTree(stored.body());
        } catch (IOException e) {
            throw new IllegalStateException("upload failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long register(Participant holder, long offer, JsonNode stored, String kind, String title) {
        return holder.post("/listings/" + offer + "/documents", """
                {"digest":"%s","kind":"%s","title":"%s","size":%d,"pages":%d}""".formatted(stored.path("digest").asText(),
                kind, title, stored.path("size").asLong(), stored.path("pages").asInt())).ok().sourceIndex();
    }

    /** The investor opens the document; the answer is the PDF watermarked for it. Returns the opening's index. */
    private static long open(Participant investor, long documentId) {
        try {
            DocumentResponse served = investor.client().openDocument(documentId, "demo-open-" + documentId);
            if (!served.pdf()) {
                throw new IllegalStateException("opening refused: " + served.status() + " " + served.text());
            }
            investor.position().reached(served.journalIndex());
            return served.journalIndex();
        } catch (IOException e) {
            throw new IllegalStateException("opening failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A one-page PDF of {@code title} and {@code lines}, the same bytes on every run (its /ID from its text). */
    static byte[] pdf(String title, List<String> lines) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
                content.newLineAtOffset(72, 720);
                content.showText(title);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                for (String line : lines) {
                    content.newLineAtOffset(0, -20);
                    content.showText(line);
                }
                content.endText();
            }
            byte[] id = MessageDigest.getInstance("MD5").digest((title + "\n" + String.join("\n", lines))
                    .getBytes(StandardCharsets.UTF_8));
            document.getDocument().getTrailer().setItem(COSName.ID,
                    new COSArray(List.of(new COSString(id), new COSString(id))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the demo's PDF could not be made", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
