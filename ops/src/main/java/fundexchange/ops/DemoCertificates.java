package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.ClientResponse;
import fundexchange.client.DocumentResponse;
import fundexchange.client.ExchangeClient;
import fundexchange.signing.CertificateSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's transaction certificates (docs/rules.md, "Transaction certificates"): the regulator downloads every settled
 * trade's certificate and detached signature, each is verified offline against the fingerprint the exchange publishes
 * at {@code GET /exchange/keys}, and read twice to show the same bytes; the files are saved under
 * {@code <data-dir>/certificates/}, with the command that verifies one.
 */
final class DemoCertificates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoCertificates() {
    }

    static void print(Participant regulator, Path dataDirectory) {
        try {
            ExchangeClient client = regulator.client().withMinIndex(regulator.position().index());
            JsonNode keys = JSON.readTree(client.exchangeKeys().body());
            String platformId = keys.path("platformId").asText();
            String fingerprint = keys.path("keys").get(0).path("fingerprint").asText();
            Path folder = Files.createDirectories(dataDirectory.resolve("certificates"));
            List<Long> settled = new ArrayList<>();
            regulator.get("/transfers").ok().body().path("transfers").forEach(t -> {
                if ("SETTLED".equals(t.path("status").asText())) {
                    settled.add(t.path("tradeId").asLong());
                }
            });
            Path first = null;
            for (long tradeId : settled) {
                DocumentResponse pdf = client.certificate(tradeId);
                ClientResponse signature = client.certificateSignature(tradeId);
                if (!pdf.pdf() || signature.status() != 200) {
                    throw new IllegalStateException("trade " + tradeId + " has no certificate: " + pdf.status() + " " + pdf.text());
                }
                CertificateSignature.Verdict verdict = CertificateSignature.parse(signature.body())
                        .verify(pdf.bytes(), platformId, fingerprint);
                if (verdict != CertificateSignature.Verdict.VALID
                        || !Arrays.equals(pdf.bytes(), client.certificate(tradeId).bytes())) {
                    throw new IllegalStateException("trade " + tradeId + "'s certificate does not verify: " + verdict.english());
                }
                Path file = Files.write(folder.resolve("certificate-" + tradeId + ".pdf"), pdf.bytes());
                Files.writeString(folder.resolve("certificate-" + tradeId + ".pdf.sig"), signature.body());
                first = first == null ? file : first;
            }
            System.out.println("== Transaction certificates / 交易凭证 ==");
            System.out.println("  " + settled.size() + " settled trades, each certificate verified offline against the exchange key "
                    + fingerprint + " and the same bytes on a second read / " + settled.size()
                    + " 笔已结算交易的凭证均通过离线核验，重复下载字节相同");
            System.out.println("  saved in / 保存于 " + folder.toAbsolutePath());
            if (first != null) {
                System.out.println("  verify one yourself / 自行核验： ./exchange certificate verify " + first.toAbsolutePath() + " "
                        + first.toAbsolutePath() + ".sig --platform-id " + platformId + " --key-fingerprint " + fingerprint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
