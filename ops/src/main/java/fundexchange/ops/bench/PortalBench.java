package fundexchange.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exchange bench portal}: the portal in a headless Chromium against a running demo exchange (issue 15,
 * Performance). First render: a fresh load of the portal until its sign-in form is on screen. Signed action: in the
 * signed-in investor's order book page, a click on "place buy order" until the page shows the exchange's confirmed
 * outcome (the order is signed in the browser, sent, journaled and answered). JavaScript: the bytes of every script the
 * browser loaded for the shell and the investor pages.
 */
@Command(name = "portal", mixinStandardHelpOptions = true,
        description = "Times the portal in headless Chromium against a running demo exchange.")
public final class PortalBench implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the demo's portal (default: ${DEFAULT-VALUE})")
    String url;
    @Option(names = "--keys", required = true, description = "the demo's key directory (<data-dir>/keys)")
    Path keys;
    @Option(names = "--investor", defaultValue = "Investor-01", description = "a qualified demo investor (default: ${DEFAULT-VALUE})")
    String investor;
    @Option(names = "--fund", defaultValue = "DF11", description = "a fund with an open book (default: ${DEFAULT-VALUE})")
    String fund;
    @Option(names = "--renders", defaultValue = "20", description = "timed first renders (default: ${DEFAULT-VALUE})")
    int renders;
    @Option(names = "--actions", defaultValue = "30", description = "timed signed actions (default: ${DEFAULT-VALUE})")
    int actions;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path keyFile = keys.resolve(investor + "__" + investor + "-k1.pem");
        if (!Files.isReadable(keyFile)) {
            throw new IllegalStateException("no key file " + keyFile);
        }
        try (WebDriverSession browser = WebDriverSession.start()) {
            List<Long> render = new ArrayList<>();
            for (int i = 0; i < renders; i++) {
                long start = System.nanoTime();
                browser.open(url + "/");
                browser.find("#signin-file");
                render.add(System.nanoTime() - start);
            }
            browser.type(browser.find("#signin-file"), keyFile.toAbsolutePath().toString());
            for (String[] field : new String[][] {{"#signin-participant", investor}, {"#signin-key-id", investor + "-k1"}}) {
                String input = browser.find(field[0]);
                browser.clear(input);
                browser.type(input, field[1]);
            }
            browser.click(browser.find("#signin-submit"));
            JsonNode signedIn = browser.script("""
                    const done = arguments[arguments.length - 1];
                    const check = () => {
                      const problem = document.querySelector('#signin-problem, #fx-toast');
                      if (document.getElementById('account-participant')) done('');
                      else if (problem && problem.textContent.trim()) done(problem.textContent.trim());
                      else requestAnimationFrame(check);
                    };
                    check();""");
            if (!signedIn.asText().isEmpty()) {
                throw new IllegalStateException("sign-in refused: " + signedIn.asText());
            }
            browser.script("location.hash = '#/investor-book'; arguments[arguments.length - 1]();");
            browser.click(browser.find("#book-fund option[value='" + fund + "']"));
            browser.find("#book-order-form");
            long scriptBytes = browser.script("const done = arguments[arguments.length - 1];"
                    + "done(performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js'))"
                    + ".reduce((sum, r) => sum + r.decodedBodySize, 0));").asLong();
            List<Long> action = new ArrayList<>();
            for (int i = 0; i < actions; i++) {
                String units = browser.find("#book-units");
                browser.clear(units);
                browser.type(units, "100");
                String price = browser.find("#book-price");
                browser.clear(price);
                browser.type(price, "1.0000");
                int before = browser.script("arguments[arguments.length - 1](Number("
                        + "document.getElementById('book-outcome').dataset.writes));").asInt();
                String submit = browser.find("#book-submit");
                long start = System.nanoTime();
                browser.click(submit);
                JsonNode code = browser.script("""
                        const [before, done] = arguments;
                        const check = () => {
                          const line = document.getElementById('book-outcome');
                          if (line && Number(line.dataset.writes) > before) done(line.dataset.code);
                          else requestAnimationFrame(check);
                        };
                        check();""", before);
                action.add(System.nanoTime() - start);
                if (!"ok".equals(code.asText())) {
                    throw new IllegalStateException("the order was not accepted: " + code);
                }
            }
            out.printf("portal first render: %d loads, median %.1f ms, max %.1f ms%n", renders, ms(percentile(render, 50)),
                    ms(percentile(render, 100)));
            out.printf("portal signed action: %d orders, median %.1f ms, max %.1f ms%n", actions, ms(percentile(action, 50)),
                    ms(percentile(action, 100)));
            out.printf("RESULT portal.first.render.p95 %d ms%n", Math.round(ms(percentile(render, 95))));
            out.printf("RESULT portal.signed.action.p95 %d ms%n", Math.round(ms(percentile(action, 95))));
            out.printf("RESULT portal.js.bytes %d bytes%n", scriptBytes);
        }
        return 0;
    }

    /** The nearest-rank percentile of nanosecond samples. */
    private static long percentile(List<Long> samples, int p) {
        List<Long> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
