// The sealed-bid auction in the portal: its names and words, the holder's form fields, body, detail rows and bids
// note, and the investor's rows (the investor's sealed bid form and its words are sealed-bid.js's, loaded only by the
// investor's listing page). index.js looks it up.
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { ascendingAuction } from './auction.js';

export const sealed = ascendingAuction({
  code: 'SEALED',
  names: {
    en: { holder: 'Sealed-bid auction', investor: 'Sealed-bid auction', dataroom: 'sealed-bid auction' },
    'zh-CN': { holder: '密封竞价', investor: '密封竞价', dataroom: '密封竞价' },
  },

  /** The investor's panel (bids and bid form) needs investor code: only the investor's listing page loads it. */
  investorPanelModule: () => import('./sealed-bid.js'),

  /** After the starting price and reserve: the window, and whether the winner pays the second price. */
  ownFields: f => html`
      ${f.times}
      <label class="fx-check"><input id="listing-second-price" type="checkbox">${t('listings.secondPrice')}</label>`,

  ownBody(body, input) {
    body.secondPrice = input.checked('listing-second-price');
  },

  holderRows(l, { row }) {
    return row('listings.pricing', t(l.secondPrice ? 'listings.secondPriceYes' : 'listings.firstPrice'), 'listing-pricing');
  },

  holderBidsNote: () => html`<p class="fx-note">${t('listings.sealedNote')}</p>`,

  investorRows(l, field) {
    return field('investor.listing.pricing', t(l.secondPrice ? 'investor.listing.secondPrice' : 'investor.listing.firstPrice'),
      'listing-pricing');
  },
});

addMessages({
  en: {
    'listings.secondPrice': 'The winner pays the second-highest price',
    'listings.pricing': 'Pricing',
    'listings.secondPriceYes': 'Second price',
    'listings.firstPrice': 'First price',
    'listings.sealedNote': 'Sealed prices are hidden from everyone, you included, until the auction closes.',
    'investor.listing.pricing': 'Winner pays',
    'investor.listing.firstPrice': 'its own price',
    'investor.listing.secondPrice': 'the next eligible price (second price)',
  },
  'zh-CN': {
    'listings.secondPrice': '中标者按第二高价成交',
    'listings.pricing': '成交价规则',
    'listings.secondPriceYes': '第二高价',
    'listings.firstPrice': '最高价',
    'listings.sealedNote': '密封出价在拍卖结束前对所有人（包括您）隐藏。',
    'investor.listing.pricing': '成交价',
    'investor.listing.firstPrice': '按中标者自己的出价',
    'investor.listing.secondPrice': '按次高有效出价（第二价格）',
  },
});
