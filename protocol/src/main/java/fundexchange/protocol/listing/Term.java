package fundexchange.protocol.listing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A listing mechanism's own term on a record component: what its type alone does not say of its input grammar. The
 * strict body schema ({@code command.spec.BodySchemas}, hence the gateway's body check and the OpenAPI check) reads
 * it, so a mechanism's terms need no entry in a hand-written table. The released mechanisms' frozen flat fields
 * carry it on {@code ListAuction} and {@code PlaceBid} (docs/design/mechanism-terms.md, §2.3). On a mechanism's own
 * terms record ({@link ListingMechanism.ListingTerms}, {@link ListingMechanism.BidTerms}) it also says whether the
 * market sees the term ({@link #marketVisible}, read by {@code DisclosurePolicy.terms}, §2.6).
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface Term {
    /**
     * Whether the field may be left out (or sent as {@code null} where its type allows), the engine reading a
     * documented default, or none.
     */
    boolean optional() default false;

    /** A narrower grammar for a text field (or a list of texts), as a regular expression; empty for none. */
    String pattern() default "";

    /**
     * Whether a term of a mechanism's own terms record reaches the market (anyone but oversight and the terms' owner:
     * a listing's seller, a bid's bidder) in reads and feeds. False by default, so a forgotten mark hides a term and
     * never leaks one. Read on the terms record's own components only: a visible component that is a nested record or
     * a list shows whole, whatever its elements' marks say, so a term with a part the market may not see is a
     * component of its own. Meaningless on the released mechanisms' flat fields, whose disclosure is the listing's own.
     */
    boolean marketVisible() default false;
}
