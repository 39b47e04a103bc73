package fundexchange.journal.chronicle;

/** A decoded journal document together with the exact bytes that were written (digests are taken over these). */
public record JournalEntry<T>(T value, byte[] bytes) {
}
