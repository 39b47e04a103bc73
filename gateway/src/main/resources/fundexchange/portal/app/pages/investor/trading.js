// The investor's non-listed trading pages (docs/portal.md, "Non-listed trading"): the offers it may see (teasers by
// qualification), its quotes and counters, its intents with the terms the matcher uses, and the match proposals staff
// brokered to it. Registered when the portal starts; each page's code loads when first opened.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: {
    'investor.nav.offers': 'Offers', 'investor.nav.quotes': 'My quotes', 'investor.nav.intents': 'My intents',
    'investor.nav.matches': 'Match proposals',
  },
  'zh-CN': {
    'investor.nav.offers': '非挂牌报价', 'investor.nav.quotes': '我的询价', 'investor.nav.intents': '我的投资意向',
    'investor.nav.matches': '撮合建议',
  },
});

registerPages(['INVESTOR'], [
  { id: 'investor-offers', titleKey: 'investor.nav.offers', tag: 'fx-investor-offers', order: 80,
    load: () => import('./offers.js') },
  { id: 'investor-quotes', titleKey: 'investor.nav.quotes', tag: 'fx-investor-quotes', order: 81,
    load: () => import('./quotes.js') },
  { id: 'investor-intents', titleKey: 'investor.nav.intents', tag: 'fx-investor-intents', order: 82,
    load: () => import('./intents.js') },
  { id: 'investor-matches', titleKey: 'investor.nav.matches', tag: 'fx-investor-matches', order: 83,
    load: () => import('./matches.js') },
]);
