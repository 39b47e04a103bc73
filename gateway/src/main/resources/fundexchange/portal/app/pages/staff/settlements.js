// "Settlement" for staff (交收): the trades awaiting settlement (GET /trades?status=PENDING_SETTLEMENT, oldest first, each
// with its execution time and how long it has waited, like the other work queues; settled and failed ones by the status
// filter, newest first with order=desc) with the deadline; staff confirm a settlement (POST /trades/{id}/settle) or
// propose its failure (POST /proposals with FailSettlement and a reason), which a second staff member approves among
// the maker-checker proposals. A book trade settles in its fund's daily batch (POST /books/{fund}/settle-batch). Every
// list is read a window of 1,000 at a time; when more follow the page says so and offers the next window (paging.js).
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money, time } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { check } from '../input.js';
import { loadFunds, fundLabel, ofNav, state } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import { waited } from '../ageing.js';
import './trading-messages.js';

const STATUSES = ['PENDING_SETTLEMENT', 'SETTLED', 'FAILED'];

const REASON = /^\S[\s\S]{0,199}$/;

addMessages({
  en: {
    'settlements.executedAt': 'Executed at',
    'settlements.waiting': 'Waiting',
    'settlements.oldest': 'The oldest has waited {waited}.',
    'settlements.oldestUnknown': 'The oldest trade was executed before the registry recorded execution times.',
    'settlements.newestFirst': 'Newest first.',
    'settlements.noTime': 'not recorded',
    'settlements.settleBy': 'Settle by {time}',
  },
  'zh-CN': {
    'settlements.executedAt': '成交时间',
    'settlements.waiting': '已等待',
    'settlements.oldest': '最早一笔已等待 {waited}。',
    'settlements.oldestUnknown': '最早一笔成交早于登记簿开始记录成交时间。',
    'settlements.newestFirst': '按时间由新到旧排列。',
    'settlements.noTime': '未记录',
    'settlements.settleBy': '交收期限 {time}',
  },
});

class FxStaffSettlements extends PortalPage {
  static clock = true; // waiting times on the exchange's clock

  static properties = {
    ...PortalPage.properties, funds: { state: true }, trades: { state: true }, more: { state: true },
    status: { state: true }, checks: { state: true },
  };

  constructor() {
    super();
    this.status = 'PENDING_SETTLEMENT';
    this.checks = {};
    this.pager = new Pager();
  }

  async load(minIndex) {
    const order = this.status === 'PENDING_SETTLEMENT' ? '' : '&order=desc';
    const [funds, trades, parameters] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, `/trades?status=${this.status}${order}`, 'trades', minIndex, { start: this.pager.start }),
      this.client.read('/parameters', { minIndex })]);
    this.funds = funds;
    this.deadlineDays = Number((parameters.parameters ?? []).find(p => p.name === 'settlement-business-days')?.value ?? 0);
    this.now = this.client.exchange.now();
    this.trades = trades.items;
    this.more = trades.nextAfter;
  }

  /** The oldest pending trade's waiting time, as the work queues show theirs. */
  renderAgeing() {
    if (this.status !== 'PENDING_SETTLEMENT' || this.trades.length === 0 || this.pager.depth > 0) return '';
    const oldest = this.trades[0].executedAt;
    return html`<p class="fx-note" id="settlements-oldest">${oldest === undefined || oldest === null
      ? t('settlements.oldestUnknown') : t('settlements.oldest', { waited: waited(this.now - oldest) })}</p>`;
  }

  ageCells(trade, zone) {
    const at = trade.executedAt;
    if (at === undefined || at === null) {
      return html`<td>${t('otc.staff.atIndex', { index: trade.executedIndex })} · ${t('settlements.noTime')}</td>
        ${this.status === 'PENDING_SETTLEMENT' ? html`<td>${t('app.none')}</td>` : ''}`;
    }
    return html`<td>${time(at, zone)} · ${t('otc.staff.atIndex', { index: trade.executedIndex })}</td>
      ${this.status === 'PENDING_SETTLEMENT' ? html`<td data-field="waiting">${waited(this.now - at)}</td>` : ''}`;
  }

  async proposeFailure(trade) {
    const id = `fail-reason-${trade.tradeId}`;
    const reason = (this.querySelector(`#${id}`)?.value ?? '').trim();
    if (!REASON.test(reason)) {
      this.checks = { [id]: t('otc.check.required') };
      return;
    }
    this.checks = {};
    await this.write('/proposals', { action: { type: 'FailSettlement', tradeId: trade.tradeId, reason } });
  }

  /** The mechanism a trade was made by: a listing, a non-listed offer (quote or brokered match), or the book. */
  static mechanism(trade) {
    if (trade.listingId) return t('otc.staff.viaListing', { id: trade.listingId });
    if (trade.offerId) return t('otc.staff.viaOffer', { id: trade.offerId });
    return t('otc.staff.viaBook');
  }

  render() {
    if (!this.trades) return html`<section class="fx-page"><p class="fx-busy">${t('app.loading')}</p></section>`;
    const zone = this.zone;
    return html`<section class="fx-page fx-staff" id="staff-settlements">
      <h1>${t('staff.nav.settlements')}</h1>
      <p class="fx-intro">${t('otc.staff.settlements.intro')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome('staff-outcome')}
      <label class="fx-filter">${t('otc.status')}
        <select id="settlements-status" @change=${e => { this.status = e.target.value; this.pager.first(); this.refresh(0n); }}>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${state('trade', s)}</option>`)}
        </select></label>
      ${this.status === 'PENDING_SETTLEMENT' ? html`<h2 id="settlements-count">${t('otc.staff.pending', {
        count: this.more === undefined && this.pager.depth === 0 ? this.trades.length : `${this.trades.length}+` })}</h2>`
        : html`<p class="fx-note">${t('settlements.newestFirst')}</p>`}
      ${this.renderAgeing()}
      ${this.trades.length === 0 ? html`<p class="fx-empty" id="settlements-empty">${t('otc.none')}</p>` : html`
        <table class="fx-table" id="settlements-table"><thead><tr>
          <th>${t('otc.trade')}</th><th>${t('otc.staff.mechanism')}</th><th>${t('otc.fund')}</th>
          <th>${t('otc.seller')}</th><th>${t('otc.buyer')}</th><th>${t('otc.units')}</th><th>${t('otc.price')}</th>
          <th>${t('otc.consideration')}</th><th>${t('otc.ofNav')}</th><th>${t('settlements.executedAt')}</th>
          ${this.status === 'PENDING_SETTLEMENT' ? html`<th>${t('settlements.waiting')}</th>` : ''}
          <th>${this.status === 'PENDING_SETTLEMENT' ? t('otc.actions') : t('otc.status')}</th></tr></thead>
          <tbody>${this.trades.map(trade => this.renderTrade(trade, zone))}</tbody></table>`}
      ${renderPager('settlements', this.pager, this.more, () => this.refresh(0n), this.trades.length)}
      <p class="fx-note">${t('otc.staff.deadline', { days: this.deadlineDays })}</p>
    </section>`;
  }

  renderTrade(trade, zone) {
    const currency = this.funds.get(trade.fundCode)?.currency || 'CNY';
    const busy = this.busy;
    const book = !trade.listingId && !trade.offerId;
    const reasonId = `fail-reason-${trade.tradeId}`;
    return html`<tr id=${`trade-${trade.tradeId}`} data-trade=${trade.tradeId} data-status=${trade.status}>
      <td>${trade.tradeId}</td><td>${FxStaffSettlements.mechanism(trade)}</td><td>${fundLabel(this.funds, trade.fundCode)}</td>
      <td>${trade.seller}</td><td>${trade.buyer}</td><td>${units(trade.units)}</td><td>${money(trade.price, currency)}</td>
      <td>${money(trade.consideration, currency)}</td><td>${ofNav(trade.percentOfNavBasisPoints)}</td>
      ${this.ageCells(trade, zone)}
      <td>${trade.status !== 'PENDING_SETTLEMENT' ? html`${state('trade', trade.status)}${trade.settledAt
        ? html` · ${time(trade.settledAt, zone)}` : ''}` : html`${trade.settleBy ? html`<div class="fx-muted"
        data-field="settleBy">${t('settlements.settleBy', { time: time(trade.settleBy, zone) })}</div>` : ''}<div class="fx-actions">
        ${book ? html`<span class="fx-muted">${t('otc.staff.batch')}</span>` : html`<button type="button"
          id=${`settle-${trade.tradeId}`} ?disabled=${busy}
          @click=${() => this.write(`/trades/${trade.tradeId}/settle`, {})}>${t('otc.staff.settle')}</button>`}
        <input id=${reasonId} autocomplete="off" placeholder=${t('otc.staff.failReason')}
          aria-label=${t('otc.staff.failReason')}>${check(this.checks[reasonId], reasonId)}
        <button type="button" class="fx-secondary" id=${`fail-${trade.tradeId}`} ?disabled=${busy}
          @click=${() => this.proposeFailure(trade)}>${t('otc.staff.proposeFail')}</button></div>`}</td>
    </tr>`;
  }
}

customElements.define('fx-staff-settlements', FxStaffSettlements);
