package fundexchange.protocol.event;

/** The data room (issue 21): documents, NDAs, directed disclosure and every opening. */
public sealed interface DocumentEvent extends Event permits DocumentRegistered, NdaAccepted, DisclosureDirected,
        DocumentOpened, FundDocumentRegistered {
}
