// Every role's page list (each registers its pages with the router when imported, their code loading when first opened).
import './account.js';
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
