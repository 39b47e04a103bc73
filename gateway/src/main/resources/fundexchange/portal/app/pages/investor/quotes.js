// "My quotes" (我的询价): the investor's quotes (GET /quotes) with their rounds; on its turn (after the holder's
// counter) it accepts (POST /quotes/{id}/accept: the trade) or counters (POST /quotes/{id}/counter), and it may decline
// an open quote at any time. The holder stays unnamed until an accepted quote makes the trade.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { loadFunds, table, fundMoney, party, ofNav, state } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

const PRICE = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?$/;
const UNITS = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/;

class FxInvestorQuotes extends PortalPage {
  static properties = { ...PortalPage.properties, quotes: { state: true }, funds: { state: true }, more: { state: true } };

  constructor() {
    super();
    this.quotes = null;
    this.funds = new Map();
  }

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, quotes] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, '/quotes', 'quotes', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.quotes = quotes.items.reverse();
    this.more = quotes.nextAfter;
  }

  async counter(q) {
    const price = (this.querySelector(`#quote-price-${q.quoteId}`)?.value ?? '').trim();
    const lot = (this.querySelector(`#quote-units-${q.quoteId}`)?.value ?? '').trim();
    if (!PRICE.test(price) || !UNITS.test(lot)) {
      this.refuse('otc.investor.badQuote');
      return;
    }
    await this.write(`/quotes/${q.quoteId}/counter`, { price, units: lot }, 'otc.investor.countered', { id: q.quoteId });
  }

  render() {
    if (this.quotes === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const rows = this.quotes.map(q => this.renderQuote(q));
    return html`<section class="fx-page fx-investor" id="investor-quotes">
      <h1>${t('investor.nav.quotes')}</h1>
      <p class="fx-intro">${t('otc.investor.quotes.intro')}</p>
      ${this.renderOutcome('quotes-outcome')}
      ${table('quotes-table', ['otc.quote', 'otc.offer', 'otc.fund', 'otc.holder', 'otc.price', 'otc.units',
        'otc.ofNav', 'otc.rounds', 'otc.turn', 'otc.status', 'otc.actions'], rows, 'otc.investor.quotes.none')}
      ${renderPager('quotes-list', this.pager, this.more, () => this.refresh(0n))}
    </section>`;
  }

  renderQuote(q) {
    const fund = this.funds.get(q.fundCode);
    const open = q.status === 'OPEN';
    const mine = open && q.turn === 'INVESTOR';
    return html`<tr data-quote=${q.quoteId} id=${`quote-${q.quoteId}`} data-status=${q.status} data-turn=${q.turn ?? ''}>
      <td>${q.quoteId}</td><td>${q.offerId}</td><td>${q.fundCode}</td><td class="fx-party">${party(q.holder)}</td>
      <td>${fundMoney(q.price, fund)}</td><td>${units(q.units)}</td><td>${ofNav(q.percentOfNavBasisPoints)}</td>
      <td>${q.rounds}</td><td>${open ? state('turn', q.turn) : t('app.none')}</td>
      <td>${state('quote', q.status)}${q.closedBy ? html` <span class="fx-muted">(${state('side', q.closedBy)})</span>` : nothing}</td>
      <td>${open ? html`<div class="fx-actions">
        ${mine ? html`
          <button type="button" id=${`quote-accept-${q.quoteId}`} ?disabled=${this.busy}
            @click=${() => this.write(`/quotes/${q.quoteId}/accept`, {}, 'otc.investor.acceptedQuote', { id: q.quoteId })}>${t('otc.accept')}</button>
          <input class="fx-small" id=${`quote-price-${q.quoteId}`} inputmode="decimal" autocomplete="off"
            placeholder=${t('otc.price')} aria-label=${t('otc.price')}>
          <input class="fx-small" id=${`quote-units-${q.quoteId}`} inputmode="decimal" autocomplete="off"
            aria-label=${t('otc.units')} .value=${q.units}>
          <button type="button" class="fx-secondary" id=${`quote-counter-${q.quoteId}`} ?disabled=${this.busy}
            @click=${() => this.counter(q)}>${t('otc.counter')}</button>` : html`<span class="fx-muted">${t('otc.waiting')}</span>`}
        <button type="button" class="fx-secondary" id=${`quote-decline-${q.quoteId}`} ?disabled=${this.busy}
          @click=${() => this.write(`/quotes/${q.quoteId}/decline`, {}, 'otc.investor.declinedQuote', { id: q.quoteId })}>${t('otc.decline')}</button>
      </div>` : nothing}</td></tr>`;
  }
}

customElements.define('fx-investor-quotes', FxInvestorQuotes);
