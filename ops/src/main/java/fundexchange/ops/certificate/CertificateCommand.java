package fundexchange.ops.certificate;

import fundexchange.signing.CertificateSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exchange certificate}: transaction certificates (docs/rules.md, Transaction certificates). */
@Command(name = "certificate", description = "Transaction certificates: verify one offline.",
        subcommands = CertificateCommand.Verify.class)
public final class CertificateCommand implements Runnable {
    /** Exit code for unreadable files or a malformed signature file, as picocli uses for its own usage errors. */
    static final int USAGE_ERROR = 2;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final long MAX_PDF_BYTES = 16L * 1024 * 1024;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code exchange certificate verify FILE.pdf [FILE.sig] --platform-id ID --key-fingerprint FP} (the signature
     * {@code FILE.pdf.sig} when not given, as the gateway names it): offline, against the
     * key whose fingerprint the exchange publishes ({@code GET /exchange/keys}). Exit 0 when valid, 1 with the reason in
     * Chinese and English when not, 2 when a file cannot be read or the signature file is malformed.
     */
    @Command(name = "verify", description = "Verifies a certificate against its detached signature offline; exits 0 when"
            + " valid, 1 when not (the reason in Chinese and English), 2 when a file is unreadable or malformed.")
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.pdf", description = "the certificate")
        Path pdf;
        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE.sig",
                description = "its detached signature; default FILE.pdf.sig")
        Path signature;
        @Option(names = "--platform-id", required = true, paramLabel = "ID",
                description = "the exchange's platform id (GET /exchange)")
        String platformId;
        @Option(names = "--key-fingerprint", required = true, paramLabel = "FP",
                description = "the SHA-256 fingerprint of the exchange key, as published by GET /exchange/keys")
        String fingerprint;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (signature == null) {
                signature = pdf.resolveSibling(pdf.getFileName() + ".sig");
            }
            if (!FINGERPRINT.matcher(fingerprint).matches()) {
                err.println("错误：密钥指纹应为 64 位十六进制数字。 / error: a key fingerprint is 64 hex digits.");
                return USAGE_ERROR;
            }
            byte[] document;
            CertificateSignature signed;
            try {
                if (Files.size(pdf) > MAX_PDF_BYTES || Files.size(signature) > MAX_PDF_BYTES) {
                    err.println("错误：文件过大。 / error: a file is larger than " + MAX_PDF_BYTES + " bytes.");
                    return USAGE_ERROR;
                }
                document = Files.readAllBytes(pdf);
                signed = CertificateSignature.parse(Files.readString(signature, StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("错误：无法读取文件 / error: cannot read " + e.getMessage());
                return USAGE_ERROR;
            } catch (IllegalArgumentException e) {
                err.println("错误：签名文件格式不正确 / error: malformed signature file: " + e.getMessage());
                return USAGE_ERROR;
            }
            CertificateSignature.Verdict verdict = signed.verify(document, platformId, fingerprint);
            out.println(verdict.chinese());
            out.println(verdict.english());
            if (verdict == CertificateSignature.Verdict.VALID) {
                out.println("平台 platform " + signed.platformId() + ", 密钥 key " + signed.keyId() + " ("
                        + signed.algorithm().wireName() + "), SHA-256 " + signed.pdfSha256());
            }
            out.flush();
            return verdict == CertificateSignature.Verdict.VALID ? 0 : 1;
        }
    }
}
