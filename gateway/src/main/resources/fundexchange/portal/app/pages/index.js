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

registerPage({ id: 'account', titleKey: 'nav.account', tag: 'fx-account-page', roles: null, order: 10,
  load: () => import('./account.js') });
