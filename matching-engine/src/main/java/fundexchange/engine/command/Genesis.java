package fundexchange.engine.command;

import java.util.List;

/**
 * Unsigned first command of a journal: the exchange key, two staff and one regulator (CONTRACTS.md 4).
 * {@code platformId} is the audience every FXS2 signature is bound to (docs/api-signing.md); absent in a genesis
 * written before it existed, whose platform id is then derived from the exchange key.
 */
public record Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants,
                      String platformId) implements Command {

    /** A genesis that declares no platform id. */
    public Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants) {
        this(exchangeKeyId, exchangeAlgorithm, exchangePublicKey, participants, null);
    }
}
