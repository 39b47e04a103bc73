package fundexchange.engine.stateowned;

import java.util.List;

/** The state-owned holders' state as data, for snapshots: flagged holders, appraisals and disclosures, each sorted. */
public record StateOwnedView(List<String> holders, List<Appraisal> appraisals, List<PublicDisclosure> disclosures) {
    public StateOwnedView {
        holders = holders == null ? List.of() : holders;
        appraisals = appraisals == null ? List.of() : appraisals;
        disclosures = disclosures == null ? List.of() : disclosures;
    }
}
