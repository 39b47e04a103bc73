// Regulator: the market's transfers (GET /transfers: every trade, for staff and regulators) with how each was made,
// price, % of NAV, multiple of cost and settlement; filtered by fund. Route: #/regulator-transfers.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { units, decimal, money, percentFromBasisPoints, time } from '../../format.js';
import { PortalPage, table } from './common.js';

/** How a transfer was made: on a non-listed offer, on a listing, or on the continuous book. */
export function transferMechanism(x) {
  if (Number(x.offerId) > 0) return t('regulator.transfers.viaOffer', { id: x.offerId });
  if (Number(x.listingId) > 0) return t('regulator.transfers.viaListing', { id: x.listingId });
  return t('regulator.transfers.viaBook');
}

class FxRegulatorTransfers extends PortalPage {
  static properties = { ...PortalPage.properties, transfers: { state: true }, fund: { state: true } };

  constructor() {
    super();
    this.fund = '';
  }

  async load(minIndex) {
    const [transfers, funds] = await Promise.all([this.client.read('/transfers', { minIndex }),
      this.client.read('/funds', { minIndex })]);
    this.funds = new Map((funds.funds ?? []).map(f => [f.code, f]));
    this.transfers = transfers.transfers ?? [];
  }

  render() {
    if (!this.transfers) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const shown = this.transfers.filter(x => !this.fund || x.fundCode === this.fund);
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.transfers.title')}</h1>
      ${this.renderFreshness()}
      <div class="fx-filters">
        <label>${t('regulator.records.fund')}<select id="transfers-fund" @change=${e => { this.fund = e.target.value; }}>
          <option value="">${t('regulator.all')}</option>
          ${[...this.funds.keys()].map(code => html`<option value=${code} ?selected=${code === this.fund}>${code}</option>`)}</select></label>
        ${this.renderRefresh('transfers-refresh')}
      </div>
      ${table('transfers-table', ['regulator.transfers.trade', 'regulator.transfers.how', 'regulator.records.fund',
        'regulator.transfers.seller', 'regulator.transfers.buyer', 'regulator.transfers.units', 'regulator.transfers.price',
        'regulator.transfers.consideration', 'regulator.transfers.percentOfNav', 'regulator.transfers.multiple',
        'regulator.transfers.status'],
        shown.map(x => {
          const currency = this.funds.get(x.fundCode)?.currency || 'CNY';
          return html`<tr id=${`transfer-${x.tradeId}`} data-status=${x.status}><td>${x.tradeId}</td><td>${transferMechanism(x)}</td>
            <td>${x.fundCode}</td><td>${x.seller}</td><td>${x.buyer}</td><td>${units(x.units)}</td>
            <td>${money(x.price, currency)}</td><td>${money(x.consideration, currency)}</td>
            <td>${percentFromBasisPoints(x.percentOfNavBasisPoints)}</td>
            <td>${t('regulator.transfers.multipleValue', { value: decimal(x.multipleOfCost) })}</td>
            <td>${t(`regulator.transferStatus.${x.status}`)}${Number(x.settledAt) > 0 ? html`<br><span class="fx-muted">${time(x.settledAt, this.zone)}</span>` : ''}</td></tr>`;
        }), 'regulator.transfers.none')}
    </section>`;
  }
}

customElements.define('fx-regulator-transfers', FxRegulatorTransfers);
