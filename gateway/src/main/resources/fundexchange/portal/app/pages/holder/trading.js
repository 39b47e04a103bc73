// The holder's non-listed trading pages (docs/portal.md, "Non-listed trading"): its offers, the quotes inbox and the
// match proposals staff brokered to it. Registered when the portal starts; each page's code loads when first opened.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: { 'nav.holderOffers': 'Offers', 'nav.holderQuotes': 'Quotes inbox', 'nav.holderMatches': 'Match proposals' },
  'zh-CN': { 'nav.holderOffers': '非挂牌报价', 'nav.holderQuotes': '询价收件箱', 'nav.holderMatches': '撮合建议' },
});

registerPages(['HOLDER'], [
  { id: 'holder-offers', titleKey: 'nav.holderOffers', tag: 'fx-holder-offers-page', order: 60,
    load: () => import('./offers.js') },
  { id: 'holder-quotes', titleKey: 'nav.holderQuotes', tag: 'fx-holder-quotes-page', order: 61,
    load: () => import('./quotes.js') },
  { id: 'holder-matches', titleKey: 'nav.holderMatches', tag: 'fx-holder-matches-page', order: 62,
    load: () => import('./matches.js') },
]);
