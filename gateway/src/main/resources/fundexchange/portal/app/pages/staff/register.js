// How a staff page registers: its navigation entry (for the STAFF role) now, its module loaded only when a staff member
// first opens it (a dynamic import defining its element; the shell's element of that tag upgrades then), so the
// shell's script stays within the portal's budget. Every staff page module registers through this one function.
import { registerPage, currentPageId, onRouteChange } from '../../router.js';

const STAFF = ['STAFF'];
const loaders = new Map();

/** Registers {@code pages}: [{id, titleKey, tag, order, load}], {@code load} a function returning the page module's dynamic import. */
export function registerStaffPages(pages) {
  for (const { id, titleKey, tag, order, load } of pages) {
    registerPage({ id, titleKey, tag, roles: STAFF, order });
    loaders.set(id, { tag, load });
  }
  loadCurrent();
}

/** Loads the module of the staff page the location names, once. */
function loadCurrent() {
  const page = loaders.get(currentPageId());
  if (page && !customElements.get(page.tag)) page.load().catch(error => console.error(error));
}

onRouteChange(loadCurrent);
