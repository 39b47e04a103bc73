// The holder's custody page in the navigation (its module loads when a holder first opens it).
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({ en: { 'nav.holderCustody': 'Custody' }, 'zh-CN': { 'nav.holderCustody': '托管登记' } });

registerPages(['HOLDER'], [
  { id: 'holder-custody', titleKey: 'nav.holderCustody', tag: 'fx-holder-custody-page', order: 45,
    load: () => import('./custody.js') },
]);
