package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.HOLDINGS;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.TRANSFERS;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Multiple;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;
import fundexchange.registry.schema.tables.records.FundsRecord;
import fundexchange.registry.schema.tables.records.HoldingsRecord;
import fundexchange.registry.schema.tables.records.TransfersRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Read-only queries over the registry. Amounts come back as BigDecimal at the engine's scales. */
public final class RegistryReads {
    private final DSLContext dsl;

    public RegistryReads(DataSource dataSource) {
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** Every fund position of one holder, by fund code. */
    public List<Holding> holdingsOf(String holder) {
        return holdings(HOLDINGS.HOLDER.eq(holder));
    }

    /** A fund's register: every holder with units, by holder. */
    public List<Holding> register(String fundCode) {
        return holdings(HOLDINGS.FUND_CODE.eq(fundCode).and(HOLDINGS.UNITS.gt(BigDecimal.ZERO)));
    }

    /** Trades where the participant is seller or buyer, in trade order. */
    public List<Transfer> transfersOf(String participant) {
        return transfers(TRANSFERS.SELLER.eq(participant).or(TRANSFERS.BUYER.eq(participant)));
    }

    public List<Transfer> allTransfers() {
        return transfers(DSL.noCondition());
    }

    public Optional<FundView> fund(String code) {
        return dsl.selectFrom(FUNDS).where(FUNDS.CODE.eq(code)).fetchOptional().map(RegistryReads::fundView);
    }

    /** A participant's roles, status and qualification (ISO date of validity, inclusive). */
    public Optional<ParticipantView> participant(String participantId) {
        return dsl.selectFrom(PARTICIPANTS).where(PARTICIPANTS.ID.eq(participantId)).fetchOptional()
                .map(r -> new ParticipantView(r.getId(), r.getName(), r.getType(), List.of(r.getRoles().split(",")),
                        r.getStatus(), r.getQualification(),
                        r.getQualifiedUntil() == null ? null : r.getQualifiedUntil().toString()));
    }

    private List<Holding> holdings(Condition condition) {
        return dsl.selectFrom(HOLDINGS).where(condition)
                .orderBy(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER)
                .fetch(RegistryReads::holding);
    }

    private List<Transfer> transfers(Condition condition) {
        return dsl.selectFrom(TRANSFERS).where(condition).orderBy(TRANSFERS.TRADE_ID).fetch(RegistryReads::transfer);
    }

    private static Holding holding(HoldingsRecord r) {
        BigDecimal units = scaled(r.getUnits(), Units.SCALE);
        BigDecimal locked = scaled(r.getLocked(), Units.SCALE);
        return new Holding(r.getFundCode(), r.getHolder(), units, locked, units.subtract(locked),
                scaled(r.getCost(), Money.SCALE));
    }

    private static Transfer transfer(TransfersRecord r) {
        return new Transfer(r.getTradeId(), r.getListingId() == null ? 0 : r.getListingId(), r.getFundCode(), r.getSeller(), r.getBuyer(),
                scaled(r.getUnits(), Units.SCALE), scaled(r.getPrice(), Price.SCALE),
                scaled(r.getConsideration(), Money.SCALE), r.getPercentOfNavBp(),
                scaled(r.getMultipleOfCost(), Multiple.SCALE), r.getStatus(), r.getExecutedIndex(),
                r.getSettledIndex() == null ? 0 : r.getSettledIndex());
    }

    private static FundView fundView(FundsRecord r) {
        return new FundView(r.getCode(), r.getShortName(), r.getManager(), r.getStrategy(), r.getVintage(),
                r.getCurrency(), r.getLegalForm(), r.getCustodyMode(), r.getHolderCap(), r.getHolderCount(),
                scaled(r.getNav(), Price.SCALE), r.getNavDate().toString(), scaled(r.getMinTransferUnits(), Units.SCALE),
                r.getRofr());
    }

    /** The column's scale already matches; this only guards the JSON form. */
    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
