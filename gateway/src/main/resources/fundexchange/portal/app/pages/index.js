// Every page module of the portal. A page registers itself (registerPage) when imported: add one line here per page.
import './account.js';
import './holder/index.js';
import './holder/custody-nav.js';
import './investor/index.js';
import './regulator/index.js';
import './holder/trading.js';
import './investor/trading.js';
import './staff/trading.js';
import './staff/index.js';
