// What the cash pages share: their base (a PortalPage with its form fields' values and checks), amounts with their
// currency, state words, and the checks of what a person types before anything is signed.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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
/** The API's grammar (docs/api.md, Cash): a bank reference; a reason or remitter, at most 200 characters, no control one. */
const REFERENCE = /^[A-Za-z0-9._-]{1,64}$/;
const REASON_MAX = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A cash page: {@code value(id)} reads a field, {@code problems(fields)} checks a form, {@code check(id)} draws one. */
export class CashPage extends PortalPage {
  static outcomeId = 'cash-outcome';

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  /**
   * Checks {@code fields} ({id: kind}: amount, balance (zero allowed), currency, date, id, reference, reason, remitter
   * (reason's grammar, may be empty), text); true when all pass (else shows why).
   */
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

  /**
   * The registrar's decision on a trade's registration change (rules version 8): confirm it, or refuse it with the
   * reason typed in {@code refuse-<tradeId>}, checked in the API's grammar first. No maker-checker: the registrar alone
   * decides (docs/rules.md, Delivery versus payment).
   */
  register(tradeId, confirm) {
    if (confirm) {
      this.write(`/trades/${tradeId}/registration/confirm`, {}, 'cash.trade.confirmed');
    } else if (this.valid({ [`refuse-${tradeId}`]: 'reason' })) {
      this.write(`/trades/${tradeId}/registration/refuse`, { reason: this.value(`refuse-${tradeId}`) },
        'cash.trade.refused');
    }
  }

  /** The registrar's actions on a trade awaiting its registration change: confirm, or a reason and refuse. */
  renderRegistration(tradeId) {
    return html`<button class="fx-confirm" ?disabled=${this.busy}
      @click=${() => this.register(tradeId, true)}>${t('cash.trade.confirm')}</button>
      <input id=${`refuse-${tradeId}`} aria-label=${t('cash.trade.reason')} autocomplete="off">
      ${this.check(`refuse-${tradeId}`)}<button class="fx-refuse" ?disabled=${this.busy}
      @click=${() => this.register(tradeId, false)}>${t('cash.trade.refuse')}</button>`;
  }

  /** Today in the platform zone, as the exchange's clock reads it ({@code yyyy-mm-dd}). */
  today() {
    return epochToZoned(this.client.exchange.now(), this.zone).slice(0, 10);
  }
}

function fieldProblem(kind, value) {
  switch (kind) {
    case 'amount': return amountProblem(value, MONEY_SCALE) ? { key: 'cash.check.amount', params: {} } : null;
    case 'balance': return value === '0' || /^0\.0{1,2}$/.test(value) || !amountProblem(value, MONEY_SCALE) ? null
      : { key: 'cash.check.balance', params: {} };
    case 'reference': return REFERENCE.test(value) ? null : { key: 'cash.check.reference', params: {} };
    case 'reason': return value ? reasonProblem(value) : { key: 'cash.check.required', params: {} };
    case 'remitter': return value ? reasonProblem(value) : null;
    case 'currency': return CURRENCY.test(value) ? null : { key: 'cash.check.currency', params: {} };
    case 'date': return isIsoDate(value) ? null : { key: 'cash.check.date', params: {} };
    case 'id': return ID.test(value) ? null : { key: 'cash.check.id', params: {} };
    default: return value ? null : { key: 'cash.check.required', params: {} };
  }
}

function reasonProblem(value) {
  return value.length <= REASON_MAX && !CONTROL.test(value) ? null : { key: 'cash.check.reason', params: { max: REASON_MAX } };
}

/**
 * Rows keyed by {@code key} (lit's repeat): a refresh that adds or removes rows moves each row's DOM, and what was typed
 * in it, with its item, so a value typed for one row never acts on another. An empty list stays an empty array.
 */
export function keyed(items, key, row) {
  return items.length === 0 ? [] : repeat(items, key, row);
}

/** "More follow": a list read in one window whose {@code nextAfter} says it is longer (the page shows what it holds). */
export function moreNote(id, nextAfter) {
  return nextAfter === undefined || nextAfter === null ? nothing
    : html`<p class="fx-note" id=${`${id}-more`}>${t('paging.moreFollow')}</p>`;
}

/** An amount in its currency (decimal strings, never floats). */
export function cash(amount, currency) {
  return amount === undefined || amount === null ? t('app.none') : money(amount, currency);
}

/** A state word of {@code family} ({@code cash.status}, {@code bank.receiptStatus}, ...), marked for tests. */
export function state(family, value) {
  return html`<span data-state=${value}>${t(`${family}.${value}`)}</span>`;
}
