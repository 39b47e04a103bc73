// Investor: its transfers (GET /transfers): every trade it bought or sold, with price, consideration, price as % of
// NAV, multiple of the seller's cost and settlement, and a settled trade's certificate. Route: #/investor-transfers.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { units, decimal, percentFromBasisPoints, time } from '../../format.js';
import { PortalPage, INVESTOR, table, fundsByCode, fundMoney } from './common.js';
import { certificateButton } from '../certificate.js';

class FxInvestorTransfers extends PortalPage {
  static properties = { ...PortalPage.properties, transfers: { state: true }, funds: { state: true } };

  async load(minIndex) {
    this.funds = await fundsByCode(this.client, minIndex);
    this.transfers = (await this.client.read('/transfers', minIndex === undefined ? {} : { minIndex })).transfers ?? [];
  }

  render() {
    if (!this.transfers) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const me = this.client.participant;
    const zone = this.client.exchange.zone;
    return html`<section class="fx-page fx-investor">
      <h1>${t('investor.transfers.title')}</h1>
      ${table('transfers-table', ['investor.transfers.trade', 'investor.fund', 'investor.transfers.side',
        'investor.transfers.counterparty', 'investor.units', 'investor.transfers.price', 'investor.transfers.consideration',
        'investor.transfers.percentOfNav', 'investor.transfers.multiple', 'investor.transfers.status', 'certificate.column'],
        this.transfers.map(x => {
          const fund = this.funds.get(x.fundCode);
          const bought = x.buyer === me;
          return html`<tr data-trade=${x.tradeId} data-status=${x.status}><td>${x.tradeId}</td><td>${x.fundCode}</td>
            <td>${t(bought ? 'investor.transfers.bought' : 'investor.transfers.sold')}</td>
            <td>${bought ? x.seller : x.buyer}</td><td>${units(x.units)}</td>
            <td class="fx-trade-price">${fundMoney(x.price, fund)}</td><td>${fundMoney(x.consideration, fund)}</td>
            <td>${percentFromBasisPoints(x.percentOfNavBasisPoints)}</td><td>${t('investor.transfers.multipleValue', { value: decimal(x.multipleOfCost) })}</td>
            <td>${t(`investor.transferStatus.${x.status}`)}${x.settledAt ? html`<br><span class="fx-muted">${time(x.settledAt, zone)}</span>` : ''}</td>
            <td>${certificateButton(this, x)}</td></tr>`;
        }), 'investor.transfers.none')}
    </section>`;
  }
}

customElements.define('fx-investor-transfers', FxInvestorTransfers);
