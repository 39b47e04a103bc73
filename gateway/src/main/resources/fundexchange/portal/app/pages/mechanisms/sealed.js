// The sealed-bid auction in the portal: the holder's form fields, body and detail rows, and the investor's rows (its
// names are names.js's; the investor's sealed bid form is sealed-bid.js's, so the holder's pages load no investor
// code). index.js looks it up.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { auctionBody } from './auction.js';

export const sealed = Object.freeze({
  code: 'SEALED',
  auction: true,
  readsBids: true,

  holderFields(f) {
    return html`
      ${f.field('listing-starting-price', 'listings.startingPrice', '', 'listings.hint.price')}
      ${f.field('listing-reserve-price', 'listings.reservePrice', '', 'listings.hint.optional')}
      ${f.times}
      <label class="fx-check"><input id="listing-second-price" type="checkbox">${t('listings.secondPrice')}</label>`;
  },

  holderBody(body, input) {
    auctionBody(body, input, 'SEALED', () => {
      body.secondPrice = input.checked('listing-second-price');
    });
  },

  holderRows(l, { row }) {
    return row('listings.pricing', t(l.secondPrice ? 'listings.secondPriceYes' : 'listings.firstPrice'), 'listing-pricing');
  },

  /** No price of its own as read, and nothing that changes the listing at a set time but its end. */
  priceNow: () => undefined,
  changesAt: () => undefined,
  holderBidsNote: () => html`<p class="fx-note">${t('listings.sealedNote')}</p>`,

  investorRows(l, field) {
    return field('investor.listing.pricing', t(l.secondPrice ? 'investor.listing.secondPrice' : 'investor.listing.firstPrice'),
      'listing-pricing');
  },
});
