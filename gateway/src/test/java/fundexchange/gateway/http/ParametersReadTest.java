package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.registry.read.ParameterView;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /parameters} lists the parameters of the journal's rules version (docs/design/mechanism-terms.md R10): a
 * mechanism's fees only under a version whose rules hold it, as its engine refuses them as unknown before.
 */
class ParametersReadTest {
    private static final List<ParameterView> DEFAULTS = PlatformParameters.DEFAULTS.values().entrySet().stream()
            .map(e -> new ParameterView(e.getKey(), e.getValue(), 0)).toList();

    private static TreeSet<String> names(int rulesVersion) {
        return new TreeSet<>(ReadEndpoints.ofVersion(DEFAULTS, rulesVersion).stream().map(ParameterView::name).toList());
    }

    @Test
    void aVersionElevenJournalListsNoClockFeesAndAVersionTwelveOneListsThemAll() {
        TreeSet<String> clockFees = new TreeSet<>(List.of("fee-clock-buyer-bps", "fee-clock-maximum",
                "fee-clock-minimum", "fee-clock-seller-bps"));
        TreeSet<String> all = new TreeSet<>(DEFAULTS.stream().map(ParameterView::name).toList());
        assertEquals(true, all.containsAll(clockFees), "the registry's defaults hold every mechanism's fees");
        assertEquals(all, names(RulesVersion.CLOCK_AUCTION));
        TreeSet<String> eleven = new TreeSet<>(all);
        eleven.removeAll(clockFees);
        assertEquals(eleven, names(RulesVersion.MECHANISM_TERMS));
    }

    @Test
    void aParameterSetByApprovalKeepsItsValueAndIndex() {
        ParameterView zone = new ParameterView("zone", "Europe/Paris", 42);
        ParameterView dutch = new ParameterView("fee-dutch-minimum", "50.00", 43);
        assertEquals(List.of(zone, dutch), ReadEndpoints.ofVersion(List.of(zone,
                new ParameterView("fee-clock-minimum", "10.00", 0), dutch), RulesVersion.MECHANISM_TERMS));
    }
}
