// Investor: order entry (BUY) on a fund's continuous book with the book's depth (GET /books/{fundCode}, no owners),
// and the investor's own orders with cancel. Route: #/investor-book.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units } from '../../format.js';
import { PortalPage, INVESTOR, table, fundsByCode, fundMoney } from './common.js';
import { ApiProblem } from '../../api.js';
import { readWindow, Pager, renderPager } from '../paging.js';

class FxInvestorBook extends PortalPage {
  static properties = {
    ...PortalPage.properties, funds: { state: true }, fund: { state: true }, depth: { state: true },
    orders: { state: true },
  };

  constructor() {
    super();
    this.funds = new Map();
    this.fund = '';
    this.depth = null;
    this.orders = null;
    this.pager = new Pager();
  }

  async load(minIndex) {
    const read = path => this.client.read(path, minIndex === undefined ? {} : { minIndex });
    this.funds = await fundsByCode(this.client, minIndex);
    if (!this.fund && this.funds.size > 0) this.fund = [...this.funds.keys()][0];
    const orders = await readWindow(this.client, '/orders', 'orders', minIndex, { start: this.pager.start, pages: 1 });
    this.orders = orders.items;
    this.ordersNext = orders.nextAfter;
    if (!this.fund) return;
    try {
      this.depth = await read(`/books/${encodeURIComponent(this.fund)}`);
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.code !== 107) throw error;
      this.depth = { fundCode: this.fund, missing: true, bids: [], asks: [] };
    }
  }

  choose(code) {
    this.fund = code;
    this.depth = null;
    this.outcome = null;
    this.refresh();
  }

  async order(event) {
    event.preventDefault();
    const form = event.target.elements;
    const body = { fundCode: this.fund, side: 'BUY', units: form.units.value.trim(), price: form.price.value.trim() };
    const answer = await this.write('/orders', body, 'investor.book.placed', body);
    if (answer) event.target.reset();
  }

  render() {
    if (this.orders === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const fund = this.funds.get(this.fund);
    const depth = this.depth;
    return html`<section class="fx-page fx-investor">
      <h1>${t('investor.book.title')}</h1>
      <label>${t('investor.fund')}
        <select id="book-fund" @change=${e => this.choose(e.target.value)}>
          ${[...this.funds.values()].map(f => html`<option value=${f.code} ?selected=${f.code === this.fund}>${f.code} · ${f.shortName}</option>`)}
        </select></label>
      ${depth ? this.renderDepth(depth, fund) : html`<p class="fx-busy">${t('app.loading')}</p>`}
      ${depth && !depth.missing && depth.status === 'OPEN' ? html`
        <form class="fx-form" id="book-order-form" @submit=${e => this.order(e)}>
          <h2>${t('investor.book.buy')}</h2>
          <label>${t('investor.units')}<input id="book-units" name="units" inputmode="decimal" required autocomplete="off"
            placeholder=${depth.lotUnits} pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,2})?"></label>
          <label>${t('investor.book.price')}<input id="book-price" name="price" inputmode="decimal" required autocomplete="off"
            pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,4})?"></label>
          <p class="fx-muted">${t('investor.book.lot', { lot: units(depth.lotUnits) })}</p>
          <button id="book-submit" ?disabled=${this.busy}>${t('investor.book.submit')}</button>
        </form>` : nothing}
      ${this.renderOutcome('book-outcome')}
      <h2>${t('investor.orders.title')}</h2>
      ${table('book-orders', ['investor.orders.id', 'investor.fund', 'investor.orders.side', 'investor.book.price',
        'investor.units', 'investor.orders.open', 'investor.orders.filled', 'investor.orders.status', ''],
        this.orders.map(o => html`<tr data-order=${o.orderId} data-status=${o.status}>
          <td>${o.orderId}</td><td>${o.fundCode}</td><td>${t(`investor.side.${o.side}`)}</td>
          <td>${fundMoney(o.price, this.funds.get(o.fundCode))}</td><td>${units(o.units)}</td>
          <td>${units(o.openUnits)}</td><td>${units(o.filledUnits)}</td>
          <td>${t(`investor.orderStatus.${o.status}`)}${o.rejectCode ? html` <span class="fx-muted">(${t('investor.outcome.code', { code: o.rejectCode })})</span>` : nothing}</td>
          <td>${o.status === 'OPEN' ? html`<button type="button" class="fx-secondary" id=${`order-cancel-${o.orderId}`} ?disabled=${this.busy}
            @click=${() => this.write(`/orders/${o.orderId}/cancel`, {}, 'investor.orders.cancelled', { id: o.orderId })}>${t('investor.orders.cancel')}</button>` : nothing}</td>
        </tr>`), 'investor.orders.none')}
      ${renderPager('book-orders', this.pager, this.ordersNext, () => this.refresh(), this.orders.length)}
    </section>`;
  }

  renderDepth(depth, fund) {
    if (depth.missing) return html`<p id="book-missing">${t('investor.book.noBook')}</p>`;
    const side = (id, key, levels) => html`<div class="fx-depth-side"><h3>${t(key)}</h3>
      ${table(id, ['investor.book.price', 'investor.units', 'investor.book.orders'],
        levels.map(level => html`<tr><td>${fundMoney(level.price, fund)}</td><td>${units(level.units)}</td><td>${level.orders}</td></tr>`),
        'investor.book.emptySide')}</div>`;
    return html`<div class="fx-depth" id="book-depth" data-status=${depth.status}>
      <p>${t('investor.book.status', { status: t(`investor.bookStatus.${depth.status}`) })}</p>
      ${side('book-bids', 'investor.book.bids', depth.bids ?? [])}
      ${side('book-asks', 'investor.book.asks', depth.asks ?? [])}
    </div>`;
  }
}

customElements.define('fx-investor-book', FxInvestorBook);
