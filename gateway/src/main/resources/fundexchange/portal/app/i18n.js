// Message bundles (zh-CN and en), the persistent language choice, and reject codes in the user's language. Only the
// active language's bundle is loaded (messages/<locale>.js with its codes); the other is fetched on a switch.

export const LOCALES = Object.freeze(['zh-CN', 'en']);
const STORAGE_KEY = 'fx.locale';
const bundles = {};
const pageMessages = { en: {}, 'zh-CN': {} };
const listeners = new Set();
let active = initialLocale();

/** The stored choice, else zh-CN when the browser prefers Chinese, else English. */
function initialLocale() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LOCALES.includes(stored)) return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  for (const language of preferred) {
    const lower = String(language).toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

async function load(name) {
  if (!bundles[name]) {
    const module = name === 'zh-CN' ? await import('./messages/zh-CN.js') : await import('./messages/en.js');
    bundles[name] = { ...module.default, ...pageMessages[name] };
  }
}

export function locale() {
  return active;
}

/** Switches the language (loading its bundle first), remembered in this browser (localStorage). */
export async function setLocale(next) {
  if (!LOCALES.includes(next) || next === active) return;
  await load(next);
  active = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/** Calls {@code listener} on every language change; returns its removal. */
export function onLocaleChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds a page's messages: {en: {...}, 'zh-CN': {...}}, with the same keys in both (a page registers its own strings,
 * so adding a page touches no central bundle).
 */
export function addMessages(messages) {
  const keys = name => Object.keys(messages[name] ?? {}).sort().join('\n');
  if (keys('en') !== keys('zh-CN')) throw new Error('a page must give every message in both en and zh-CN');
  for (const name of LOCALES) {
    Object.assign(pageMessages[name], messages[name]);
    if (bundles[name]) Object.assign(bundles[name], messages[name]);
  }
}

/** The message {@code key} in the active language, its {name} placeholders filled as text. */
export function t(key, params = {}) {
  const text = bundles[active][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * What a refusal's code means, in the active language: the API's codes and the engine's shared reject codes (the shell's
 * bundles), a mechanism's own (registered by mechanisms/index.js); else the server's {@code message}, if any.
 */
export function explainCode(code, message) {
  const key = `code.${code}`;
  return key in bundles[active] ? bundles[active][key] : message || t('code.unknown', { code });
}

await load(active);
document.documentElement.lang = active;
