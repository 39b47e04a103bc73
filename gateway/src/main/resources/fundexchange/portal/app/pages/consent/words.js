// The consent words both the notice pages (common.js) and the staff's terms page (terms.js) show, in English and
// Chinese: words only, so the terms page has them without loading the notice pages' code.
import { addMessages } from '../../i18n.js';

addMessages({
  en: {
    'consent.listing': 'Listing',
    'consent.manager': 'Manager',
    'consent.consent': 'Manager’s consent',
    'consent.consentRequired': 'required',
    'consent.consentNotRequired': 'not required',
    'consent.priority': 'Priority right',
    'consent.priority.MANAGER_FIRST_THEN_PRO_RATA': 'the manager first, then the partners pro rata',
    'consent.priority.PRO_RATA': 'the holders pro rata',
    'consent.priority.NONE': 'none',
    'consent.none': 'No transfer notice.',
  },
  'zh-CN': {
    'consent.listing': '挂牌',
    'consent.manager': '管理人',
    'consent.consent': '管理人同意',
    'consent.consentRequired': '需要',
    'consent.consentNotRequired': '不需要',
    'consent.priority': '优先购买权',
    'consent.priority.MANAGER_FIRST_THEN_PRO_RATA': '管理人优先，其次合伙人按比例',
    'consent.priority.PRO_RATA': '持有人按比例',
    'consent.priority.NONE': '无',
    'consent.none': '暂无转让通知。',
  },
});
