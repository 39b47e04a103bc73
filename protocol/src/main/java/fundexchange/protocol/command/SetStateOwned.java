package fundexchange.protocol.command;

/**
 * Flags a holder as state-owned (or clears the flag), maker-checker: from the approval its sales follow SASAC/MOF
 * Order No. 32 (docs/rules.md, "State-owned holders"). Listings already opened keep the rules they opened under.
 */
public record SetStateOwned(String participantId, boolean stateOwned, String reason) implements SensitiveAction {
}
