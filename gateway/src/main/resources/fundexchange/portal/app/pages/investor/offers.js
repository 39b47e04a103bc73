// "Offers" (非挂牌报价): the non-listed offers this investor may see (GET /offers?status=OPEN): every public teaser,
// and the qualified-only ones while it is qualified on the business date; a teaser names no holder and no cost. It
// quotes a price and units on one (POST /offers/{id}/quotes); the rounds that follow are on "My quotes".
import { html } from 'lit';
import { t } from '../../i18n.js';
import { time, units } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { loadFunds, table, fundMoney, ofNav, state } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

const PRICE = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?$/;
const UNITS = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/;

class FxInvestorOffers extends PortalPage {
  static properties = { ...PortalPage.properties, offers: { state: true }, funds: { state: true }, more: { state: true } };

  constructor() {
    super();
    this.offers = null;
    this.funds = new Map();
  }

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, offers] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, '/offers?status=OPEN', 'offers', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.offers = offers.items;
    this.more = offers.nextAfter;
  }

  async quote(event) {
    event.preventDefault();
    const form = event.target.elements;
    const offerId = form.offer.value;
    const price = form.price.value.trim();
    const lot = form.units.value.trim();
    if (!offerId || !PRICE.test(price) || !UNITS.test(lot)) {
      this.refuse('otc.investor.badQuote');
      return;
    }
    const answer = await this.write(`/offers/${offerId}/quotes`, { price, units: lot }, 'otc.investor.quoted', { offerId });
    if (answer) event.target.reset();
  }

  render() {
    if (this.offers === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const zone = this.client.exchange.zone;
    const rows = this.offers.map(o => {
      const fund = this.funds.get(o.fundCode);
      return html`<tr data-offer=${o.offerId} id=${`offer-${o.offerId}`}>
        <td>${o.offerId}</td><td>${o.fundCode}${fund ? html` <span class="fx-muted">${fund.shortName}</span>` : ''}</td>
        <td>${units(o.units)}</td><td>${units(o.minLot)}</td><td>${fundMoney(o.askPrice, fund)}</td>
        <td>${ofNav(o.askPercentOfNavBasisPoints)}</td><td>${state('visibility', o.visibility)}</td>
        <td>${o.expiresAt ? time(o.expiresAt, zone) : t('otc.noExpiry')}</td></tr>`;
    });
    return html`<section class="fx-page fx-investor" id="investor-offers">
      <h1>${t('investor.nav.offers')}</h1>
      <p class="fx-intro">${t('otc.investor.offers.intro')}</p>
      ${table('offers-table', ['otc.offer', 'otc.fund', 'otc.unitsLeft', 'otc.minLot', 'otc.askPrice', 'otc.ofNav',
        'otc.visibility', 'otc.expires'], rows, 'otc.investor.offers.none')}
      ${renderPager('offers-list', this.pager, this.more, () => this.refresh(0n))}
      <form class="fx-form" id="quote-form" @submit=${e => this.quote(e)}>
        <h2>${t('otc.investor.quote.title')}</h2>
        <p class="fx-muted">${t('otc.investor.quote.explain')}</p>
        <label>${t('otc.offer')}<select id="quote-offer" name="offer">
          ${this.offers.map(o => html`<option value=${o.offerId}>${o.offerId} · ${o.fundCode}</option>`)}</select></label>
        <label>${t('otc.price')}<input id="quote-price" name="price" inputmode="decimal" autocomplete="off" required></label>
        <label>${t('otc.units')}<input id="quote-units" name="units" inputmode="decimal" autocomplete="off" required></label>
        <button id="quote-submit" ?disabled=${this.busy || this.offers.length === 0}>${t('otc.investor.quote.submit')}</button>
      </form>
      ${this.renderOutcome('offers-outcome')}
    </section>`;
  }
}

customElements.define('fx-investor-offers', FxInvestorOffers);
