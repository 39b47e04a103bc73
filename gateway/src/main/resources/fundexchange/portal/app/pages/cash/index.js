// Cash pages (issue 22): their navigation and the BANK role's name; every other word loads with its page.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({ en: { 'nav.cash': 'Cash', 'nav.bankQueue': 'Bank queue', 'nav.cashOversight': 'Cash oversight', 'role.BANK': 'Bank' },
  'zh-CN': { 'nav.cash': '资金', 'nav.bankQueue': '银行待办', 'nav.cashOversight': '资金监督', 'role.BANK': '结算银行' } });
const page = (roles, id, titleKey, tag, order, load) => registerPages(roles, [{ id, titleKey, tag, order, load }]);
page(['HOLDER', 'INVESTOR', 'MANAGER'], 'cash', 'nav.cash', 'fx-cash-account', 45, () => import('./account.js'));
page(['BANK'], 'bank-queue', 'nav.bankQueue', 'fx-bank-queue', 5, () => import('./bank.js'));
page(['STAFF', 'REGULATOR'], 'cash-oversight', 'nav.cashOversight', 'fx-cash-oversight', 85, () => import('./oversight.js'));
