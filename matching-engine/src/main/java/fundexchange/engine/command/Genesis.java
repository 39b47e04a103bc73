package fundexchange.engine.command;

import java.util.List;

/** Unsigned first command of a journal: the exchange key, two staff and one regulator (CONTRACTS.md 4). */
public record Genesis(String exchangeKeyId, String exchangeAlgorithm, String exchangePublicKey, List<GenesisParticipant> participants,
                      Integer rulesVersion) implements Command {
}
