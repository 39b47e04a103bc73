// "Offers" (非挂牌报价): the holder's non-listed offers (GET /offers?holder=<itself>: the exchange serves its own only,
// whole, with the ask as % of NAV and as a multiple of its cost, a window of 1,000 at a time with the next offered when
// more follow), who may see each (visibility: every participant as a teaser, or qualified investors only),
// the form that posts one (POST /offers; its units stay locked while it rests) and the withdrawal
// (POST /offers/{id}/withdraw). Quotes on the offers arrive in the quotes inbox (holder-quotes).
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units, money, time, decimal } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { amountProblem, check } from '../input.js';
import { loadFunds, fundLabel, ofNav, state } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import { zonedToEpoch } from '../../zoned.js';
import './trading-messages.js';

const VISIBILITIES = ['QUALIFIED_ONLY', 'PUBLIC_TEASER'];
const STATUSES = ['OPEN', 'FILLED', 'WITHDRAWN', 'EXPIRED'];

class FxHolderOffersPage extends PortalPage {
  static properties = {
    ...PortalPage.properties, funds: { state: true }, holdings: { state: true }, offers: { state: true },
    more: { state: true }, status: { state: true }, checks: { state: true },
  };

  constructor() {
    super();
    this.status = '';
    this.pager = new Pager();
    this.checks = {};
  }

  relevant(entry) {
    return entry.kind !== 'outcome';
  }

  async load(minIndex) {
    const client = this.client;
    const [funds, holdings, offers] = await Promise.all([
      loadFunds(client, minIndex), client.read('/holdings', { minIndex }),
      readWindow(client, `/offers?${new URLSearchParams({ holder: this.participant, ...(this.status ? { status: this.status } : {}) })}`,
        'offers', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.holdings = holdings.holdings ?? [];
    this.offers = offers.items.reverse();
    this.more = offers.nextAfter;
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  /** The form's body in the API's grammar; null (with the field messages shown) when a field is wrong. */
  formBody() {
    const checks = {};
    const amount = (id, scale) => {
      const text = this.value(id);
      const problem = amountProblem(text, scale);
      if (problem) checks[id] = problem;
      return text;
    };
    const fundCode = this.value('offer-fund');
    if (!fundCode) checks['offer-fund'] = t('otc.check.required');
    const body = {
      fundCode, units: amount('offer-units', 2), minLot: amount('offer-min-lot', 2),
      askPrice: amount('offer-ask', 4), visibility: this.value('offer-visibility'),
    };
    const expires = this.value('offer-expires');
    if (expires !== '') {
      const epoch = zonedToEpoch(expires, this.zone);
      if (epoch === null) checks['offer-expires'] = t('otc.check.time');
      body.expiresAt = epoch;
    }
    this.checks = checks;
    return Object.keys(checks).length ? null : body;
  }

  async submit(event) {
    event.preventDefault();
    const body = this.formBody();
    if (body) await this.write('/offers', body);
  }

  render() {
    if (!this.offers) return html`<section class="fx-page fx-holder"><p class="fx-busy">${t('app.loading')}</p></section>`;
    return html`<section class="fx-page fx-holder" id="holder-offers">
      <h1>${t('nav.holderOffers')}</h1>
      <p class="fx-intro">${t('otc.holder.offers.intro')}</p>
      ${this.renderFreshness()}
      ${this.renderForm()}
      ${this.renderOutcome('offers-outcome')}
      <h2>${t('otc.holder.offers.mine')}</h2>
      <label class="fx-filter">${t('otc.status')}
        <select id="offers-status" @change=${e => { this.status = e.target.value; this.pager.first(); this.refresh(0n); }}>
          <option value="" ?selected=${this.status === ''}>${t('otc.all')}</option>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${state('offer', s)}</option>`)}
        </select></label>
      ${this.renderOffers()}
      ${renderPager('offers', this.pager, this.more, () => this.refresh(0n), this.offers.length)}
      <p class="fx-note">${t('otc.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  renderForm() {
    const available = this.holdings.filter(h => Number(h.available) > 0);
    const checked = id => check(this.checks[id], id);
    return html`<form class="fx-form" id="offer-form" @submit=${e => this.submit(e)} novalidate>
      <h2>${t('otc.holder.offers.post')}</h2>
      <label>${t('otc.fund')}
        <select id="offer-fund"><option value="">${t('otc.choose')}</option>
          ${available.map(h => html`<option value=${h.fundCode}>${fundLabel(this.funds, h.fundCode)} ·
            ${t('otc.holder.available', { units: units(h.available) })}</option>`)}</select>${checked('offer-fund')}</label>
      <label>${t('otc.units')}<input id="offer-units" inputmode="decimal" autocomplete="off">${checked('offer-units')}</label>
      <label>${t('otc.minLot')}<input id="offer-min-lot" inputmode="decimal" autocomplete="off">
        <span class="fx-hint">${t('otc.holder.minLotHint')}</span>${checked('offer-min-lot')}</label>
      <label>${t('otc.askPrice')}<input id="offer-ask" inputmode="decimal" autocomplete="off">
        <span class="fx-hint">${t('otc.priceHint')}</span>${checked('offer-ask')}</label>
      <label>${t('otc.visibility')}
        <select id="offer-visibility">${VISIBILITIES.map(v => html`<option value=${v}>${state('visibility', v)}</option>`)}</select>
        <span class="fx-hint">${t('otc.holder.visibilityHint')}</span></label>
      <label>${t('otc.expires')}<input id="offer-expires" autocomplete="off" placeholder="yyyy-mm-dd hh:mm">
        <span class="fx-hint">${t('otc.expiresHint', { zone: this.zone })}</span>${checked('offer-expires')}</label>
      <button id="offer-submit" ?disabled=${this.busy}>${t('otc.holder.offers.submit')}</button>
    </form>`;
  }

  renderOffers() {
    if (this.offers.length === 0) return html`<p class="fx-empty" id="offers-empty">${t('otc.none')}</p>`;
    return html`<table class="fx-table" id="offers-table"><thead><tr>
      <th>${t('otc.offer')}</th><th>${t('otc.fund')}</th><th>${t('otc.units')}</th><th>${t('otc.remaining')}</th>
      <th>${t('otc.minLot')}</th><th>${t('otc.askPrice')}</th><th>${t('otc.ofNav')}</th><th>${t('otc.ofCost')}</th>
      <th>${t('otc.visibility')}</th><th>${t('otc.expires')}</th><th>${t('otc.status')}</th><th></th></tr></thead>
      <tbody>${this.offers.map(o => this.renderOffer(o))}</tbody></table>`;
  }

  renderOffer(o) {
    const currency = this.funds.get(o.fundCode)?.currency || 'CNY';
    return html`<tr id=${`offer-${o.offerId}`} data-offer=${o.offerId} data-status=${o.status}>
      <td>${o.offerId}</td><td>${fundLabel(this.funds, o.fundCode)}</td><td>${units(o.units)}</td>
      <td>${units(o.remaining)}</td><td>${units(o.minLot)}</td><td>${money(o.askPrice, currency)}</td>
      <td>${ofNav(o.askPercentOfNavBasisPoints)}</td><td>${decimal(o.askMultipleOfCost)}×</td>
      <td>${state('visibility', o.visibility)}</td>
      <td>${o.expiresAt ? time(o.expiresAt, this.zone) : t('otc.noExpiry')}</td>
      <td>${state('offer', o.status)}</td>
      <td>${o.status === 'OPEN' ? html`<button type="button" class="fx-secondary" id=${`offer-withdraw-${o.offerId}`}
        ?disabled=${this.busy}
        @click=${() => this.write(`/offers/${o.offerId}/withdraw`, {})}>${t('otc.holder.withdraw')}</button>` : nothing}</td>
    </tr>`;
  }
}

customElements.define('fx-holder-offers-page', FxHolderOffersPage);
