// The staff area (docs/portal.md, "Staff pages"), in one list: the work queues first, then custody, pledges and
// freezes, onboarding, parameters with the calendar, and the trading desk (match proposals to broker, trades to settle
// or fail, the continuous books to open and halt); each page's code loads when a staff member first opens it.
import { addMessages } from '../../i18n.js';
import { registerStaffPages } from './register.js';

addMessages({
  en: {
    'staff.nav.queues': 'Work queues',
    'staff.nav.custody': 'Custody',
    'staff.nav.encumbrances': 'Pledges & freezes',
    'staff.nav.onboarding': 'Onboarding',
    'staff.nav.parameters': 'Parameters & calendar',
    'staff.nav.matches': 'Match proposals',
    'staff.nav.settlements': 'Settlement',
    'staff.nav.books': 'Books',
  },
  'zh-CN': {
    'staff.nav.queues': '待办队列',
    'staff.nav.custody': '托管登记',
    'staff.nav.encumbrances': '质押与冻结',
    'staff.nav.onboarding': '准入登记',
    'staff.nav.parameters': '参数与日历',
    'staff.nav.matches': '撮合建议',
    'staff.nav.settlements': '交收',
    'staff.nav.books': '连续竞价簿',
  },
});

registerStaffPages([
  { id: 'staff-queues', titleKey: 'staff.nav.queues', tag: 'fx-staff-queues', order: 20, load: () => import('./queues.js') },
  { id: 'staff-custody', titleKey: 'staff.nav.custody', tag: 'fx-staff-custody', order: 22, load: () => import('./custody.js') },
  { id: 'staff-encumbrances', titleKey: 'staff.nav.encumbrances', tag: 'fx-staff-encumbrances', order: 24,
    load: () => import('./encumbrances.js') },
  { id: 'staff-onboarding', titleKey: 'staff.nav.onboarding', tag: 'fx-staff-onboarding', order: 26,
    load: () => import('./onboarding.js') },
  { id: 'staff-parameters', titleKey: 'staff.nav.parameters', tag: 'fx-staff-parameters', order: 28,
    load: () => import('./parameters.js') },
  { id: 'staff-matches', titleKey: 'staff.nav.matches', tag: 'fx-staff-matches', order: 160,
    load: () => import('./matches.js') },
  { id: 'staff-settlements', titleKey: 'staff.nav.settlements', tag: 'fx-staff-settlements', order: 161,
    load: () => import('./settlements.js') },
  { id: 'staff-books', titleKey: 'staff.nav.books', tag: 'fx-staff-books', order: 162,
    load: () => import('./books.js') },
]);
