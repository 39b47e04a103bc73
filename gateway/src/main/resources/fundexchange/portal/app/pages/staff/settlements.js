// "Settlement" for staff (交收): the trades awaiting settlement (GET /transfers, every trade for staff, the pending
// ones shown first, oldest first) with their deadline; staff confirm a settlement (POST /trades/{id}/settle) or propose
// its failure (POST /proposals with FailSettlement and a reason), which a second staff member approves among the
// maker-checker proposals. A book trade settles in its fund's daily batch (POST /books/{fund}/settle-batch).
import { html } from 'lit';
import { t } from '../../i18n.js';
import { units, money, time } from '../../format.js';
import { HolderPage, loadFunds, fundLabel } from '../holder/common.js';
import { ofNav, state } from '../trading/common.js';

const REASON = /^\S[\s\S]{0,199}$/;

class FxStaffSettlements extends HolderPage {
  static properties = {
    ...HolderPage.properties, funds: { state: true }, trades: { state: true }, settled: { state: true },
    checks: { state: true },
  };

  constructor() {
    super();
    this.checks = {};
  }

  async load(minIndex) {
    const [funds, transfers, parameters] = await Promise.all([loadFunds(this.client, minIndex),
      this.client.read('/transfers', { minIndex }), this.client.read('/parameters', { minIndex })]);
    const all = transfers.transfers ?? [];
    this.funds = funds;
    this.deadlineMs = Number((parameters.parameters ?? []).find(p => p.name === 'settlement-deadline-ms')?.value ?? 0);
    this.trades = all.filter(trade => trade.status === 'PENDING_SETTLEMENT');
    this.settled = all.filter(trade => trade.status !== 'PENDING_SETTLEMENT').slice(-20).reverse();
  }

  async proposeFailure(trade) {
    const id = `fail-reason-${trade.tradeId}`;
    const reason = (this.querySelector(`#${id}`)?.value ?? '').trim();
    if (!REASON.test(reason)) {
      this.checks = { [id]: { key: 'holder.check.required', params: {} } };
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
      ${this.renderOutcome()}
      <h2>${t('otc.staff.pending', { count: this.trades.length })}</h2>
      ${this.trades.length === 0 ? html`<p class="fx-empty" id="settlements-empty">${t('holder.none')}</p>` : html`
        <table class="fx-table" id="settlements-table"><thead><tr>
          <th>${t('otc.trade')}</th><th>${t('otc.staff.mechanism')}</th><th>${t('holder.fund')}</th>
          <th>${t('otc.seller')}</th><th>${t('otc.buyer')}</th><th>${t('otc.units')}</th><th>${t('otc.price')}</th>
          <th>${t('otc.consideration')}</th><th>${t('otc.ofNav')}</th><th>${t('otc.staff.executed')}</th>
          <th>${t('otc.actions')}</th></tr></thead>
          <tbody>${this.trades.map(trade => this.renderTrade(trade, zone))}</tbody></table>`}
      <p class="fx-note">${t('otc.staff.deadline', { hours: Math.round(this.deadlineMs / 3_600_000) })}</p>
      <h2>${t('otc.staff.recent')}</h2>
      ${this.settled.length === 0 ? html`<p class="fx-empty">${t('holder.none')}</p>` : html`
        <table class="fx-table" id="settled-table"><thead><tr><th>${t('otc.trade')}</th><th>${t('holder.fund')}</th>
          <th>${t('otc.seller')}</th><th>${t('otc.buyer')}</th><th>${t('otc.units')}</th><th>${t('otc.status')}</th>
          <th>${t('otc.staff.settledAt')}</th></tr></thead>
          <tbody>${this.settled.map(trade => html`<tr id=${`trade-${trade.tradeId}`} data-status=${trade.status}>
            <td>${trade.tradeId}</td><td>${fundLabel(this.funds, trade.fundCode)}</td><td>${trade.seller}</td>
            <td>${trade.buyer}</td><td>${units(trade.units)}</td><td>${state('trade', trade.status)}</td>
            <td>${trade.settledAt ? time(trade.settledAt, zone) : t('app.none')}</td></tr>`)}</tbody></table>`}
    </section>`;
  }

  renderTrade(trade, zone) {
    const currency = this.funds.get(trade.fundCode)?.currency || 'CNY';
    const busy = this.outcome?.state === 'busy';
    const book = !trade.listingId && !trade.offerId;
    const reasonId = `fail-reason-${trade.tradeId}`;
    return html`<tr id=${`trade-${trade.tradeId}`} data-trade=${trade.tradeId} data-status=${trade.status}>
      <td>${trade.tradeId}</td><td>${FxStaffSettlements.mechanism(trade)}</td><td>${fundLabel(this.funds, trade.fundCode)}</td>
      <td>${trade.seller}</td><td>${trade.buyer}</td><td>${units(trade.units)}</td><td>${money(trade.price, currency)}</td>
      <td>${money(trade.consideration, currency)}</td><td>${ofNav(trade.percentOfNavBasisPoints)}</td>
      <td>${t('otc.staff.atIndex', { index: trade.executedIndex })}</td>
      <td><div class="fx-actions">
        ${book ? html`<span class="fx-muted">${t('otc.staff.batch')}</span>` : html`<button type="button"
          id=${`settle-${trade.tradeId}`} ?disabled=${busy}
          @click=${() => this.write(`/trades/${trade.tradeId}/settle`, {})}>${t('otc.staff.settle')}</button>`}
        <input id=${reasonId} autocomplete="off" placeholder=${t('otc.staff.failReason')}
          aria-label=${t('otc.staff.failReason')}>${HolderPage.renderCheck(this.checks[reasonId], `${reasonId}-check`)}
        <button type="button" class="fx-secondary" id=${`fail-${trade.tradeId}`} ?disabled=${busy}
          @click=${() => this.proposeFailure(trade)}>${t('otc.staff.proposeFail')}</button></div></td>
    </tr>`;
  }
}

customElements.define('fx-staff-settlements', FxStaffSettlements);
