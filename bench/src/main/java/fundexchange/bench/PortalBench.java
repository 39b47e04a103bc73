package fundexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run portal}: the portal in a headless Chromium against a running demo exchange (issue 15,
 * Performance). First render: a fresh load of the portal until its sign-in form is on screen. Signed action: in the
 * signed-in investor's order book page, a click on "place buy order" until the page shows the exchange's confirmed
 * outcome (the order is signed in the browser, sent, journaled and answered). JavaScript per page: for each investor
 * and holder page, a fresh document signed in and showing only that page, the bytes of every script it loaded (the
 * shell, the sign-in and the page's modules), as the browser's resource timing reports them (decoded body sizes; the
 * portal has no charts); the largest page is the result.
 */
@Command(name = "portal", mixinStandardHelpOptions = true,
        description = "Times the portal in headless Chromium against a running demo exchange.")
public final class PortalBench implements Callable<Integer> {
    private static final List<String> INVESTOR_PAGES = List.of("investor-listings", "investor-book", "investor-positions",
            "investor-bids", "investor-transfers", "investor-qualification");
    private static final List<String> HOLDER_PAGES = List.of("holdings", "holder-listings", "holder-orders",
            "holder-transfers");
    /** The scripts the document loaded: resource timing entries of scripts (modules report "script" or "other"). */
    private static final String SCRIPTS = """
            return performance.getEntriesByType('resource').filter(r => new URL(r.name).pathname.endsWith('.js'))
              .map(r => ({ name: new URL(r.name).pathname, bytes: r.decodedBodySize, transfer: r.transferSize }));""";

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the demo's portal (default: ${DEFAULT-VALUE})")
    String url;
    @Option(names = "--keys", required = true, description = "the demo's key directory (<data-dir>/keys)")
    Path keys;
    @Option(names = "--investor", defaultValue = "Investor-01", description = "a qualified demo investor (default: ${DEFAULT-VALUE})")
    String investor;
    @Option(names = "--holder", defaultValue = "Holder-01", description = "a demo holder, for the holder pages' scripts (default: ${DEFAULT-VALUE})")
    String holder;
    @Option(names = "--fund", defaultValue = "DF11", description = "a fund with an open book (default: ${DEFAULT-VALUE})")
    String fund;
    @Option(names = "--units", defaultValue = "100.00", description = "each buy order's units: one lot (default: ${DEFAULT-VALUE})")
    String units;
    @Option(names = "--price", defaultValue = "1.0000", description = "each buy order's price, below the book's best ask (default: ${DEFAULT-VALUE})")
    String price;
    @Option(names = "--renders", defaultValue = "20", description = "timed first renders (default: ${DEFAULT-VALUE})")
    int renders;
    @Option(names = "--actions", defaultValue = "30", description = "timed signed actions (default: ${DEFAULT-VALUE})")
    int actions;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path investorKey = keyFile(investor);
        Path holderKey = keyFile(holder);
        out.printf("mix: %d fresh loads of %s/ until the sign-in form shows; %s signs in with its key file; %d signed BUY"
                + " orders of %s units at %s on %s (below the best ask, so each rests), each from the click to the confirmed"
                + " outcome on the page; then the scripts of each of %d investor and %d holder pages, each in a fresh"
                + " signed-in document%n", renders, url, investor, actions, units, price, fund, INVESTOR_PAGES.size(),
                HOLDER_PAGES.size());
        try (WebDriverSession browser = WebDriverSession.start()) {
            List<Long> render = new ArrayList<>();
            for (int i = 0; i < renders; i++) {
                long start = System.nanoTime();
                browser.open(url + "/");
                browser.find("#signin-file");
                render.add(System.nanoTime() - start);
            }
            signIn(browser, investorKey, investor);
            show(browser, "investor-book", "#book-fund");
            browser.click(browser.find("#book-fund option[value='" + fund + "']"));
            browser.find("#book-order-form");
            List<Long> action = new ArrayList<>();
            for (int i = 0; i < actions; i++) {
                action.add(order(browser));
            }
            out.printf("portal first render: %d loads, median %.1f ms, max %.1f ms%n", renders, ms(percentile(render, 50)),
                    ms(percentile(render, 100)));
            out.printf("portal signed action: %d orders, median %.1f ms, max %.1f ms%n", actions, ms(percentile(action, 50)),
                    ms(percentile(action, 100)));
            long largest = 0;
            for (String page : INVESTOR_PAGES) {
                largest = Math.max(largest, pageScripts(browser, investorKey, investor, page, out));
            }
            for (String page : HOLDER_PAGES) {
                largest = Math.max(largest, pageScripts(browser, holderKey, holder, page, out));
            }
            out.printf("RESULT portal.first.render.p95 %d ms%n", Math.round(ms(percentile(render, 95))));
            out.printf("RESULT portal.signed.action.p95 %d ms%n", Math.round(ms(percentile(action, 95))));
            out.printf("RESULT portal.js.bytes %d bytes%n", largest);
        }
        return 0;
    }

    private Path keyFile(String participant) {
        Path file = keys.resolve(participant + "__" + participant + "-k1.pem");
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no key file " + file);
        }
        return file;
    }

    /** Loads the portal afresh and signs in with the key file (the form reads participant and key id from its name). */
    private static void signIn(WebDriverSession browser, Path keyFile, String participant) throws IOException, InterruptedException {
        browser.open("about:blank");
        browser.open(browser.origin() + "/");
        browser.type(browser.find("#signin-file"), keyFile.toAbsolutePath().toString());
        for (String[] field : new String[][] {{"#signin-participant", participant}, {"#signin-key-id", participant + "-k1"}}) {
            String input = browser.find(field[0]);
            browser.clear(input);
            browser.type(input, field[1]);
        }
        browser.click(browser.find("#signin-submit"));
        JsonNode signedIn = browser.until("""
                const problem = document.querySelector('#signin-problem');
                if (document.getElementById('fx-participant')) return '';
                if (problem && problem.textContent.trim()) return problem.textContent.trim();
                return null;""", "the signed-in header");
        if (!signedIn.asText().isEmpty()) {
            throw new IllegalStateException("sign-in of " + participant + " refused: " + signedIn.asText());
        }
    }

    /** Shows a page of the portal by its route and waits until {@code selector} is in it. */
    private static void show(WebDriverSession browser, String page, String selector) throws IOException, InterruptedException {
        browser.value("location.hash = '#/' + arguments[0];", page);
        browser.find(selector);
    }

    /** One timed buy order: from the click to the page's outcome of this write; fails unless accepted. */
    private long order(WebDriverSession browser) throws IOException, InterruptedException {
        // The page clears the form once it has re-read after the previous order: type only into the cleared form.
        browser.until("""
                const units = document.getElementById('book-units');
                const submit = document.getElementById('book-submit');
                return units && units.value === '' && submit && !submit.disabled ? true : null;""", "the cleared order form");
        String unitsField = browser.find("#book-units");
        browser.clear(unitsField);
        browser.type(unitsField, units);
        String priceField = browser.find("#book-price");
        browser.clear(priceField);
        browser.type(priceField, price);
        int before = browser.value("return Number(document.getElementById('book-outcome').dataset.writes);").asInt();
        String submit = browser.find("#book-submit");
        browser.stampNextClick();
        browser.click(submit);
        JsonNode outcome = browser.sinceClick("""
                const line = document.getElementById('book-outcome');
                return line && Number(line.dataset.writes) > %d ? line.dataset.code : null;""".formatted(before),
                "the order's outcome");
        long elapsed = Math.round(outcome.path("ms").asDouble() * 1_000_000);
        if (!"ok".equals(outcome.path("value").asText())) {
            throw new IllegalStateException("the order was not accepted: " + outcome.path("value").asText() + " "
                    + browser.text("#book-outcome"));
        }
        return elapsed;
    }

    /**
     * The bytes of the scripts a fresh document loaded to show {@code page} signed in as {@code participant}; prints
     * them.
     */
    private static long pageScripts(WebDriverSession browser, Path keyFile, String participant, String page, PrintStream out)
            throws IOException, InterruptedException {
        signIn(browser, keyFile, participant);
        show(browser, page, "#fx-nav-" + page + ".fx-active");
        browser.until("""
                const main = document.querySelector('.fx-main');
                return main && main.querySelector('.fx-page h1') && !main.querySelector('.fx-busy') ? true : null;""",
                "the page " + page);
        JsonNode scripts = browser.value(SCRIPTS);
        long bytes = 0;
        long transferred = 0;
        for (JsonNode script : scripts) {
            bytes += script.path("bytes").asLong();
            transferred += script.path("transfer").asLong();
        }
        out.printf("portal scripts of %s: %d modules, %d bytes (%d transferred)%n", page, scripts.size(), bytes, transferred);
        return bytes;
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
