// Regulator: every fund's reference data (GET /funds): manager, strategy, vintage, currency, legal form, custody
// mode, holders against the cap, NAV with its date. Route: #/regulator-funds.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { decimal, date, money } from '../../format.js';
import { PortalPage, table } from './common.js';

class FxRegulatorFunds extends PortalPage {
  static properties = { ...PortalPage.properties, funds: { state: true } };

  async load(minIndex) {
    this.funds = (await this.client.read('/funds', { minIndex })).funds ?? [];
  }

  render() {
    if (!this.funds) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.funds.title')}</h1>
      ${this.renderFreshness()}
      <div class="fx-actions">${this.renderRefresh('funds-refresh')}</div>
      ${table('funds-table', ['regulator.funds.code', 'regulator.funds.name', 'regulator.funds.manager',
        'regulator.funds.strategy', 'regulator.funds.legalForm', 'regulator.funds.custody', 'regulator.funds.holders',
        'regulator.funds.nav', 'regulator.funds.size'],
        this.funds.map(f => html`<tr id=${`fund-${f.code}`}><td>${f.code}</td><td>${f.shortName}</td><td>${f.manager}</td>
          <td>${f.strategy} · ${f.vintage}</td><td>${f.legalForm}</td><td>${f.custodyMode}</td>
          <td>${f.holderCount} / ${f.holderCap}</td>
          <td>${money(f.nav, f.currency)} <span class="fx-muted">${date(f.navDate)}</span></td>
          <td>${f.fundSize === null || f.fundSize === undefined ? t('app.none') : money(f.fundSize, f.currency)}</td></tr>`),
        'regulator.funds.none')}
      <p class="fx-note">${t('regulator.funds.minTransfer')}: ${this.funds.map(f => `${f.code} ${decimal(f.minTransferUnits)}`).join(' · ')}</p>
    </section>`;
  }
}

customElements.define('fx-regulator-funds', FxRegulatorFunds);
