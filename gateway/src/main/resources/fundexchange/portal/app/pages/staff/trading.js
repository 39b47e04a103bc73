// The staff's trading pages (docs/portal.md, "Staff: matches, settlement, books"): the system's ranked match proposals
// to review and broker, the trades awaiting settlement (settle, or propose their failure for a second staff member),
// and the continuous books to open and halt. Registered when the portal starts; each page's code loads when first
// opened.
import { registerPage, currentPageId, onRouteChange } from '../../router.js';
import { addMessages } from '../../i18n.js';

const PAGES = [
  { id: 'staff-matches', titleKey: 'staff.nav.matches', tag: 'fx-staff-matches', order: 160,
    load: () => import('./matches.js') },
  { id: 'staff-settlements', titleKey: 'staff.nav.settlements', tag: 'fx-staff-settlements', order: 161,
    load: () => import('./settlements.js') },
  { id: 'staff-books', titleKey: 'staff.nav.books', tag: 'fx-staff-books', order: 162,
    load: () => import('./books.js') },
];

addMessages({
  en: { 'staff.nav.matches': 'Match proposals', 'staff.nav.settlements': 'Settlement', 'staff.nav.books': 'Books' },
  'zh-CN': { 'staff.nav.matches': '撮合建议', 'staff.nav.settlements': '交收', 'staff.nav.books': '连续竞价簿' },
});

for (const { id, titleKey, tag, order } of PAGES) registerPage({ id, titleKey, tag, roles: ['STAFF'], order });

/** Loads the module of the page the location names, once. */
function loadCurrent() {
  const page = PAGES.find(p => p.id === currentPageId());
  if (page && !customElements.get(page.tag)) page.load().catch(error => console.error(error));
}

onRouteChange(loadCurrent);
loadCurrent();
