// Regulator: the market's transfers (GET /trades?order=desc: every trade, for staff and regulators, newest first, a page
// of 100 at a time with the next offered when more follow; the fund filter is the API's) with how each was made, when,
// price, % of NAV, multiple of cost and settlement, and a settled trade's certificate. Route: #/regulator-transfers.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { units, decimal, money, percentFromBasisPoints, time } from '../../format.js';
import { PortalPage, table } from './common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import { certificateButton } from '../certificate.js';

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
    this.pager = new Pager();
  }

  async load(minIndex) {
    const query = new URLSearchParams({ order: 'desc', ...(this.fund ? { fund: this.fund } : {}) });
    const [transfers, funds] = await Promise.all([
      readWindow(this.client, `/trades?${query}`, 'trades', minIndex, { start: this.pager.start, pages: 1 }),
      this.client.read('/funds', { minIndex })]);
    this.funds = new Map((funds.funds ?? []).map(f => [f.code, f]));
    this.transfers = transfers.items;
    this.nextAfter = transfers.nextAfter;
  }

  render() {
    if (!this.transfers) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const shown = this.transfers;
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.transfers.title')}</h1>
      ${this.renderFreshness()}
      <div class="fx-filters">
        <label>${t('regulator.records.fund')}<select id="transfers-fund" @change=${e => { this.fund = e.target.value; this.pager.first(); this.refresh(); }}>
          <option value="">${t('regulator.all')}</option>
          ${[...this.funds.keys()].map(code => html`<option value=${code} ?selected=${code === this.fund}>${code}</option>`)}</select></label>
        ${this.renderRefresh('transfers-refresh')}
      </div>
      ${table('transfers-table', ['regulator.transfers.trade', 'regulator.transfers.how', 'regulator.records.fund',
        'regulator.transfers.seller', 'regulator.transfers.buyer', 'regulator.transfers.units', 'regulator.transfers.price',
        'regulator.transfers.consideration', 'regulator.transfers.percentOfNav', 'regulator.transfers.multiple',
        'regulator.transfers.status', 'certificate.column'],
        shown.map(x => {
          const currency = this.funds.get(x.fundCode)?.currency || 'CNY';
          return html`<tr id=${`transfer-${x.tradeId}`} data-status=${x.status}><td>${x.tradeId}</td><td>${transferMechanism(x)}</td>
            <td>${x.fundCode}${x.executedAt ? html`<br><span class="fx-muted" data-field="executedAt">${time(x.executedAt, this.zone)}</span>` : ''}</td><td>${x.seller}</td><td>${x.buyer}</td><td>${units(x.units)}</td>
            <td>${money(x.price, currency)}</td><td>${money(x.consideration, currency)}</td>
            <td>${percentFromBasisPoints(x.percentOfNavBasisPoints)}</td>
            <td>${t('regulator.transfers.multipleValue', { value: decimal(x.multipleOfCost) })}</td>
            <td>${t(`regulator.transferStatus.${x.status}`)}${Number(x.settledAt) > 0 ? html`<br><span class="fx-muted">${time(x.settledAt, this.zone)}</span>` : ''}</td>
            <td>${certificateButton(this, x)}</td></tr>`;
        }), 'regulator.transfers.none')}
      ${renderPager('transfers', this.pager, this.nextAfter, () => this.refresh(), shown.length)}
    </section>`;
  }
}

customElements.define('fx-regulator-transfers', FxRegulatorTransfers);
