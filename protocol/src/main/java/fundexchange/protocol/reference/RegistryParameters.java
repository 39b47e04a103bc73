package fundexchange.protocol.reference;

import fundexchange.protocol.money.Money;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The platform's qualified-investor thresholds and pledge rule (docs/rules.md), part of {@link PlatformParameters}.
 * Defaults follow 私募投资基金监督管理暂行办法 Art. 12; a stricter platform raises them (Beijing: institutions only,
 * net assets 20M and financial assets 10M).
 *
 * @param institutionNetAssets        an institution's net assets must be at least this (RMB 10M)
 * @param institutionFinancialAssets  and its financial assets at least this; zero: not required
 * @param individualFinancialAssets   an individual's financial assets must be at least this (RMB 3M)
 * @param individualIncome            or its average annual income over the last three years at least this (RMB 500k)
 * @param institutionsOnly            only institutions may be qualified
 * @param pledgeRequiresFullCustody   pledges are registered only over units of FULL-custody funds
 */
public record RegistryParameters(Money institutionNetAssets, Money institutionFinancialAssets,
                                 Money individualFinancialAssets, Money individualIncome, boolean institutionsOnly,
                                 boolean pledgeRequiresFullCustody) {
    public static final RegistryParameters DEFAULTS = new RegistryParameters(Money.of("10000000.00"), Money.ZERO,
            Money.of("3000000.00"), Money.of("500000.00"), false, true);
    /** The parameters' names, as {@code SetPlatformParameter} takes them. */
    public static final Set<String> NAMES = Set.copyOf(DEFAULTS.values().keySet());

    /** Every parameter by name, as {@code SetPlatformParameter} takes its value. */
    public java.util.SortedMap<String, String> values() {
        java.util.TreeMap<String, String> values = new java.util.TreeMap<>();
        values.put("qualified-institution-net-assets", institutionNetAssets.decimal().toPlainString());
        values.put("qualified-institution-financial-assets", institutionFinancialAssets.decimal().toPlainString());
        values.put("qualified-individual-financial-assets", individualFinancialAssets.decimal().toPlainString());
        values.put("qualified-individual-income", individualIncome.decimal().toPlainString());
        values.put("qualified-institutions-only", Boolean.toString(institutionsOnly));
        values.put("pledge-requires-full-custody", Boolean.toString(pledgeRequiresFullCustody));
        return values;
    }

    /** Returns these parameters with one changed, or throws IllegalArgumentException naming the problem. */
    RegistryParameters with(String name, String value) {
        return switch (name) {
            case "qualified-institution-net-assets" -> new RegistryParameters(amount(name, value),
                    institutionFinancialAssets, individualFinancialAssets, individualIncome, institutionsOnly,
                    pledgeRequiresFullCustody);
            case "qualified-institution-financial-assets" -> new RegistryParameters(institutionNetAssets,
                    amount(name, value), individualFinancialAssets, individualIncome, institutionsOnly,
                    pledgeRequiresFullCustody);
            case "qualified-individual-financial-assets" -> new RegistryParameters(institutionNetAssets,
                    institutionFinancialAssets, amount(name, value), individualIncome, institutionsOnly,
                    pledgeRequiresFullCustody);
            case "qualified-individual-income" -> new RegistryParameters(institutionNetAssets,
                    institutionFinancialAssets, individualFinancialAssets, amount(name, value), institutionsOnly,
                    pledgeRequiresFullCustody);
            case "qualified-institutions-only" -> new RegistryParameters(institutionNetAssets,
                    institutionFinancialAssets, individualFinancialAssets, individualIncome, flag(name, value),
                    pledgeRequiresFullCustody);
            case "pledge-requires-full-custody" -> new RegistryParameters(institutionNetAssets,
                    institutionFinancialAssets, individualFinancialAssets, individualIncome, institutionsOnly,
                    flag(name, value));
            default -> throw new IllegalArgumentException("unknown platform parameter " + name);
        };
    }

    private static Money amount(String name, String value) {
        try {
            Money amount = Money.of(new BigDecimal(value));
            if (amount.raw() < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return amount;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " must be an amount such as 10000000.00");
        }
    }

    private static boolean flag(String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(name + " must be true or false");
    }
}
