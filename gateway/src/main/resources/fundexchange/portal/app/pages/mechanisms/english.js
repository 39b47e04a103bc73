// The English (open ascending) auction in the portal: the holder's form fields and body (its names are names.js's;
// the investor's bid form is english-bid.js's, so the holder's pages load no investor code). index.js looks it up.
import { html, nothing } from 'lit';
import { auctionBody } from './auction.js';

export const english = Object.freeze({
  code: 'ENGLISH',
  auction: true,
  readsBids: true,

  holderFields(f) {
    return html`
      ${f.field('listing-starting-price', 'listings.startingPrice', '', 'listings.hint.price')}
      ${f.field('listing-reserve-price', 'listings.reservePrice', '', 'listings.hint.optional')}
      ${f.field('listing-min-increment', 'listings.minIncrement', '', 'listings.hint.price')}
      ${f.times}
      ${f.field('listing-extension-window', 'listings.extensionWindow', '', 'listings.hint.seconds')}
      ${f.field('listing-extension', 'listings.extension', '', 'listings.hint.seconds')}`;
  },

  holderBody(body, input) {
    auctionBody(body, input, 'ENGLISH', () => {
      body.minIncrement = input.amount('listing-min-increment', input.PRICE_SCALE);
      const window = input.seconds('listing-extension-window');
      if (window !== undefined) body.extensionWindowMs = window;
      const extension = input.seconds('listing-extension');
      if (extension !== undefined) body.extensionMs = extension;
    });
  },

  holderRows: () => nothing,
  /** No price of its own as read, and nothing that changes the listing at a set time but its end. */
  priceNow: () => undefined,
  changesAt: () => undefined,
  holderBidsNote: () => nothing,
  investorRows: () => nothing,
});
