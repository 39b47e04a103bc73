package fundexchange.gateway.view;

import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.PlatformId;

/**
 * The platform id and rules version of a journal, read once from its genesis (index 1 of the command journal).
 */
record GenesisPlatform(String platformId, int rulesVersion) {

    /** @throws IllegalStateException if the journal has no genesis or its platform id breaks the grammar */
    static GenesisPlatform of(Journals journals) {
        try (Journals.TypedReader<CommandRecord> reader = journals.commandReader()) {
            CommandRecord first = reader.next().map(JournalEntry::value).orElseThrow(() -> new IllegalStateException(
                    "the command journal holds no genesis; run `exchange init` first"));
            if (!(first.command() instanceof Genesis genesis)) {
                throw new IllegalStateException("index 1 of the command journal is not the genesis");
            }
            return new GenesisPlatform(PlatformId.ofGenesis(genesis.platformId(), genesis.exchangePublicKey()),
                    fundexchange.protocol.RulesVersion.of(genesis.rulesVersion()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the genesis names no usable platform id: " + e.getMessage(), e);
        }
    }
}
