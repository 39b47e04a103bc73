// Every role's page list (each registers its pages with the router when imported, their code loading when first opened).
import { registerPage } from '../router.js';
import './holder/index.js';
import './holder/custody-nav.js';
import './investor/index.js';
import './regulator/index.js';
import './holder/trading.js';
import './investor/trading.js';
import './staff/index.js';
import './dataroom/index.js';
import './consent/index.js';
import './cash/index.js';
import { addMessages } from '../i18n.js';

registerPage({ id: 'account', titleKey: 'nav.account', tag: 'fx-account-page', roles: null, order: 10,
  load: () => import('./account.js') });
// The market page, shown signed out too.
addMessages({ en: { 'nav.market': 'Market data' }, 'zh-CN': { 'nav.market': '市场数据' } });
registerPage({ id: 'market', titleKey: 'nav.market', tag: 'fx-market-page', roles: null, public: true, order: 90,
  load: () => import('./market/market.js') });
