package fundexchange.protocol.command;

import java.util.List;

/**
 * Unsigned first command of a journal: the exchange key, the founding staff and regulator (CONTRACTS.md 4).
 * {@code platformId} is the audience every FXS2 signature is bound to (docs/api-signing.md); absent in a genesis
 * written before it existed, whose platform id is then derived from the exchange key. {@code rulesVersion} is the
 * version of the rules the journal was decided under; absent means version 1 (docs/journal-format.md).
 */
public record Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants,
                      String platformId, Integer rulesVersion) implements Command {

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
