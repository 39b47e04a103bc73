// "Quotes inbox" (询价收件箱): the quotes investors made on the holder's offers (GET /quotes), each investor shown only
// by its pseudonym on the offer (P<n>) until an accepted quote makes the trade and reveals it; on the holder's turn it
// accepts (POST /quotes/{id}/accept: the trade) or counters with new terms (POST /quotes/{id}/counter), and it may
// decline an open quote at any time (POST /quotes/{id}/decline).
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units, money } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { amountProblem, check } from '../input.js';
import { loadFunds, fundLabel, party, ofNav, state } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

const STATUSES = ['OPEN', 'ACCEPTED', 'DECLINED', 'LAPSED'];

class FxHolderQuotesPage extends PortalPage {
  static properties = {
    ...PortalPage.properties, funds: { state: true }, quotes: { state: true }, more: { state: true },
    status: { state: true }, checks: { state: true },
  };

  constructor() {
    super();
    this.status = 'OPEN';
    this.checks = {};
  }

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, quotes] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, this.status ? `/quotes?status=${this.status}` : '/quotes', 'quotes', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.quotes = quotes.items.reverse();
    this.more = quotes.nextAfter;
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  async counter(quote) {
    const price = this.value(`quote-price-${quote.quoteId}`);
    const lot = this.value(`quote-units-${quote.quoteId}`);
    const checks = {};
    const priceProblem = amountProblem(price, 4);
    const unitsProblem = amountProblem(lot, 2);
    if (priceProblem) checks[`quote-price-${quote.quoteId}`] = priceProblem;
    if (unitsProblem) checks[`quote-units-${quote.quoteId}`] = unitsProblem;
    this.checks = checks;
    if (Object.keys(checks).length === 0) await this.write(`/quotes/${quote.quoteId}/counter`, { price, units: lot });
  }

  render() {
    if (!this.quotes) return html`<section class="fx-page fx-holder"><p class="fx-busy">${t('app.loading')}</p></section>`;
    return html`<section class="fx-page fx-holder" id="holder-quotes">
      <h1>${t('nav.holderQuotes')}</h1>
      <p class="fx-intro">${t('otc.holder.quotes.intro')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome('quotes-outcome')}
      <label class="fx-filter">${t('otc.status')}
        <select id="quotes-status" @change=${e => { this.status = e.target.value; this.pager.first(); this.refresh(0n); }}>
          <option value="" ?selected=${this.status === ''}>${t('otc.all')}</option>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${state('quote', s)}</option>`)}
        </select></label>
      ${this.quotes.length === 0 ? html`<p class="fx-empty" id="quotes-empty">${t('otc.none')}</p>` : html`
        <table class="fx-table" id="quotes-table"><thead><tr>
          <th>${t('otc.quote')}</th><th>${t('otc.offer')}</th><th>${t('otc.fund')}</th><th>${t('otc.investor')}</th>
          <th>${t('otc.price')}</th><th>${t('otc.units')}</th><th>${t('otc.ofNav')}</th><th>${t('otc.rounds')}</th>
          <th>${t('otc.turn')}</th><th>${t('otc.status')}</th><th>${t('otc.actions')}</th></tr></thead>
          <tbody>${this.quotes.map(q => this.renderQuote(q))}</tbody></table>`}
      ${renderPager('quotes-list', this.pager, this.more, () => this.refresh(0n))}
    </section>`;
  }

  renderQuote(q) {
    const currency = this.funds.get(q.fundCode)?.currency || 'CNY';
    const open = q.status === 'OPEN';
    const mine = open && q.turn === 'HOLDER';
    const busy = this.busy;
    const checked = id => check(this.checks[id], id);
    return html`<tr id=${`quote-${q.quoteId}`} data-quote=${q.quoteId} data-status=${q.status} data-turn=${q.turn ?? ''}>
      <td>${q.quoteId}</td><td>${q.offerId}</td><td>${fundLabel(this.funds, q.fundCode)}</td>
      <td class="fx-party">${party(q.investor)}</td>
      <td>${money(q.price, currency)}</td><td>${units(q.units)}</td><td>${ofNav(q.percentOfNavBasisPoints)}</td>
      <td>${q.rounds}</td><td>${open ? state('turn', q.turn) : t('app.none')}</td>
      <td>${state('quote', q.status)}${q.closedBy ? html` <span class="fx-muted">(${state('side', q.closedBy)})</span>` : nothing}</td>
      <td>${open ? html`<div class="fx-actions">
        ${mine ? html`
          <button type="button" id=${`quote-accept-${q.quoteId}`} ?disabled=${busy}
            @click=${() => this.write(`/quotes/${q.quoteId}/accept`, {})}>${t('otc.accept')}</button>
          <input class="fx-small" id=${`quote-price-${q.quoteId}`} inputmode="decimal" autocomplete="off"
            placeholder=${t('otc.price')} aria-label=${t('otc.price')}>${checked(`quote-price-${q.quoteId}`)}
          <input class="fx-small" id=${`quote-units-${q.quoteId}`} inputmode="decimal" autocomplete="off"
            placeholder=${t('otc.units')} aria-label=${t('otc.units')} .value=${q.units}>${checked(`quote-units-${q.quoteId}`)}
          <button type="button" class="fx-secondary" id=${`quote-counter-${q.quoteId}`} ?disabled=${busy}
            @click=${() => this.counter(q)}>${t('otc.counter')}</button>` : html`<span class="fx-muted">${t('otc.waiting')}</span>`}
        <button type="button" class="fx-secondary" id=${`quote-decline-${q.quoteId}`} ?disabled=${busy}
          @click=${() => this.write(`/quotes/${q.quoteId}/decline`, {})}>${t('otc.decline')}</button></div>` : nothing}</td>
    </tr>`;
  }
}

customElements.define('fx-holder-quotes-page', FxHolderQuotesPage);
