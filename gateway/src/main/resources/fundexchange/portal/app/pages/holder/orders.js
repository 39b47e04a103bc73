// "Sell orders": the continuous book of a fund the holder holds. Its depth (GET /books/{fundCode}: open orders
// aggregated by price, no owners), a SELL order (POST /orders; units a multiple of the book's lot, checked here on
// the decimal strings), and the holder's own orders of that fund (GET /orders?fund=) with cancel and amend
// (POST /orders/{id}/cancel, /amend {price?, units? (the new open size)}).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money } from '../../format.js';
import { ApiProblem } from '../../api.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import { HolderPage, loadFunds, fundLabel, amountProblem, UNITS_SCALE, PRICE_SCALE } from './common.js';

/** A decimal string at most at {@code scale} as a BigInt scaled by 10^scale (the string passed amountProblem). */
function scaled(text, scale) {
  const [whole, fraction = ''] = String(text).split('.');
  return BigInt(whole + fraction.padEnd(scale, '0'));
}

class FxHolderOrdersPage extends HolderPage {
  static properties = {
    ...HolderPage.properties, funds: { state: true }, holdings: { state: true }, fund: { state: true },
    book: { state: true }, orders: { state: true }, checks: { state: true },
  };

  constructor() {
    super();
    this.fund = '';
    this.checks = {};
  }

  relevant(entry) {
    const data = entry.data ?? {};
    return entry.kind !== 'outcome' && (data.orderId !== undefined || data.fundCode === this.fund);
  }

  async load(minIndex) {
    const client = this.client;
    const [funds, holdings] = await Promise.all([loadFunds(client, minIndex), client.read('/holdings', { minIndex })]);
    this.funds = funds;
    this.holdings = holdings.holdings ?? [];
    if (!this.fund && this.holdings.length) this.fund = this.holdings[0].fundCode;
    if (!this.fund) return;
    const code = encodeURIComponent(this.fund);
    const [book, orders] = await Promise.all([this.readBook(code, minIndex), this.readOrders(code, minIndex)]);
    this.book = book;
    this.orders = orders;
  }

  /** The book's depth, or null when the fund has no book (404). */
  async readBook(code, minIndex) {
    try {
      return await this.client.read(`/books/${code}`, { minIndex });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    }
  }

  /** The holder's orders in the fund, a window of up to WINDOW_PAGES pages; the next window is offered (paging.js). */
  async readOrders(code, minIndex) {
    this.pager ??= new Pager();
    const window = await readWindow(this.client, `/orders?${new URLSearchParams({ fund: decodeURIComponent(code) })}`,
      'orders', minIndex, { start: this.pager.start });
    this.nextAfter = window.nextAfter;
    return window.items.reverse();
  }

  fundChanged(event) {
    this.fund = event.target.value;
    this.pager?.first();
    this.book = undefined;
    this.orders = undefined;
    this.refresh(0n);
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  async place(event) {
    event.preventDefault();
    const checks = {};
    const unitsText = this.value('order-units');
    const priceText = this.value('order-price');
    const unitsProblem = amountProblem(unitsText, UNITS_SCALE);
    if (unitsProblem) checks['order-units'] = unitsProblem;
    else if (this.book && scaled(unitsText, UNITS_SCALE) % scaled(this.book.lotUnits, UNITS_SCALE) !== 0n) {
      checks['order-units'] = { key: 'orders.check.lot', params: { lot: units(this.book.lotUnits) } };
    }
    const priceProblem = amountProblem(priceText, PRICE_SCALE);
    if (priceProblem) checks['order-price'] = priceProblem;
    this.checks = checks;
    if (Object.keys(checks).length) return;
    await this.write('/orders', { fundCode: this.fund, side: 'SELL', units: unitsText, price: priceText });
  }

  cancel(orderId) {
    return this.write(`/orders/${orderId}/cancel`, {});
  }

  async amend(orderId) {
    const checks = {};
    const body = {};
    const priceText = this.value(`amend-price-${orderId}`);
    const unitsText = this.value(`amend-units-${orderId}`);
    if (priceText) {
      const problem = amountProblem(priceText, PRICE_SCALE);
      if (problem) checks[`amend-price-${orderId}`] = problem;
      body.price = priceText;
    }
    if (unitsText) {
      const problem = amountProblem(unitsText, UNITS_SCALE);
      if (problem) checks[`amend-units-${orderId}`] = problem;
      body.units = unitsText;
    }
    if (!priceText && !unitsText) checks[`amend-price-${orderId}`] = { key: 'orders.check.amendSomething', params: {} };
    this.checks = checks;
    if (Object.keys(checks).length) return;
    await this.write(`/orders/${orderId}/amend`, body);
  }

  render() {
    if (!this.funds) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-holder" id="orders-page">
      <h1>${t('orders.title')}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      ${this.holdings.length === 0 ? html`<p>${t('orders.noHoldings')}</p>` : html`
        <label class="fx-filter">${t('holder.fund')}
          <select id="orders-fund" @change=${this.fundChanged}>
            ${this.holdings.map(h => html`<option value=${h.fundCode} ?selected=${h.fundCode === this.fund}>${fundLabel(this.funds,
              h.fundCode)}</option>`)}
          </select></label>
        ${this.book === undefined ? html`<p class="fx-busy">${t('app.loading')}</p>`
          : this.book === null ? html`<p id="orders-no-book">${t('orders.noBook')}</p>` : html`
            ${this.renderDepth()}
            ${this.renderForm()}`}
        ${this.renderOrders()}`}
    </section>`;
  }

  renderDepth() {
    const currency = this.funds.get(this.fund)?.currency;
    const side = (id, titleKey, levels) => html`<div class="fx-depth-side"><h3>${t(titleKey)}</h3>
      ${levels.length === 0 ? html`<p id=${`${id}-empty`}>${t('orders.emptySide')}</p>` : html`<table class="fx-table" id=${id}>
        <thead><tr><th>${t('orders.price')}</th><th>${t('orders.units')}</th><th>${t('orders.count')}</th></tr></thead>
        <tbody>${levels.map(level => html`<tr data-price=${level.price}><td>${money(level.price, currency)}</td>
          <td>${units(level.units)}</td><td>${level.orders}</td></tr>`)}</tbody></table>`}</div>`;
    return html`<h2>${t('orders.depth')}</h2>
      <p id="orders-book-status">${t(`orders.book.${this.book.status}`)} · ${t('orders.lot', { lot: units(this.book.lotUnits) })}</p>
      <div class="fx-depth" id="orders-depth">
        ${side('depth-bids', 'orders.bids', this.book.bids ?? [])}
        ${side('depth-asks', 'orders.asks', this.book.asks ?? [])}
      </div>`;
  }

  renderForm() {
    const holding = this.holdings.find(h => h.fundCode === this.fund);
    return html`<h2>${t('orders.sell')}</h2>
      <form id="order-form" class="fx-form" @submit=${this.place} novalidate>
        <p class="fx-note">${t('orders.available', { units: units(holding?.available ?? '0') })}</p>
        <label>${t('orders.units')}<input id="order-units" autocomplete="off">
          <span class="fx-hint">${t('orders.hint.units', { lot: units(this.book.lotUnits) })}</span>
          ${HolderPage.renderCheck(this.checks['order-units'], 'order-units-problem')}</label>
        <label>${t('orders.price')}<input id="order-price" autocomplete="off">
          <span class="fx-hint">${t('orders.hint.price')}</span>
          ${HolderPage.renderCheck(this.checks['order-price'], 'order-price-problem')}</label>
        <button id="order-submit" type="submit" ?disabled=${this.outcome?.state === 'busy'}>${t('orders.submit')}</button>
      </form>`;
  }

  renderOrders() {
    const orders = this.orders ?? [];
    const currency = this.funds.get(this.fund)?.currency;
    return html`<h2>${t('orders.mine')}</h2>
      ${orders.length === 0 ? html`<p id="orders-empty">${t('holder.none')}</p>` : html`<table class="fx-table" id="orders-table">
        <thead><tr><th>${t('orders.id')}</th><th>${t('orders.side')}</th><th>${t('orders.price')}</th>
          <th>${t('orders.units')}</th><th>${t('orders.open')}</th><th>${t('orders.filled')}</th>
          <th>${t('orders.status')}</th><th>${t('orders.actions')}</th></tr></thead>
        <tbody>${orders.map(o => html`<tr id=${`order-${o.orderId}`} data-status=${o.status}>
          <td>${o.orderId}</td><td>${t(`side.${o.side}`)}</td><td>${money(o.price, currency)}</td>
          <td>${units(o.units)}</td><td>${units(o.openUnits)}</td><td>${units(o.filledUnits)}</td>
          <td data-field="status">${t(`orderStatus.${o.status}`)}${o.rejectCode ? html` · ${t('orders.cancelledBy', { code: o.rejectCode })}` : nothing}</td>
          <td>${o.status === 'OPEN' ? this.renderActions(o) : nothing}</td></tr>`)}</tbody></table>`}
      ${renderPager('orders', this.pager, this.nextAfter, () => this.refresh(0n), orders.length)}`;
  }

  renderActions(o) {
    const busy = this.outcome?.state === 'busy';
    return html`<div class="fx-actions">
      <button type="button" id=${`order-cancel-${o.orderId}`} ?disabled=${busy} @click=${() => this.cancel(o.orderId)}>${t('orders.cancel')}</button>
      <input id=${`amend-price-${o.orderId}`} class="fx-small" placeholder=${t('orders.newPrice')} aria-label=${t('orders.newPrice')}>
      <input id=${`amend-units-${o.orderId}`} class="fx-small" placeholder=${t('orders.newUnits')} aria-label=${t('orders.newUnits')}>
      <button type="button" id=${`order-amend-${o.orderId}`} ?disabled=${busy} @click=${() => this.amend(o.orderId)}>${t('orders.amend')}</button>
      ${HolderPage.renderCheck(this.checks[`amend-price-${o.orderId}`], `amend-price-${o.orderId}-problem`)}
      ${HolderPage.renderCheck(this.checks[`amend-units-${o.orderId}`], `amend-units-${o.orderId}-problem`)}
    </div>`;
  }
}

addMessages({
  en: {
    'orders.title': 'Sell on the order book',
    'orders.noHoldings': 'You hold no units to sell.',
    'orders.noBook': 'This fund has no continuous order book.',
    'orders.depth': 'Order book',
    'orders.book.OPEN': 'Open for orders',
    'orders.book.HALTED': 'Halted',
    'orders.lot': 'lot {lot} units',
    'orders.bids': 'Buyers',
    'orders.asks': 'Sellers',
    'orders.emptySide': 'No orders.',
    'orders.price': 'Price per unit',
    'orders.units': 'Units',
    'orders.count': 'Orders',
    'orders.sell': 'Place a sell order',
    'orders.available': 'Available to sell: {units} units',
    'orders.hint.units': 'A multiple of the lot ({lot}).',
    'orders.hint.price': 'Up to 4 decimals.',
    'orders.check.lot': 'The units must be a multiple of the lot ({lot}).',
    'orders.check.amendSomething': 'Enter a new price or a new open size.',
    'orders.submit': 'Sign and place the sell order',
    'orders.mine': 'My orders in this fund',
    'orders.id': 'Order',
    'orders.side': 'Side',
    'orders.open': 'Open',
    'orders.filled': 'Filled',
    'orders.status': 'Status',
    'orders.actions': 'Change',
    'orders.cancelledBy': 'cancelled by the exchange, code {code}',
    'orders.cancel': 'Cancel',
    'orders.amend': 'Amend',
    'orders.newPrice': 'New price',
    'orders.newUnits': 'New open units',
  },
  'zh-CN': {
    'orders.title': '在委托簿上卖出',
    'orders.noHoldings': '您没有可卖出的份额。',
    'orders.noBook': '该基金没有连续竞价委托簿。',
    'orders.depth': '委托簿',
    'orders.book.OPEN': '接受委托',
    'orders.book.HALTED': '已暂停',
    'orders.lot': '交易单位 {lot} 份',
    'orders.bids': '买方',
    'orders.asks': '卖方',
    'orders.emptySide': '暂无委托。',
    'orders.price': '每份额价格',
    'orders.units': '份额',
    'orders.count': '委托笔数',
    'orders.sell': '提交卖出委托',
    'orders.available': '可卖出：{units} 份',
    'orders.hint.units': '须为交易单位（{lot}）的整数倍。',
    'orders.hint.price': '最多 4 位小数。',
    'orders.check.lot': '份额须为交易单位（{lot}）的整数倍。',
    'orders.check.amendSomething': '请输入新价格或新的未成交份额。',
    'orders.submit': '签名并提交卖出委托',
    'orders.mine': '我在该基金的委托',
    'orders.id': '委托编号',
    'orders.side': '方向',
    'orders.open': '未成交',
    'orders.filled': '已成交',
    'orders.status': '状态',
    'orders.actions': '修改',
    'orders.cancelledBy': '由平台撤销，代码 {code}',
    'orders.cancel': '撤单',
    'orders.amend': '改单',
    'orders.newPrice': '新价格',
    'orders.newUnits': '新的未成交份额',
  },
});

customElements.define('fx-holder-orders-page', FxHolderOrdersPage);
