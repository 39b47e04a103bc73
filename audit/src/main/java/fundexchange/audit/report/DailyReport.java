package fundexchange.audit.report;

import fundexchange.journal.chronicle.Journals;
import java.time.LocalDate;
import java.util.List;

/**
 * The regulator's report of one business day, taken in the platform zone as it stood at each document. Every list is
 * in journal order or sorted; the only times are journal times. Command bodies never appear (CONTRACTS.md 12).
 *
 * @param version              format version of this report, currently {@value #VERSION} (2 added {@code highlights}, 3 {@code unreadableEvents})
 * @param highlights           what a regulator looks at first: trades reviewed for outliers, refusals, restrictions
 * @param failedSettlements    events of type {@code TradeFailed}, counted by their raw type name
 * @param pledges              events of type {@code PledgeRegistered} and {@code PledgeReleased}
 * @param freezes              events of type {@code UnitsFrozen} and {@code UnitsUnfrozen}
 * @param parameterChanges     platform parameters changed on the day (a {@code zone} change moves later days)
 * @param unreadableEvents     events of the day this version could not read as records (no row in a typed section),
 *                             each named by index, time, place in its document and type, so none vanishes unseen
 */
public record DailyReport(int version, Highlights highlights, ReportHeader header, ListingsSection listings, List<TradeRow> trades,
                          List<SettlementRow> settlements, WatchedEvents failedSettlements, WatchedEvents pledges,
                          WatchedEvents freezes, RejectionsSection rejections,
                          List<QualificationChange> qualificationChanges, List<ParticipantApproval> participantApprovals,
                          List<KeyRevocation> keyRevocations, List<CheckpointRow> checkpoints,
                          List<ParameterChange> parameterChanges, List<UnreadableEvent> unreadableEvents) {
    /** 2 added {@code highlights}, 3 {@code unreadableEvents}. */
    public static final int VERSION = 3;

    public DailyReport {
        trades = List.copyOf(trades);
        settlements = List.copyOf(settlements);
        qualificationChanges = List.copyOf(qualificationChanges);
        participantApprovals = List.copyOf(participantApprovals);
        keyRevocations = List.copyOf(keyRevocations);
        checkpoints = List.copyOf(checkpoints);
        parameterChanges = List.copyOf(parameterChanges);
        unreadableEvents = List.copyOf(unreadableEvents);
    }

    /** The report with {@link OutlierRule#DEFAULT}. */
    public static DailyReport build(Journals journals, LocalDate date) {
        return build(journals, date, OutlierRule.DEFAULT);
    }

    /** Reads the journals from the start through the last document that can fall on {@code date}. */
    public static DailyReport build(Journals journals, LocalDate date, OutlierRule rule) {
        ReportBuilder builder = new ReportBuilder(date, rule);
        JournalScan.scan(journals, date, builder::accept);
        return builder.build();
    }
}
