// What the non-listed trading pages of holders, investors and staff share (docs/matching.md): the words for offer,
// quote, intent and match states, a counterparty shown as the API gives it (a pseudonym P<n> until the trade, marked
// as one), every page's whole list read page by page up to a bound, and the inline terms form of a counter or a
// brokering.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { percentFromBasisPoints } from '../../format.js';
import { table as baseTable } from '../table.js';
import './messages.js';

export { loadFunds, fundLabel, fundMoney } from '../funds.js';

/** How many pages of 100 a trading list reads at most (1,000 items); a longer list offers "show more". */
export const MAX_PAGES = 10;
const PSEUDONYM = /^P[1-9][0-9]*$/;

/**
 * Every item of a paged list ({@code path} with its query, the answer's {@code field}) at {@code minIndex}, up to
 * MAX_PAGES pages; {@code keep} filters. Returns {items, more} (more: another page was left unread).
 */
export async function readAll(client, path, field, minIndex, keep = () => true) {
  const items = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
    query.set('limit', '100');
    if (after !== null) query.set('after', String(after));
    const answer = await client.read(`${path.split('?')[0]}?${query}`, { minIndex });
    items.push(...(answer[field] ?? []).filter(keep));
    if (answer.nextAfter === undefined || answer.nextAfter === null) return { items, more: false };
    after = answer.nextAfter;
  }
  return { items, more: true };
}

/** A counterparty as the API shows it to this reader: a pseudonym (P<n>, marked) or, after the trade, its id. */
export function party(name) {
  if (name === undefined || name === null || name === '') return html`<span class="fx-muted">${t('otc.hidden')}</span>`;
  return PSEUDONYM.test(name)
    ? html`<span class="fx-pseudonym" data-pseudonym=${name} title=${t('otc.pseudonym.title')}>${t('otc.pseudonym', { name })}</span>`
    : html`<span class="fx-revealed" data-party=${name}>${name}</span>`;
}

/** Basis points of NAV as a percentage, or the none sign. */
export function ofNav(bp) {
  return bp === undefined || bp === null ? t('app.none') : percentFromBasisPoints(bp);
}

/** A state word: {@code otc.<kind>.<value>}. */
export function state(kind, value) {
  return value ? t(`otc.${kind}.${value}`) : t('app.none');
}

/** A yes/no mark for an acceptance. */
export function accepted(value) {
  return value ? t('otc.yes') : t('otc.no');
}

/** The note shown when a list was cut at MAX_PAGES. */
export function moreNote(more) {
  return more ? html`<p class="fx-note">${t('otc.more', { count: MAX_PAGES * 100 })}</p>` : nothing;
}

/** A table with its header keys, or the empty-list message ({@code <id>-empty}; default: nothing here yet). */
export function table(id, headers, rows, emptyKey = 'otc.none') {
  return baseTable(id, headers, rows, emptyKey);
}
