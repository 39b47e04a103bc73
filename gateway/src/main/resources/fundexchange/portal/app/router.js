// Pages register themselves here: a hash route, a title key, the roles that see it, a custom element that renders it,
// and how its module loads. The shell builds its navigation from the registry, so a new page is a new module and one
// entry in its role's list. A page's module loads (a dynamic import defining its element; the shell's element of that
// tag upgrades then) only when the page is first opened, so the shell's script stays within the portal's budget.

const pages = new Map();
const listeners = new Set();

/**
 * Registers a page: {id, titleKey, tag (a custom element with a {@code context} property), roles (null: every
 * signed-in participant), order (navigation position), load (optional: returns the dynamic import of the module that
 * defines the tag)}. Its route is {@code #/<id>}.
 */
export function registerPage(page) {
  if (!/^[a-z][a-z0-9-]*$/.test(page.id)) throw new Error(`page id ${page.id} must be lower-case letters, digits, -`);
  if (pages.has(page.id)) throw new Error(`page ${page.id} is registered twice`);
  pages.set(page.id, Object.freeze({ roles: null, order: 100, ...page }));
  for (const listener of listeners) listener();
  loadCurrent();
}

/** Registers each of {@code list} ({id, titleKey, tag, order, load}) for {@code roles}. */
export function registerPages(roles, list) {
  for (const page of list) registerPage({ ...page, roles });
}

/** Loads the module of the page the location names, once it is needed. */
function loadCurrent() {
  const page = pages.get(currentPageId());
  if (page?.load && !customElements.get(page.tag)) page.load().catch(error => console.error(error));
}

/** The pages a participant with {@code roles} may open, in navigation order. */
export function pagesFor(roles) {
  return [...pages.values()]
    .filter(page => page.roles === null || page.roles.some(role => roles.includes(role)))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The page id of the current location ({@code #/<id>}), or the empty string. */
export function currentPageId() {
  const match = /^#\/([a-z][a-z0-9-]*)/.exec(location.hash);
  return match ? match[1] : '';
}

/** Calls {@code listener} when a page registers or the location changes. */
export function onRouteChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

addEventListener('hashchange', () => {
  loadCurrent();
  for (const listener of listeners) listener();
});
