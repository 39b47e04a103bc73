// How a staff page registers: its navigation entry for the STAFF role now, its module loaded only when a staff member
// first opens it (router.js). staff/index.js lists the staff area's pages; a page of another module registers the same
// way.
import { registerPages } from '../../router.js';

/** Registers {@code pages}: [{id, titleKey, tag, order, load}], {@code load} returning the page module's dynamic import. */
export function registerStaffPages(pages) {
  registerPages(['STAFF'], pages);
}
