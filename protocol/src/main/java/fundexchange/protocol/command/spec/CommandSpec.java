package fundexchange.protocol.command.spec;

import fundexchange.protocol.command.Command;
import java.util.Optional;

/**
 * Everything the exchange knows about one command type outside its rules: its endpoint (none for the unsigned
 * commands the exchange writes itself, CONTRACTS.md 15), whether it may change a key (the gateway then holds reads
 * until its key cache has applied it, CONTRACTS.md 7), and its part in maker-checker.
 */
public record CommandSpec(Class<? extends Command> type, Optional<Endpoint> endpoint, boolean keyChanging,
                          MakerChecker makerChecker) {
    /** The command's type name, as in the journal's {@code type} field. */
    public String name() {
        return type.getSimpleName();
    }
}
