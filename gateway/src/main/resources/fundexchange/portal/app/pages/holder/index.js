// The holder pages: registered (with their navigation titles) when the portal starts, their code loaded only when a
// holder first opens one (a dynamic import of the page's module, which defines its element; the shell's element of
// that tag upgrades then), so a page's script stays within the portal's per-page budget.
import { registerPage, currentPageId, onRouteChange } from '../../router.js';
import { addMessages } from '../../i18n.js';

const PAGES = [
  { id: 'holdings', titleKey: 'nav.holdings', tag: 'fx-holdings-page', order: 20, load: () => import('./holdings.js') },
  { id: 'holder-listings', titleKey: 'nav.holderListings', tag: 'fx-holder-listings-page', order: 30,
    load: () => import('./listings.js') },
  { id: 'holder-orders', titleKey: 'nav.holderOrders', tag: 'fx-holder-orders-page', order: 40,
    load: () => import('./orders.js') },
  { id: 'holder-transfers', titleKey: 'nav.holderTransfers', tag: 'fx-holder-transfers-page', order: 50,
    load: () => import('./transfers.js') },
  { id: 'holder-appraisals', titleKey: 'nav.holderAppraisals', tag: 'fx-holder-appraisals-page', order: 55,
    load: () => import('./appraisals.js') },
];

addMessages({
  en: {
    'nav.holdings': 'Holdings',
    'nav.holderListings': 'My listings',
    'nav.holderOrders': 'Sell orders',
    'nav.holderTransfers': 'Transfers',
    'nav.holderAppraisals': 'Appraisals (state-owned)',
  },
  'zh-CN': {
    'nav.holdings': '持仓',
    'nav.holderListings': '我的挂牌',
    'nav.holderOrders': '卖出委托',
    'nav.holderTransfers': '转让记录',
    'nav.holderAppraisals': '资产评估（国有）',
  },
});

for (const { id, titleKey, tag, order } of PAGES) registerPage({ id, titleKey, tag, roles: ['HOLDER'], order });

/** Loads the module of the holder page the location names, once. */
function loadCurrent() {
  const page = PAGES.find(p => p.id === currentPageId());
  if (page && !customElements.get(page.tag)) page.load().catch(error => console.error(error));
}

onRouteChange(loadCurrent);
loadCurrent();
