package fundexchange.bench;

import fundexchange.documents.certificate.CertificateFacts;
import fundexchange.documents.certificate.CertificateRenderer;
import fundexchange.signing.CertificateSignature;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.io.PrintStream;
import java.security.KeyPair;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run certificate-render}: the time to render one transaction certificate warm
 * ({@link CertificateRenderer}, docs/rules.md "Transaction certificates"), each of a different synthetic trade, and to
 * sign its bytes with an Ed25519 and an SM2 exchange key, on one thread.
 */
@Command(name = "certificate-render", mixinStandardHelpOptions = true,
        description = "Times rendering (and signing) transaction certificates, warm.")
public final class CertificateRenderBench implements Callable<Integer> {
    @Option(names = "--warmup", defaultValue = "300", description = "untimed renders first (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--renders", defaultValue = "1000", description = "timed renders (default: ${DEFAULT-VALUE})")
    int renders;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        out.printf("machine: %d cores, JDK %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        KeyPair ed25519 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair sm2 = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        long bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes += CertificateRenderer.render(trade(i)).length;
        }
        Histogram render = new Histogram(3_600_000_000L, 3);
        Histogram signEd25519 = new Histogram(3_600_000_000L, 3);
        Histogram signSm2 = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < renders; i++) {
            long started = System.nanoTime();
            byte[] pdf = CertificateRenderer.render(trade(warmup + i));
            long rendered = System.nanoTime();
            CertificateSignature.sign(pdf, "bench-platform", "exchange-1", ed25519.getPrivate(), ed25519.getPublic());
            long signedEd = System.nanoTime();
            CertificateSignature.sign(pdf, "bench-platform", "exchange-1", sm2.getPrivate(), sm2.getPublic());
            long signedSm2 = System.nanoTime();
            render.recordValue((rendered - started) / 1000);
            signEd25519.recordValue((signedEd - rendered) / 1000);
            signSm2.recordValue((signedSm2 - signedEd) / 1000);
            bytes += pdf.length;
        }
        out.printf("renders: %,d warm-up, %,d timed; %,d bytes on average%n", warmup, renders, bytes / (warmup + renders));
        out.printf("render: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(render, 50), ms(render, 99), render.getMaxValue() / 1000.0);
        out.printf("sign: Ed25519 p99 %.2f ms, SM2 p99 %.2f ms%n", ms(signEd25519, 99), ms(signSm2, 99));
        out.printf("RESULT certificate.render %d ms%n", Math.round(ms(render, 99)));
        return 0;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A synthetic settled trade, different for each {@code i}. */
    private static CertificateFacts trade(int i) {
        long units = 100_000L + 100L * (i % 997);
        long price = 10_000L + (i % 5_000);
        return new CertificateFacts("bench-platform", 4096L * (1_000 + i) + 1, "DGF" + (i % 100),
                "演示成长基金 Demo Growth Fund " + (i % 100), "CNY", units, price, Math.multiplyExact(units, price) / 10_000,
                8_000 + i % 2_000, 10_000 + i % 5_000, "Holder-" + (i % 50), "Investor-" + (i % 70),
                1_796_610_600_000L + 60_000L * i, 1_796_628_600_000L + 60_000L * i, 1_000L + 3L * i,
                String.format("%064x", i), ZoneId.of("Asia/Shanghai"));
    }
}
