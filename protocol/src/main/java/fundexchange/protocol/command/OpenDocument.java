package fundexchange.protocol.command;

/**
 * A participant opens a data-room document. Journaled, so the audit trail shows who opened what and when; the
 * gateway answers an accepted opening with the PDF watermarked for the viewer at the command's journal time.
 */
public record OpenDocument(long documentId) implements Command {
}
