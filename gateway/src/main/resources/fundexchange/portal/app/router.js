// The page registry (docs/portal.md, "Adding a page"): routes, titles, roles, elements, modules loaded when opened.

const pages = new Map();
const listeners = new Set();

/**
 * Registers a page: {id, titleKey, tag (an element with a {@code context} property), roles (null: every signed-in
 * participant), public (shown signed out too, with no session), order, load (returns the dynamic import of the
 * module that defines the tag)}. Its route is {@code #/<id>}.
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

/** The pages a participant with {@code roles} may open (no roles: the public ones), in navigation order. */
export function pagesFor(roles) {
  return [...pages.values()]
    .filter(page => (roles ? page.roles === null || page.roles.some(role => roles.includes(role)) : page.public))
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
