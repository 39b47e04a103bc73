// "Match proposals" (撮合建议): the proposals staff brokered between an offer and one of the investor's intents
// (GET /matches): the offer's terms, never its holder until both sides accept and MatchAgreed reveals the two to each
// other; the investor accepts (POST /matches/{id}/accept) or declines (POST /matches/{id}/decline).
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { loadFunds, table, fundMoney, party, ofNav, state, accepted } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

class FxInvestorMatches extends PortalPage {
  static properties = { ...PortalPage.properties, matches: { state: true }, funds: { state: true }, more: { state: true } };

  constructor() {
    super();
    this.matches = null;
    this.funds = new Map();
  }

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, matches] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, '/matches', 'matches', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.matches = matches.items.reverse();
    this.more = matches.nextAfter;
  }

  render() {
    if (this.matches === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const rows = this.matches.map(m => {
      const fund = this.funds.get(m.fundCode);
      const open = m.status === 'BROKERED' && !m.investorAccepted;
      return html`<tr data-match=${m.matchId} id=${`match-${m.matchId}`} data-status=${m.status}>
        <td>${m.matchId}</td><td>${m.offerId}</td><td>${m.intentId ?? t('app.none')}</td><td>${m.fundCode}</td>
        <td class="fx-party">${party(m.holder)}</td><td>${units(m.units)}</td><td>${fundMoney(m.price, fund)}</td>
        <td>${ofNav(m.percentOfNavBasisPoints)}</td><td>${accepted(m.investorAccepted)}</td>
        <td>${accepted(m.holderAccepted)}</td><td>${state('match', m.status)}</td>
        <td>${open ? html`<div class="fx-actions">
          <button type="button" id=${`match-accept-${m.matchId}`} ?disabled=${this.busy}
            @click=${() => this.write(`/matches/${m.matchId}/accept`, {}, 'otc.investor.acceptedMatch', { id: m.matchId })}>${t('otc.accept')}</button>
          <button type="button" class="fx-secondary" id=${`match-decline-${m.matchId}`} ?disabled=${this.busy}
            @click=${() => this.write(`/matches/${m.matchId}/decline`, {}, 'otc.investor.declinedMatch', { id: m.matchId })}>${t('otc.decline')}</button>
        </div>` : nothing}</td></tr>`;
    });
    return html`<section class="fx-page fx-investor" id="investor-matches">
      <h1>${t('investor.nav.matches')}</h1>
      <p class="fx-intro">${t('otc.investor.matches.intro')}</p>
      ${this.renderOutcome('matches-outcome')}
      ${table('matches-table', ['otc.match', 'otc.offer', 'otc.intent', 'otc.fund', 'otc.holder', 'otc.units',
        'otc.price', 'otc.ofNav', 'otc.youAccepted', 'otc.theyAccepted', 'otc.status', 'otc.actions'], rows,
        'otc.investor.matches.none')}
      ${renderPager('matches-list', this.pager, this.more, () => this.refresh(0n))}
    </section>`;
  }
}

customElements.define('fx-investor-matches', FxInvestorMatches);
