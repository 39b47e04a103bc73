// The holder's custody page in the navigation (its module loads when a holder first opens it).
import { registerPage, currentPageId, onRouteChange } from '../../router.js';
import { addMessages } from '../../i18n.js';

const PAGE = { id: 'holder-custody', titleKey: 'nav.holderCustody', tag: 'fx-holder-custody-page', order: 45 };

addMessages({ en: { 'nav.holderCustody': 'Custody' }, 'zh-CN': { 'nav.holderCustody': '托管登记' } });
registerPage({ ...PAGE, roles: ['HOLDER'] });

function loadCurrent() {
  if (currentPageId() === PAGE.id && !customElements.get(PAGE.tag)) import('./custody.js').catch(error => console.error(error));
}

onRouteChange(loadCurrent);
loadCurrent();
