// The English (open ascending) auction in the portal: its names, the holder's form fields and body, and the
// investor's bid form. The listing pages look it up (index.js).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { scaled, unscaled } from '../investor/decimal.js';
import { auctionBody, auctionTimes } from './auction.js';

export const english = Object.freeze({
  code: 'ENGLISH',
  auction: true,
  readsBids: true,

  holderFields(f) {
    return html`
      ${f.field('listing-starting-price', 'listings.startingPrice', '', 'listings.hint.price')}
      ${f.field('listing-reserve-price', 'listings.reservePrice', '', 'listings.hint.optional')}
      ${f.field('listing-min-increment', 'listings.minIncrement', '', 'listings.hint.price')}
      ${auctionTimes(f)}
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

  /** The bids (open prices), and the bid form while bidding runs. */
  investorPanel(page, l, fund, { fundMoney, bidding }) {
    return html`${page.renderBids(l, fund, 'app.none')}
      ${bidding ? form(page, l, fund, fundMoney) : nothing}`;
  },
});

/** The lowest acceptable bid: the starting price, or the highest bid plus the increment. */
function minimumBid(page, l) {
  let best = null;
  for (const b of page.bids) {
    const price = b.status === 'ACTIVE' || b.status === 'WON' ? scaled(b.price, 4) : null;
    if (price !== null && (best === null || price > best)) best = price;
  }
  return best === null ? l.startingPrice : unscaled(best + (scaled(l.minIncrement, 4) ?? 0n), 4);
}

function form(page, l, fund, fundMoney) {
  const minimum = minimumBid(page, l);
  return html`<form class="fx-form" id="english-bid-form" @submit=${e => placeBid(page, e, l)}>
      <label>${t('investor.english.price')}
        <input id="english-bid-price" name="price" inputmode="decimal" autocomplete="off" required
          placeholder=${minimum} pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,4})?"></label>
      <p class="fx-muted" id="english-bid-minimum">${t('investor.english.minimum', { price: fundMoney(minimum, fund) })}</p>
      <p class="fx-muted">${t('investor.english.binding')}</p>
      <button id="english-bid-submit" ?disabled=${page.busy}>${t('investor.english.submit')}</button>
    </form>`;
}

async function placeBid(page, event, l) {
  event.preventDefault();
  const price = event.target.elements.price.value.trim();
  const answer = await page.write(`/listings/${l.listingId}/bids`, { price }, 'investor.english.placed', { price });
  if (answer) event.target.reset();
}

addMessages({
  en: {
    'mechanism.ENGLISH': 'English auction',
    'investor.mechanism.ENGLISH': 'English auction',
    'dataroom.mechanism.ENGLISH': 'English auction',
  },
  'zh-CN': {
    'mechanism.ENGLISH': '英式拍卖',
    'investor.mechanism.ENGLISH': '公开竞价（英式拍卖）',
    'dataroom.mechanism.ENGLISH': '英式拍卖',
  },
});
