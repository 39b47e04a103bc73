// The regulator's pages (docs/portal.md, "Regulator pages"): registered with their navigation titles when the portal
// starts, each page's code loaded only when a regulator first opens it (ECharts only with the daily report).
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

// The Trusted Types default policy, created at start so that no other script can create it (the CSP names it): it
// admits the empty string only, which ECharts assigns to empty its chart's container, and refuses every other string
// at every sink, as if no default policy existed.
if (globalThis.trustedTypes && !globalThis.trustedTypes.defaultPolicy) {
  globalThis.trustedTypes.createPolicy('default', {
    createHTML: text => (text === '' ? '' : null),
    createScript: () => null,
    createScriptURL: () => null,
  });
}

addMessages({
  en: {
    'regulator.nav.records': 'Audit records',
    'regulator.nav.checkpoints': 'Checkpoints',
    'regulator.nav.report': 'Daily report',
    'regulator.nav.participants': 'Participants',
    'regulator.nav.funds': 'Funds',
    'regulator.nav.transfers': 'Transfers',
  },
  'zh-CN': {
    'regulator.nav.records': '审计记录',
    'regulator.nav.checkpoints': '检查点',
    'regulator.nav.report': '监管日报',
    'regulator.nav.participants': '参与者',
    'regulator.nav.funds': '基金',
    'regulator.nav.transfers': '转让',
  },
});

registerPages(['REGULATOR'], [
  { id: 'regulator-records', titleKey: 'regulator.nav.records', tag: 'fx-regulator-records', order: 20,
    load: () => import('./records.js') },
  { id: 'regulator-checkpoints', titleKey: 'regulator.nav.checkpoints', tag: 'fx-regulator-checkpoints', order: 30,
    load: () => import('./checkpoints.js') },
  { id: 'regulator-report', titleKey: 'regulator.nav.report', tag: 'fx-regulator-report', order: 40,
    load: () => import('./report.js') },
  { id: 'regulator-participants', titleKey: 'regulator.nav.participants', tag: 'fx-regulator-participants', order: 50,
    load: () => import('./participants.js') },
  { id: 'regulator-funds', titleKey: 'regulator.nav.funds', tag: 'fx-regulator-funds', order: 60,
    load: () => import('./funds.js') },
  { id: 'regulator-transfers', titleKey: 'regulator.nav.transfers', tag: 'fx-regulator-transfers', order: 70,
    load: () => import('./transfers.js') },
]);
