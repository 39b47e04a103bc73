package fundexchange.engine.command;

import fundexchange.engine.reference.Role;

/** A participant created by the genesis, with its first key. */
public record GenesisParticipant(String participantId, String name, Role role, String keyId, String algorithm,
                                 String publicKey) {
}
