// What every auction's holder form shares: the mechanism, the starting price, the optional reserve, the window, and
// the check that the window ends after it starts. A mechanism adds its own terms in `own`; the ascending auctions
// (English, sealed) share their module's shape too (ascendingAuction).
import { html } from 'lit';

/** Fills {@code body} for auction {@code code} from the form ({@code input}, the holder page's readers). */
export function auctionBody(body, input, code, own) {
  body.mechanism = code;
  body.startingPrice = input.amount('listing-starting-price', input.PRICE_SCALE);
  const reserve = input.amount('listing-reserve-price', input.PRICE_SCALE, true);
  if (reserve !== undefined) body.reservePrice = reserve;
  body.startsAt = input.instant('listing-starts');
  body.endsAt = input.instant('listing-ends');
  own();
  if (!input.failed('listing-starts') && !input.failed('listing-ends') && body.endsAt <= body.startsAt) {
    input.problem('listing-ends', 'listings.check.endAfterStart');
  }
}

/**
 * An ascending auction's module (English, sealed): its bids are read, and the holder's form asks the starting price
 * and the optional reserve, then the mechanism's own fields ({@code ownFields}, the window among them) and terms
 * ({@code ownBody}); the rest of {@code module} is the mechanism's.
 */
export function ascendingAuction({ ownFields, ownBody, ...module }) {
  return Object.freeze({
    ...module,
    auction: true,
    readsBids: true,
    holderFields: f => html`
      ${f.field('listing-starting-price', 'listings.startingPrice', '', 'listings.hint.price')}
      ${f.field('listing-reserve-price', 'listings.reservePrice', '', 'listings.hint.optional')}
      ${ownFields(f)}`,
    holderBody: (body, input) => auctionBody(body, input, module.code, () => ownBody(body, input)),
  });
}
