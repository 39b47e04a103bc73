// Pages register themselves here: a hash route, a title key, the roles that see it, and a custom element that renders
// it. The shell builds its navigation from the registry, so a new page is a new module and one import in pages/index.js.

const pages = new Map();
const listeners = new Set();

/**
 * Registers a page: {id, titleKey, tag (a custom element with a {@code context} property), roles (null: every
 * signed-in participant), order (navigation position)}. Its route is {@code #/<id>}.
 */
export function registerPage(page) {
  if (!/^[a-z][a-z0-9-]*$/.test(page.id)) throw new Error(`page id ${page.id} must be lower-case letters, digits, -`);
  if (pages.has(page.id)) throw new Error(`page ${page.id} is registered twice`);
  pages.set(page.id, Object.freeze({ roles: null, order: 100, ...page }));
  for (const listener of listeners) listener();
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
  for (const listener of listeners) listener();
});
