package fundexchange.protocol.command;

import java.util.List;

/**
 * Unsigned first command of a journal: the exchange key, the founding staff and regulator (CONTRACTS.md 4).
 * {@code platformId} is the audience every FXS2 signature is bound to (docs/api-signing.md); absent in a genesis
 * written before it existed, whose platform id is then derived from the exchange key. {@code rulesVersion} is the
 * version of the rules the journal was decided under; absent means version 1 (docs/journal-format.md).
 * {@code calendars} are official calendars set at the genesis, each as {@link SetHolidays} would set it (absent: none;
 * {@code init} and {@code demo} write the State Council's published ones).
 */
public record Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants,
                      String platformId, Integer rulesVersion, List<YearCalendar> calendars) implements Command {

    /** A genesis without calendars (as written before they existed). */
    public Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants,
                   String platformId, Integer rulesVersion) {
        this(exchangeKeyId, exchangeAlgorithm, exchangePublicKey, participants, platformId, rulesVersion, null);
    }

    /** A genesis that declares neither a platform id nor a rules version (as written before either existed). */
    public Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants) {
        this(exchangeKeyId, exchangeAlgorithm, exchangePublicKey, participants, null, null);
    }

    /** A genesis under {@code rulesVersion} that declares no platform id (derived from the exchange key). */
    public Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants,
                   Integer rulesVersion) {
        this(exchangeKeyId, exchangeAlgorithm, exchangePublicKey, participants, null, rulesVersion);
    }
}
