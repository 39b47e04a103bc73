// The investor's pages (docs/portal.md, "Investor pages"): registered (with their navigation titles) when the portal
// starts, each page's code loaded only when an investor first opens it (router.js).
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: {
    'investor.nav.listings': 'Listings',
    'investor.nav.book': 'Order book',
    'investor.nav.positions': 'My positions',
    'investor.nav.bids': 'My bids',
    'investor.nav.transfers': 'My transfers',
    'investor.nav.qualification': 'My qualification',
  },
  'zh-CN': {
    'investor.nav.listings': '挂牌项目',
    'investor.nav.book': '订单簿',
    'investor.nav.positions': '我的持仓',
    'investor.nav.bids': '我的出价',
    'investor.nav.transfers': '我的转让',
    'investor.nav.qualification': '我的合格投资者资格',
  },
});

registerPages(['INVESTOR'], [
  { id: 'investor-listings', titleKey: 'investor.nav.listings', tag: 'fx-investor-listings', order: 20,
    load: () => import('./listings.js') },
  { id: 'investor-book', titleKey: 'investor.nav.book', tag: 'fx-investor-book', order: 30,
    load: () => import('./book.js') },
  { id: 'investor-positions', titleKey: 'investor.nav.positions', tag: 'fx-investor-positions', order: 40,
    load: () => import('./positions.js') },
  { id: 'investor-bids', titleKey: 'investor.nav.bids', tag: 'fx-investor-bids', order: 50,
    load: () => import('./bids.js') },
  { id: 'investor-transfers', titleKey: 'investor.nav.transfers', tag: 'fx-investor-transfers', order: 60,
    load: () => import('./transfers.js') },
  { id: 'investor-qualification', titleKey: 'investor.nav.qualification', tag: 'fx-investor-qualification', order: 70,
    load: () => import('./qualification.js') },
]);
