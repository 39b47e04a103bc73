package fundexchange.protocol.reference;

/** The fund's legal form; it decides the default holder cap (50 for partnership and LLC funds, 200 otherwise). */
public enum LegalForm {
    PARTNERSHIP, LLC, CONTRACTUAL
}
