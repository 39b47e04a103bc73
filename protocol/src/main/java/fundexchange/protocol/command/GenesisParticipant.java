package fundexchange.protocol.command;

import fundexchange.protocol.reference.Role;

/** A participant created by the genesis, with its first key. */
public record GenesisParticipant(String participantId, String name, Role role, String keyId, String algorithm,
                                 String publicKey) {
}
