// Consent pages (docs/portal.md, "Consent pages"), each loaded when first opened.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: {
    'nav.managerNotices': 'Consent queue',
    'nav.notices': 'Transfer notices',
    'staff.nav.terms': 'Transfer terms',
    'staff.action.SetTransferTerms': 'Transfer terms of {fund}',
    'staff.action.OverrideRofr': 'Override a transfer notice: {reason}',
    'role.MANAGER': 'Fund manager',
  },
  'zh-CN': {
    'nav.managerNotices': '同意事项',
    'nav.notices': '转让通知',
    'staff.nav.terms': '转让条款',
    'staff.action.SetTransferTerms': '{fund} 的转让条款',
    'staff.action.OverrideRofr': '覆盖转让通知：{reason}',
    'role.MANAGER': '基金管理人',
  },
});

const page = (roles, id, titleKey, tag, order, load) => registerPages(roles, [{ id, titleKey, tag, order, load }]);
page(['MANAGER'], 'manager-notices', 'nav.managerNotices', 'fx-manager-notices', 18, () => import('./manager.js'));
page(['HOLDER', 'INVESTOR'], 'holder-notices', 'nav.notices', 'fx-holder-notices', 35, () => import('./holder.js'));
page(['REGULATOR', 'STAFF'], 'oversight-notices', 'nav.notices', 'fx-regulator-notices', 75, () => import('./regulator.js'));
page(['STAFF'], 'staff-terms', 'staff.nav.terms', 'fx-staff-terms', 32, () => import('./terms.js'));
