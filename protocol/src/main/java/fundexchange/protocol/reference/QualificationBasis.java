package fundexchange.protocol.reference;

/**
 * Why an investor is qualified (私募投资基金监督管理暂行办法 Art. 12): an institution's net assets, an individual's
 * financial assets or average annual income over three years, or a deemed-qualified category.
 */
public enum QualificationBasis {
    INSTITUTION_NET_ASSETS, INDIVIDUAL_FINANCIAL_ASSETS, INDIVIDUAL_INCOME, DEEMED
}
