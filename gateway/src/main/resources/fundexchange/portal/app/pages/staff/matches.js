// "Match proposals" for staff (撮合建议): the system's ranked proposals (GET /matches, whole: both parties, the intent,
// rank, price surplus and amount), grouped as the matcher made them (a match id is its trigger's journal index times
// 4096 plus rank - 1), to review and broker (POST /matches/{id}/broker, optionally with other units and price). Once
// brokered they reach the two parties, who accept or decline; a staff member never brokers a deal it is a party to.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units, money, decimal } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { amountProblem, check } from '../input.js';
import { loadFunds, fundLabel, ofNav, state, accepted } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

const STATUSES = ['PROPOSED', 'BROKERED', 'AGREED', 'DECLINED', 'LAPSED'];

class FxStaffMatches extends PortalPage {
  static properties = {
    ...PortalPage.properties, funds: { state: true }, matches: { state: true }, more: { state: true },
    status: { state: true }, checks: { state: true },
  };

  constructor() {
    super();
    this.status = 'PROPOSED';
    this.checks = {};
  }

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, matches] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, this.status ? `/matches?status=${this.status}` : '/matches', 'matches', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.matches = matches.items.reverse();
    this.more = matches.nextAfter;
  }

  async broker(m) {
    const value = id => (this.querySelector(`#${id}`)?.value ?? '').trim();
    const body = {};
    const checks = {};
    const lot = value(`broker-units-${m.matchId}`);
    const price = value(`broker-price-${m.matchId}`);
    if (lot !== '') {
      const problem = amountProblem(lot, 2);
      if (problem) checks[`broker-units-${m.matchId}`] = problem;
      body.units = lot;
    }
    if (price !== '') {
      const problem = amountProblem(price, 4);
      if (problem) checks[`broker-price-${m.matchId}`] = problem;
      body.price = price;
    }
    this.checks = checks;
    if (Object.keys(checks).length === 0) await this.write(`/matches/${m.matchId}/broker`, body);
  }

  /** The trigger a proposal came from: its journal index (the match id's upper part). */
  static trigger(m) {
    return String(BigInt(m.matchId) / 4096n);
  }

  render() {
    if (!this.matches) return html`<section class="fx-page"><p class="fx-busy">${t('app.loading')}</p></section>`;
    return html`<section class="fx-page fx-staff" id="staff-matches">
      <h1>${t('staff.nav.matches')}</h1>
      <p class="fx-intro">${t('otc.staff.matches.intro')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome('staff-outcome')}
      <label class="fx-filter">${t('otc.status')}
        <select id="staff-matches-status" @change=${e => { this.status = e.target.value; this.pager.first(); this.refresh(0n); }}>
          <option value="" ?selected=${this.status === ''}>${t('otc.all')}</option>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${state('match', s)}</option>`)}
        </select></label>
      ${this.matches.length === 0 ? html`<p class="fx-empty" id="staff-matches-empty">${t('otc.none')}</p>` : html`
        <table class="fx-table" id="staff-matches-table"><thead><tr>
          <th>${t('otc.match')}</th><th>${t('otc.staff.trigger')}</th><th>${t('otc.staff.rank')}</th>
          <th>${t('otc.fund')}</th><th>${t('otc.offer')}</th><th>${t('otc.holder')}</th><th>${t('otc.intent')}</th>
          <th>${t('otc.investor')}</th><th>${t('otc.units')}</th><th>${t('otc.price')}</th><th>${t('otc.amount')}</th>
          <th>${t('otc.ofNav')}</th><th>${t('otc.staff.surplus')}</th><th>${t('otc.status')}</th>
          <th>${t('otc.staff.accepted')}</th><th>${t('otc.actions')}</th></tr></thead>
          <tbody>${this.matches.map(m => this.renderMatch(m))}</tbody></table>`}
      ${renderPager('matches-list', this.pager, this.more, () => this.refresh(0n))}
    </section>`;
  }

  renderMatch(m) {
    const currency = this.funds.get(m.fundCode)?.currency || 'CNY';
    const busy = this.busy;
    const checked = id => check(this.checks[id], id);
    return html`<tr id=${`staff-match-${m.matchId}`} data-match=${m.matchId} data-status=${m.status} data-rank=${m.rank}>
      <td>${m.matchId}</td><td>${FxStaffMatches.trigger(m)}</td><td>${m.rank}</td>
      <td>${fundLabel(this.funds, m.fundCode)}</td><td>${m.offerId}</td><td>${m.holder}</td><td>${m.intentId}</td>
      <td>${m.investor}${m.investorPseudonym ? html` <span class="fx-muted">(P${m.investorPseudonym})</span>` : nothing}</td>
      <td>${units(m.units)}</td><td>${money(m.price, currency)}</td><td>${money(m.amount, currency)}</td>
      <td>${ofNav(m.percentOfNavBasisPoints)}</td><td>${decimal(String(m.surplusBasisPoints))}</td>
      <td>${state('match', m.status)}</td>
      <td>${t('otc.staff.acceptedBoth', { holder: accepted(m.holderAccepted), investor: accepted(m.investorAccepted) })}</td>
      <td>${m.status === 'PROPOSED' ? html`<div class="fx-actions">
        <input class="fx-small" id=${`broker-units-${m.matchId}`} inputmode="decimal" autocomplete="off"
          placeholder=${t('otc.units')} aria-label=${t('otc.staff.brokerUnits')}>${checked(`broker-units-${m.matchId}`)}
        <input class="fx-small" id=${`broker-price-${m.matchId}`} inputmode="decimal" autocomplete="off"
          placeholder=${t('otc.price')} aria-label=${t('otc.staff.brokerPrice')}>${checked(`broker-price-${m.matchId}`)}
        <button type="button" id=${`broker-${m.matchId}`} ?disabled=${busy}
          @click=${() => this.broker(m)}>${t('otc.staff.broker')}</button></div>` : nothing}</td>
    </tr>`;
  }
}

customElements.define('fx-staff-matches', FxStaffMatches);
