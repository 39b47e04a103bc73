package fundexchange.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.client.AuctionListing;
import fundexchange.gateway.stream.StreamHub;
import fundexchange.gateway.stream.StreamLimits;
import fundexchange.gateway.stream.StreamSession;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.ManualClock;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * One signed {@code GET /stream} per browser and participant, shared by its tabs (docs/portal.md, Live updates), in
 * Debian's Chromium against a real node on the embedded PostgreSQL: two tabs of one browser profile signed in as the
 * same investor hold one stream on the server, both show a late bid that another investor makes through the API, the
 * other tab takes the stream over from its last cursor when the reading tab closes, and signing out in one tab signs
 * out every tab and ends the stream; a stream refused at the participant's cap (160) is tried again. How many streams the browser holds is read from the gateway's {@link StreamHub}
 * (the server's own count), never inferred from time; heartbeats come only when the test calls {@link StreamHub#tick()}
 * (which is also how the server notices a closed tab's connection: at its next write), the node's clock is a
 * {@link ManualClock} the test steps, and every wait is on a DOM condition or on that count.
 */
@ServerTest
class PortalSharedStreamSystemTest {
    private static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());
    private static ApiMarket market;
    private static StreamHub hub;
    private static URI uri;
    private static Path keyFiles;

    @SetUpServer
    static void server(WebServerConfig.Builder builder) {
        market = ApiMarket.start("portalstream", ExchangeNode.Options.DEFAULTS, CLOCK);
        hub = market.configure(builder, StreamLimits.DEFAULTS.manualHeartbeats());
    }

    @BeforeAll
    static void onboard(URI serverUri) throws IOException {
        uri = serverUri;
        market.onboard(serverUri);
        keyFiles = Files.createTempDirectory("portal-stream-keys");
    }

    @AfterAll
    static void stop() throws IOException {
        market.close();
        try (Stream<Path> files = Files.walk(keyFiles)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A qualified investor onboarded by staff (maker-checker) with a fresh Ed25519 key. */
    private static KeyPair investor(String id) {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        market.script.onboard(id, "Demo " + id, "INVESTOR", keys, true);
        return keys;
    }

    /** Sends heartbeats until the gateway holds {@code count} streams of {@code participant} (a closed tab's
     * connection is noticed at the next write to it); waits on that count, polled by the browser's wait. */
    private static void awaitStreams(InvestorWindow window, String participant, int count) {
        window.browser().await(driver -> {
            hub.tick();
            return hub.openOf(participant) == count;
        });
    }

    @Test
    void twoTabsShareOneStreamBothShowALateBidAndTheOtherTabResumesTheStreamFromItsCursorWhenTheReadingTabCloses() {
        KeyPair keys = investor("Investor-51");
        market.fund("SS1", market.holder);
        try (InvestorWindow window = InvestorWindow.signIn(uri, "en-US", keyFiles, "Investor-51", keys)) {
            long start = CLOCK.millis();
            long listing = market.holder.call(c -> c.listAuction(AuctionListing.english("SS1", "1000.00", "1.0000",
                    "0.0100", start, start + 50_000).withExtensions(20_000, 30_000), ApiMarket.rid())).ok().sourceIndex();
            market.staff2.post("/listings/" + listing + "/approve", "{}").ok();
            market.regulator.get("/funds").ok(); // the registry holds the listing before a window reads it
            String first = window.currentTab();
            window.listing(listing, "OPEN").awaitLive("leader");
            assertEquals(1, hub.openOf("Investor-51"));
            window.submit("listing-outcome", "english-bid-submit", "ok", "english-bid-price", "1.1000").awaitBids(1);

            String second = window.openTab();
            window.listing(listing, "OPEN").awaitBids(1).awaitLive("follower");
            assertEquals(1, hub.openOf("Investor-51"), "the second tab hears the first tab's stream");
            assertEquals(1, hub.open(), "and the gateway holds no other stream");

            CLOCK.advance(35_000); // 15 s before the end: inside the extension window
            long late = market.investor.call(c -> c.placeBid(listing, "1.2000", ApiMarket.rid())).ok().journalIndex();
            long extended = start + 35_000 + 30_000;
            window.tab(second).awaitHeard(late).awaitEndsAt(extended).awaitBids(2);
            window.tab(first).awaitHeard(late).awaitEndsAt(extended).awaitBids(2);
            assertEquals(1, hub.openOf("Investor-51"));
            String heard = window.live("data-cursor");
            assertEquals(heard, window.tab(second).live("data-cursor"), "the follower heard what the leader read");

            window.tab(first).closeTab(second).awaitLive("leader");
            assertEquals(heard, window.live("data-opened-after"), "the new leader's stream resumes after the last cursor it heard");
            awaitStreams(window, "Investor-51", 1);
            long later = market.investor.call(c -> c.placeBid(listing, "1.2500", ApiMarket.rid())).ok().journalIndex();
            window.awaitHeard(later).awaitBids(3);
            assertEquals(1, hub.openOf("Investor-51"));
            assertEquals(List.of(), window.consoleErrors());
        }
    }

    @Test
    void aStreamRefusedAtTheParticipantsCapIsTriedAgainAndLeadsOnceAPlaceIsFree() {
        KeyPair keys = investor("Investor-53");
        List<StreamSession> held = new ArrayList<>();
        try {
            for (int i = 0; i < StreamLimits.DEFAULTS.perParticipant(); i++) {
                held.add(hub.open("Investor-53", "Investor-53-k2", "Investor-53", Thread.currentThread()));
            }
            try (InvestorWindow window = InvestorWindow.signIn(uri, "en-US", keyFiles, "Investor-53", keys)) {
                window.browser().await(driver -> window.browser().consoleErrors().stream()
                        .anyMatch(line -> line.contains("/stream") && line.contains("429")));
                window.awaitLive("off");
                assertEquals(held.size(), hub.openOf("Investor-53"), "the tab's stream was refused (160)");

                held.forEach(hub::remove); // what the server does at the heartbeat after another browser closed
                held.clear();

                window.awaitLive("leader");
                assertEquals(1, hub.openOf("Investor-53"), "the tab tried again and reads its stream");
                assertEquals(List.of(), window.consoleErrors());
            }
        } finally {
            held.forEach(hub::remove);
        }
    }

    @Test
    void signingOutInOneTabSignsOutEveryTabAndEndsTheStream() {
        KeyPair keys = investor("Investor-52");
        try (InvestorWindow window = InvestorWindow.signIn(uri, "zh-CN", keyFiles, "Investor-52", keys)) {
            String first = window.currentTab();
            window.awaitLive("leader");
            window.openTab();
            window.awaitLive("follower");
            assertEquals(1, hub.openOf("Investor-52"));

            window.browser().await(By.id("fx-sign-out")).click();

            window.browser().await(By.id("signin-file"));
            window.tab(first).browser().await(By.id("signin-file"));
            assertTrue(window.browser().driver().findElements(By.id("fx-live")).isEmpty(), "no tab follows a stream");
            awaitStreams(window, "Investor-52", 0);
            hub.tick();
            assertEquals(0, hub.openOf("Investor-52"), "a tab that is not signed in opens no stream");
            assertEquals(List.of(), window.consoleErrors());
        }
    }
}
