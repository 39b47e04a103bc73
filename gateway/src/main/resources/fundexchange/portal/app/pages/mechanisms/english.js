// The English (open ascending) auction in the portal: its names and the holder's words, form fields and body (the
// investor's bid form and words are english-bid.js's, loaded only by the investor's listing page). index.js looks
// it up.
import { html } from 'lit';
import { addMessages } from '../../i18n.js';
import { ascendingAuction } from './auction.js';

export const english = ascendingAuction({
  code: 'ENGLISH',
  names: {
    en: { holder: 'English auction', investor: 'English auction', dataroom: 'English auction' },
    'zh-CN': { holder: '英式拍卖', investor: '公开竞价（英式拍卖）', dataroom: '英式拍卖' },
  },

  /** The investor's panel (bids and bid form) needs investor code: only the investor's listing page loads it. */
  investorPanelModule: () => import('./english-bid.js'),

  /** After the starting price and reserve: the increment, the window and the anti-sniping extension. */
  ownFields: f => html`
      ${f.field('listing-min-increment', 'listings.minIncrement', '', 'listings.hint.price')}
      ${f.times}
      ${f.field('listing-extension-window', 'listings.extensionWindow', '', 'listings.hint.seconds')}
      ${f.field('listing-extension', 'listings.extension', '', 'listings.hint.seconds')}`,

  ownBody(body, input) {
    body.minIncrement = input.amount('listing-min-increment', input.PRICE_SCALE);
    const window = input.seconds('listing-extension-window');
    if (window !== undefined) body.extensionWindowMs = window;
    const extension = input.seconds('listing-extension');
    if (extension !== undefined) body.extensionMs = extension;
  },
});

addMessages({
  en: {
    'listings.extensionWindow': 'Extension window (seconds)',
    'listings.extension': 'Extension (seconds)',
  },
  'zh-CN': {
    'listings.extensionWindow': '延时触发窗口（秒）',
    'listings.extension': '延时时长（秒）',
  },
});
