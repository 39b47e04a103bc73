package fundexchange.protocol.reference;

/**
 * Investors deemed qualified without a wealth test: social-security funds, pension funds (including enterprise
 * annuities), products filed with AMAC, and a fund's manager or its staff investing in their own fund.
 */
public enum DeemedCategory {
    SOCIAL_SECURITY_FUND, PENSION_FUND, FILED_PRODUCT, MANAGER_OR_STAFF
}
