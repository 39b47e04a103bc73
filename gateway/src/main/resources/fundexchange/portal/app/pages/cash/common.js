// What the cash pages share: their base (a PortalPage with its form fields' values and checks), amounts with their
// currency, state words, and the checks of what a person types before anything is signed.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { money } from '../../format.js';
import { epochToZoned, isIsoDate } from '../../zoned.js';
import { amountProblem, renderCheck } from '../input.js';
import { PortalPage } from '../portal-page.js';
import './words.js';

export { table } from '../table.js';
export { readWindow, Pager, renderPager } from '../paging.js';

/** Money's scale on the wire (docs/rules.md, Cash). */
export const MONEY_SCALE = 2;
const CURRENCY = /^[A-Z]{3}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A cash page: {@code value(id)} reads a field, {@code problems(fields)} checks a form, {@code check(id)} draws one. */
export class CashPage extends PortalPage {
  static outcomeId = 'cash-outcome';

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  /** Checks {@code fields} ({id: kind}: amount, currency, date, id, text); true when all pass (else shows why). */
  valid(fields) {
    const checks = {};
    for (const [id, kind] of Object.entries(fields)) {
      const problem = fieldProblem(kind, this.value(id));
      if (problem) checks[id] = problem;
    }
    this.checks = checks;
    return Object.keys(checks).length === 0;
  }

  check(id) {
    return renderCheck(this.checks[id], `${id}-check`);
  }

  /** Today in the platform zone, as the exchange's clock reads it ({@code yyyy-mm-dd}). */
  today() {
    return epochToZoned(this.client.exchange.now(), this.zone).slice(0, 10);
  }
}

function fieldProblem(kind, value) {
  switch (kind) {
    case 'amount': return amountProblem(value, MONEY_SCALE) ? { key: 'cash.check.amount', params: {} } : null;
    case 'currency': return CURRENCY.test(value) ? null : { key: 'cash.check.currency', params: {} };
    case 'date': return isIsoDate(value) ? null : { key: 'cash.check.date', params: {} };
    case 'id': return ID.test(value) ? null : { key: 'cash.check.id', params: {} };
    default: return value ? null : { key: 'cash.check.required', params: {} };
  }
}

/** An amount in its currency (decimal strings, never floats). */
export function cash(amount, currency) {
  return amount === undefined || amount === null ? t('app.none') : money(amount, currency);
}

/** A state word of {@code family} ({@code cash.status}, {@code bank.receiptStatus}, ...), marked for tests. */
export function state(family, value) {
  return html`<span data-state=${value}>${t(`${family}.${value}`)}</span>`;
}
