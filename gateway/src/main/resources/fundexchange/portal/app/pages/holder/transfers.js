// "Transfers": the holder's trades (GET /transfers, as seller or buyer: listings, the book, offers) with price,
// consideration, % of NAV, multiple of cost and settlement, times in the platform zone. The trade reveals the
// counterparty to both sides, so it is shown. A settled trade's certificate downloads from its row.
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money, decimal, percentFromBasisPoints, time } from '../../format.js';
import { HolderPage, loadFunds, fundLabel } from './common.js';
import { certificateButton } from '../certificate.js';

const TRADE_EVENTS = new Set(['TradeExecuted', 'TradeSettled', 'TradeFailed']);

class FxHolderTransfersPage extends HolderPage {
  static properties = { ...HolderPage.properties, funds: { state: true }, transfers: { state: true } };

  relevant(entry) {
    return entry.kind !== 'outcome' && (TRADE_EVENTS.has(entry.data?.type) || entry.data?.tradeId !== undefined);
  }

  async load(minIndex) {
    const [funds, answer] = await Promise.all([loadFunds(this.client, minIndex), this.client.read('/transfers', { minIndex })]);
    this.funds = funds;
    this.transfers = [...(answer.transfers ?? [])].sort((a, b) => b.tradeId - a.tradeId);
  }

  origin(transfer) {
    if (Number(transfer.listingId) > 0) {
      return transfer.seller === this.participant
        ? html`<a href=${`#/holder-listings/${transfer.listingId}`}>${t('transfers.listing', { id: transfer.listingId })}</a>`
        : t('transfers.listing', { id: transfer.listingId });
    }
    return Number(transfer.offerId) > 0 ? t('transfers.offer', { id: transfer.offerId }) : t('transfers.book');
  }

  render() {
    if (!this.transfers) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-holder" id="transfers-page">
      <h1>${t('transfers.title')}</h1>
      ${this.renderFreshness()}
      ${this.transfers.length === 0 ? html`<p id="transfers-empty">${t('transfers.empty')}</p>` : this.renderTable()}
      <p class="fx-note">${t('holder.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  renderTable() {
    return html`<table class="fx-table" id="transfers-table">
      <thead><tr><th>${t('transfers.trade')}</th><th>${t('holder.fund')}</th><th>${t('transfers.side')}</th>
        <th>${t('transfers.counterparty')}</th><th>${t('transfers.units')}</th><th>${t('transfers.price')}</th>
        <th>${t('transfers.consideration')}</th><th>${t('transfers.percentOfNav')}</th>
        <th>${t('transfers.multipleOfCost')}</th><th>${t('transfers.status')}</th><th>${t('transfers.settledAt')}</th>
        <th>${t('transfers.origin')}</th><th>${t('certificate.column')}</th></tr></thead>
      <tbody>${this.transfers.map(tr => {
        const selling = tr.seller === this.participant;
        const currency = this.funds.get(tr.fundCode)?.currency;
        return html`<tr id=${`transfer-${tr.tradeId}`} data-status=${tr.status}>
          <td>${tr.tradeId}</td>
          <td class="fx-text">${fundLabel(this.funds, tr.fundCode)}</td>
          <td>${t(selling ? 'transfers.sold' : 'transfers.bought')}</td>
          <td class="fx-text" data-field="counterparty">${selling ? tr.buyer : tr.seller}</td>
          <td data-field="units">${units(tr.units)}</td>
          <td data-field="price">${money(tr.price, currency)}</td>
          <td data-field="consideration">${money(tr.consideration, currency)}</td>
          <td data-field="percentOfNav">${percentFromBasisPoints(tr.percentOfNavBasisPoints)}</td>
          <td data-field="multipleOfCost">${tr.multipleOfCost == null ? t('app.none')
            : t('transfers.multiple', { value: decimal(tr.multipleOfCost) })}</td>
          <td data-field="status">${t(`transferStatus.${tr.status}`)}</td>
          <td>${Number(tr.settledAt) > 0 ? time(tr.settledAt, this.zone) : t('app.none')}</td>
          <td>${this.origin(tr)}</td><td>${certificateButton(this, tr)}</td></tr>`;
      })}</tbody></table>`;
  }
}

addMessages({
  en: {
    'transfers.title': 'My transfers',
    'transfers.empty': 'No transfers yet.',
    'transfers.trade': 'Trade',
    'transfers.side': 'Side',
    'transfers.sold': 'Sold',
    'transfers.bought': 'Bought',
    'transfers.counterparty': 'Counterparty',
    'transfers.units': 'Units',
    'transfers.price': 'Price per unit',
    'transfers.consideration': 'Consideration',
    'transfers.percentOfNav': '% of NAV',
    'transfers.multipleOfCost': 'Multiple of cost',
    'transfers.multiple': '{value}×',
    'transfers.status': 'Settlement',
    'transfers.settledAt': 'Settled at',
    'transfers.origin': 'From',
    'transfers.listing': 'listing {id}',
    'transfers.offer': 'offer {id}',
    'transfers.book': 'order book',
  },
  'zh-CN': {
    'transfers.title': '我的转让记录',
    'transfers.empty': '暂无转让记录。',
    'transfers.trade': '成交编号',
    'transfers.side': '方向',
    'transfers.sold': '卖出',
    'transfers.bought': '买入',
    'transfers.counterparty': '交易对手',
    'transfers.units': '份额',
    'transfers.price': '每份额价格',
    'transfers.consideration': '成交金额',
    'transfers.percentOfNav': '占净值比例',
    'transfers.multipleOfCost': '成本倍数',
    'transfers.multiple': '{value} 倍',
    'transfers.status': '交收状态',
    'transfers.settledAt': '交收时间',
    'transfers.origin': '来源',
    'transfers.listing': '挂牌 {id}',
    'transfers.offer': '报价 {id}',
    'transfers.book': '委托簿',
  },
});

customElements.define('fx-holder-transfers-page', FxHolderTransfersPage);
