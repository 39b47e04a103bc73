package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.FUND_NAV_HISTORY;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** {@link RegistryReads}' queries over funds' NAV history and the staleness of their current NAV. */
final class NavReads {
    private final DSLContext dsl;

    NavReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<NavRecord> history(String fundCode) {
        return dsl.select(FUND_NAV_HISTORY.NAV, FUND_NAV_HISTORY.NAV_DATE, FUND_NAV_HISTORY.SOURCE_INDEX,
                        FUND_NAV_HISTORY.RECORDED_AT)
                .from(FUND_NAV_HISTORY)
                .where(FUND_NAV_HISTORY.FUND_CODE.eq(fundCode))
                .orderBy(FUND_NAV_HISTORY.SOURCE_INDEX)
                .fetch(row -> new NavRecord(row.value1(), row.value2().toString(), row.value3(), row.value4()));
    }

    Optional<NavStatus> status(String fundCode, LocalDate asOf, int staleAfterDays) {
        if (staleAfterDays < 0) {
            throw new IllegalArgumentException("staleAfterDays must not be negative: " + staleAfterDays);
        }
        return dsl.select(FUNDS.NAV, FUNDS.NAV_DATE).from(FUNDS).where(FUNDS.CODE.eq(fundCode)).fetchOptional()
                .map(row -> {
                    long age = ChronoUnit.DAYS.between(row.value2(), asOf);
                    return new NavStatus(fundCode, row.value1(), row.value2().toString(), asOf.toString(), age,
                            staleAfterDays, age > staleAfterDays);
                });
    }
}
