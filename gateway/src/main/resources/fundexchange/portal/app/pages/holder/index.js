// The holder pages: registered (with their navigation titles) when the portal starts, each page's code loaded only
// when a holder first opens it (router.js).
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: {
    'nav.holdings': 'Holdings',
    'nav.holderListings': 'My listings',
    'nav.holderOrders': 'Sell orders',
    'nav.holderTransfers': 'Transfers',
  },
  'zh-CN': {
    'nav.holdings': '持仓',
    'nav.holderListings': '我的挂牌',
    'nav.holderOrders': '卖出委托',
    'nav.holderTransfers': '转让记录',
  },
});

registerPages(['HOLDER'], [
  { id: 'holdings', titleKey: 'nav.holdings', tag: 'fx-holdings-page', order: 20, load: () => import('./holdings.js') },
  { id: 'holder-listings', titleKey: 'nav.holderListings', tag: 'fx-holder-listings-page', order: 30,
    load: () => import('./listings.js') },
  { id: 'holder-orders', titleKey: 'nav.holderOrders', tag: 'fx-holder-orders-page', order: 40,
    load: () => import('./orders.js') },
  { id: 'holder-transfers', titleKey: 'nav.holderTransfers', tag: 'fx-holder-transfers-page', order: 50,
    load: () => import('./transfers.js') },
]);
