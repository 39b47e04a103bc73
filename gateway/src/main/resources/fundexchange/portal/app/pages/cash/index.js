// Cash in escrow at the settlement bank (issue 22): each account holder's cash page, the bank's queue, and staff's and
// regulators' suspense and alarms. Only the navigation words live here (the shell loads this list); each page's own
// words are in words.js, loaded with the page.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: { 'nav.cash': 'Cash', 'nav.bankQueue': 'Bank queue', 'nav.cashOversight': 'Cash oversight', 'role.BANK': 'Bank' },
  'zh-CN': { 'nav.cash': '资金', 'nav.bankQueue': '银行待办', 'nav.cashOversight': '资金监督', 'role.BANK': '结算银行' },
});

registerPages(['HOLDER', 'INVESTOR', 'MANAGER'], [
  { id: 'cash', titleKey: 'nav.cash', tag: 'fx-cash-account', order: 45, load: () => import('./account.js') }]);
registerPages(['BANK'], [
  { id: 'bank-queue', titleKey: 'nav.bankQueue', tag: 'fx-bank-queue', order: 10, load: () => import('./bank.js') }]);
registerPages(['STAFF', 'REGULATOR'], [
  { id: 'cash-oversight', titleKey: 'nav.cashOversight', tag: 'fx-cash-oversight', order: 85,
    load: () => import('./oversight.js') }]);
