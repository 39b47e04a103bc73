package fundexchange.protocol.event;

/**
 * The platform's own reference data and records: parameters, the calendar, funds and their NAVs,
 * maker-checker proposals, and the journal's checkpoints.
 */
public sealed interface PlatformEvent extends Event permits PlatformParameterSet, HolidaysSet, FundRegistered,
        NavUpdated, ProposalCreated, ProposalApproved, ProposalExpired, CheckpointRecorded, TransferTermsSet,
        MarketDataConsentSet {
}
