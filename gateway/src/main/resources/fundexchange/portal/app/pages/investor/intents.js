// "My intents" (我的投资意向): what the investor wants to buy (GET /intents), as the matcher reads it (docs/matching.md):
// the funds it names or the criteria a fund must meet, the amount range, the most it pays as % of NAV, the expiry.
// It posts one (POST /intents), amends it (POST /intents/{id}/amend: its live proposals lapse and it is matched again)
// or withdraws it (POST /intents/{id}/cancel). Nobody but the investor, staff and regulators sees an intent.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time, decimal } from '../../format.js';
import { zonedToEpoch, epochToZoned } from '../../zoned.js';
import { PortalPage } from '../portal-page.js';
import { loadFunds, table, ofNav, state } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

const AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/;
const PERCENT = /^(0|[1-9][0-9]{0,3})(\.[0-9]{1,2})?$/;

/** A percentage with at most two decimals as basis points (e.g. "85.5" as 8550), or null. */
function basisPoints(text) {
  if (!PERCENT.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Basis points as the percentage the form takes back (8550 as "85.50"). */
function percentText(bp) {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

class FxInvestorIntents extends PortalPage {
  static properties = {
    ...PortalPage.properties, intents: { state: true }, funds: { state: true }, more: { state: true },
    mode: { state: true }, editing: { state: true }, status: { state: true },
  };

  constructor() {
    super();
    this.intents = null;
    this.funds = new Map();
    this.mode = 'funds';
    this.editing = null;
    this.status = 'OPEN';
  }

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, intents] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, this.status ? `/intents?status=${this.status}` : '/intents', 'intents', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.intents = intents.items.reverse();
    this.more = intents.nextAfter;
  }

  /** The intent's target as people read it: the funds named, or each criterion given. */
  target(i) {
    if (i.fundCodes?.length) return t('otc.intent.funds', { funds: i.fundCodes.join(', ') });
    const parts = [];
    if (i.strategies?.length) parts.push(t('otc.intent.strategies', { value: i.strategies.join(', ') }));
    if (i.vintageFrom !== undefined && i.vintageFrom !== null) parts.push(t('otc.intent.vintageFrom', { value: i.vintageFrom }));
    if (i.vintageTo !== undefined && i.vintageTo !== null) parts.push(t('otc.intent.vintageTo', { value: i.vintageTo }));
    for (const name of ['currency', 'manager', 'legalForm']) {
      if (i[name]) parts.push(t(`otc.intent.${name}`, { value: i[name] }));
    }
    return parts.length ? parts.join('; ') : t('otc.intent.anyFund');
  }

  /** The form's body in the API's grammar, or a message key naming what is wrong. */
  body(form) {
    const value = name => (form[name]?.value ?? '').trim();
    const body = {};
    if (this.mode === 'funds') {
      const codes = [...this.querySelectorAll('input[name=intent-fund]:checked')].map(box => box.value);
      if (codes.length === 0 || codes.length > 50) return 'otc.intent.check.funds';
      body.fundCodes = codes;
    } else {
      const criteria = {};
      const strategies = value('strategies').split(',').map(s => s.trim()).filter(Boolean);
      if (strategies.length > 20) return 'otc.intent.check.strategies';
      if (strategies.length) criteria.strategies = strategies;
      for (const name of ['vintageFrom', 'vintageTo']) {
        if (value(name) === '') continue;
        if (!/^[12][0-9]{3}$/.test(value(name))) return 'otc.intent.check.vintage';
        criteria[name] = Number(value(name));
      }
      if (value('currency')) {
        if (!/^[A-Z]{3}$/.test(value('currency'))) return 'otc.intent.check.currency';
        criteria.currency = value('currency');
      }
      if (value('manager')) criteria.manager = value('manager');
      if (value('legalForm')) criteria.legalForm = value('legalForm');
      body.criteria = criteria;
    }
    if (!AMOUNT.test(value('minAmount')) || !AMOUNT.test(value('maxAmount'))) return 'otc.intent.check.amount';
    body.minAmount = value('minAmount');
    body.maxAmount = value('maxAmount');
    const bp = basisPoints(value('maxPercent'));
    if (bp === null || bp < 1 || bp > 100000) return 'otc.intent.check.percent';
    body.maxPercentOfNavBasisPoints = bp;
    if (value('expires') !== '') {
      const epoch = zonedToEpoch(value('expires'), this.client.exchange.zone);
      if (epoch === null) return 'otc.check.time';
      body.expiresAt = epoch;
    }
    return body;
  }

  async submit(event) {
    event.preventDefault();
    const body = this.body(event.target.elements);
    if (typeof body === 'string') {
      this.refuse(body);
      return;
    }
    const editing = this.editing;
    const answer = editing
      ? await this.write(`/intents/${editing.intentId}/amend`, body, 'otc.intent.amended', { id: editing.intentId })
      : await this.write('/intents', body, 'otc.intent.posted');
    if (answer) {
      this.editing = null;
      event.target.reset();
    }
  }

  /** Loads an intent's terms into the form to amend them. */
  edit(i) {
    this.editing = i;
    this.mode = i.fundCodes?.length ? 'funds' : 'criteria';
    this.updateComplete.then(() => {
      const form = this.querySelector('#intent-form').elements;
      const set = (name, value) => { if (form[name]) form[name].value = value ?? ''; };
      for (const box of this.querySelectorAll('input[name=intent-fund]')) box.checked = (i.fundCodes ?? []).includes(box.value);
      set('strategies', (i.strategies ?? []).join(', '));
      set('vintageFrom', i.vintageFrom);
      set('vintageTo', i.vintageTo);
      set('currency', i.currency);
      set('manager', i.manager);
      set('legalForm', i.legalForm);
      set('minAmount', i.minAmount);
      set('maxAmount', i.maxAmount);
      set('maxPercent', percentText(i.maxPercentOfNavBasisPoints));
      set('expires', i.expiresAt ? epochToZoned(i.expiresAt, this.client.exchange.zone) : '');
    });
  }

  render() {
    if (this.intents === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const zone = this.client.exchange.zone;
    const rows = this.intents.map(i => html`<tr data-intent=${i.intentId} id=${`intent-${i.intentId}`} data-status=${i.status}>
      <td>${i.intentId}</td><td>${this.target(i)}</td><td>${decimal(i.minAmount, { minFraction: 2 })} – ${decimal(i.maxAmount, { minFraction: 2 })}</td>
      <td>${ofNav(i.maxPercentOfNavBasisPoints)}</td><td>${i.expiresAt ? time(i.expiresAt, zone) : t('otc.noExpiry')}</td>
      <td>${state('intent', i.status)}</td>
      <td>${i.status === 'OPEN' ? html`<div class="fx-actions">
        <button type="button" class="fx-secondary" id=${`intent-amend-${i.intentId}`} ?disabled=${this.busy}
          @click=${() => this.edit(i)}>${t('otc.intent.amend')}</button>
        <button type="button" class="fx-secondary" id=${`intent-cancel-${i.intentId}`} ?disabled=${this.busy}
          @click=${() => this.write(`/intents/${i.intentId}/cancel`, {}, 'otc.intent.cancelled', { id: i.intentId })}>${t('otc.intent.cancel')}</button>
      </div>` : nothing}</td></tr>`);
    return html`<section class="fx-page fx-investor" id="investor-intents">
      <h1>${t('investor.nav.intents')}</h1>
      <p class="fx-intro">${t('otc.intent.intro')}</p>
      <details class="fx-note" id="intent-terms" open><summary>${t('otc.intent.terms.title')}</summary>
        <ol><li>${t('otc.intent.terms.fund')}</li><li>${t('otc.intent.terms.price')}</li>
          <li>${t('otc.intent.terms.size')}</li><li>${t('otc.intent.terms.rules')}</li></ol>
        <p>${t('otc.intent.terms.rank')}</p></details>
      ${this.renderForm()}
      ${this.renderOutcome('intents-outcome')}
      <label class="fx-filter">${t('otc.status')}
        <select id="intents-status" @change=${e => { this.status = e.target.value; this.pager.first(); this.refresh(0n); }}>
          <option value="" ?selected=${this.status === ''}>${t('otc.all')}</option>
          ${['OPEN', 'FILLED', 'CANCELLED', 'EXPIRED'].map(s => html`<option value=${s} ?selected=${this.status === s}>${state('intent', s)}</option>`)}
        </select></label>
      ${table('intents-table', ['otc.intent', 'otc.intent.target', 'otc.intent.amounts', 'otc.intent.maxOfNav',
        'otc.expires', 'otc.status', 'otc.actions'], rows, 'otc.intent.none')}
      ${renderPager('intents-list', this.pager, this.more, () => this.refresh(0n))}
    </section>`;
  }

  renderForm() {
    const zone = this.client.exchange.zone;
    const editing = this.editing;
    return html`<form class="fx-form" id="intent-form" @submit=${e => this.submit(e)} novalidate>
      <h2>${editing ? t('otc.intent.amendTitle', { id: editing.intentId }) : t('otc.intent.postTitle')}</h2>
      <fieldset class="fx-mode"><legend>${t('otc.intent.target')}</legend>
        <label class="fx-check"><input type="radio" name="mode" id="intent-mode-funds" ?checked=${this.mode === 'funds'}
          @change=${() => { this.mode = 'funds'; }}>${t('otc.intent.byFunds')}</label>
        <label class="fx-check"><input type="radio" name="mode" id="intent-mode-criteria" ?checked=${this.mode === 'criteria'}
          @change=${() => { this.mode = 'criteria'; }}>${t('otc.intent.byCriteria')}</label></fieldset>
      ${this.mode === 'funds' ? html`<fieldset class="fx-mode" id="intent-funds"><legend>${t('otc.intent.fundsLegend')}</legend>
        ${[...this.funds.values()].map(f => html`<label class="fx-check"><input type="checkbox" name="intent-fund"
          id=${`intent-fund-${f.code}`} value=${f.code}>${f.code} · ${f.shortName}</label>`)}</fieldset>` : html`
        <label>${t('otc.intent.strategiesLabel')}<input name="strategies" id="intent-strategies" autocomplete="off"></label>
        <label>${t('otc.intent.vintageFromLabel')}<input name="vintageFrom" id="intent-vintage-from" inputmode="numeric"></label>
        <label>${t('otc.intent.vintageToLabel')}<input name="vintageTo" id="intent-vintage-to" inputmode="numeric"></label>
        <label>${t('otc.intent.currencyLabel')}<input name="currency" id="intent-currency" autocomplete="off" placeholder="CNY"></label>
        <label>${t('otc.intent.managerLabel')}<input name="manager" id="intent-manager" autocomplete="off"></label>
        <label>${t('otc.intent.legalFormLabel')}<select name="legalForm" id="intent-legal-form">
          <option value="">${t('otc.intent.anyLegalForm')}</option>
          ${['PARTNERSHIP', 'LLC', 'CONTRACTUAL'].map(f => html`<option value=${f}>${t(`otc.legalForm.${f}`)}</option>`)}</select></label>`}
      <label>${t('otc.intent.minAmount')}<input name="minAmount" id="intent-min-amount" inputmode="decimal" autocomplete="off"></label>
      <label>${t('otc.intent.maxAmount')}<input name="maxAmount" id="intent-max-amount" inputmode="decimal" autocomplete="off"></label>
      <label>${t('otc.intent.maxPercent')}<input name="maxPercent" id="intent-max-percent" inputmode="decimal" autocomplete="off">
        <span class="fx-muted">${t('otc.intent.maxPercentHint')}</span></label>
      <label>${t('otc.expires')}<input name="expires" id="intent-expires" autocomplete="off" placeholder="yyyy-mm-dd hh:mm">
        <span class="fx-muted">${t('otc.expiresHint', { zone })}</span></label>
      <div class="fx-actions">
        <button id="intent-submit" ?disabled=${this.busy}>${editing ? t('otc.intent.amendSubmit') : t('otc.intent.postSubmit')}</button>
        ${editing ? html`<button type="button" class="fx-secondary" id="intent-edit-cancel"
          @click=${() => { this.editing = null; this.querySelector('#intent-form').reset(); }}>${t('otc.intent.stopEditing')}</button>` : nothing}
      </div>
    </form>`;
  }
}

customElements.define('fx-investor-intents', FxInvestorIntents);
