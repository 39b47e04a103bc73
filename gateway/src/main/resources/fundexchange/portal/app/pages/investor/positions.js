// Investor: its positions (GET /holdings): units, available, locked, pledged, frozen, unconfirmed, pending registration
// (rules version 9: bought, delivered at funding and locked until the fund's registration change) and cost per fund,
// with the fund's NAV. Route: #/investor-positions.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { units, date } from '../../format.js';
import { PortalPage, INVESTOR, table, fundsByCode, fundMoney } from './common.js';

class FxInvestorPositions extends PortalPage {
  static properties = { ...PortalPage.properties, holdings: { state: true }, funds: { state: true } };

  async load(minIndex) {
    this.funds = await fundsByCode(this.client, minIndex);
    this.holdings = (await this.client.read('/holdings', minIndex === undefined ? {} : { minIndex })).holdings ?? [];
  }

  render() {
    if (!this.holdings) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-investor">
      <h1>${t('investor.positions.title')}</h1>
      ${table('positions-table', ['investor.fund', 'investor.units', 'investor.positions.available',
        'investor.positions.locked', 'investor.positions.pledged', 'investor.positions.frozen',
        'investor.positions.unconfirmed', 'investor.positions.registering', 'investor.positions.cost',
        'investor.positions.nav'],
        this.holdings.map(h => {
          const fund = this.funds.get(h.fundCode);
          return html`<tr data-fund=${h.fundCode}><td>${h.fundCode}${fund ? html` <span class="fx-muted">${fund.shortName}</span>` : ''}</td>
            <td class="fx-units">${units(h.units)}</td><td>${units(h.available)}</td><td>${units(h.locked)}</td>
            <td>${units(h.pledged)}</td><td>${units(h.frozen)}</td><td>${units(h.unconfirmed)}</td>
            <td data-field="pendingRegistration">${units(h.pendingRegistration ?? '0.00')}</td>
            <td>${fundMoney(h.cost, fund)}</td>
            <td>${fund ? html`${fund.nav} <span class="fx-muted">${date(fund.navDate)}</span>` : t('app.none')}</td></tr>`;
        }), 'investor.positions.none')}
    </section>`;
  }
}

customElements.define('fx-investor-positions', FxInvestorPositions);
