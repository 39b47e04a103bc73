// What the non-listed trading pages of holders, investors and staff share (docs/matching.md): the words for offer,
// quote, intent and match states, a counterparty shown as the API gives it (a pseudonym P<n> until the trade, marked
// as one), and the inline terms form of a counter or a brokering.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { percentFromBasisPoints } from '../../format.js';
import { table as baseTable } from '../table.js';
import './messages.js';

export { loadFunds, fundLabel, fundMoney } from '../funds.js';

const PSEUDONYM = /^P[1-9][0-9]*$/;

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

/** A table with its header keys, or the empty-list message ({@code <id>-empty}; default: nothing here yet). */
export function table(id, headers, rows, emptyKey = 'otc.none') {
  return baseTable(id, headers, rows, emptyKey);
}
