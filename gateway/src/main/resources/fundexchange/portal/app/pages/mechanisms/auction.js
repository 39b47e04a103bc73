// What every auction's holder form shares: the mechanism, the starting price, the optional reserve, the window, and
// the check that the window ends after it starts. A mechanism adds its own terms in `own`.

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

