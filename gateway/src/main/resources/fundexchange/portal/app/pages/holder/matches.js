// "Match proposals" (撮合建议): the proposals staff brokered between one of the holder's offers and an investor's
// intent (GET /matches), the investor shown only as its pseudonym on the offer (P<n>) and no intent, until both sides
// accept and MatchAgreed reveals them to each other; the holder accepts (POST /matches/{id}/accept) or declines
// (POST /matches/{id}/decline).
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units, money } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { loadFunds, fundLabel, party, ofNav, state, accepted } from '../trading/common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './trading-messages.js';

class FxHolderMatchesPage extends PortalPage {
  static properties = { ...PortalPage.properties, funds: { state: true }, matches: { state: true }, more: { state: true } };

  async load(minIndex) {
    this.pager ??= new Pager();
    const [funds, matches] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, '/matches', 'matches', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.matches = matches.items.reverse();
    this.more = matches.nextAfter;
  }

  render() {
    if (!this.matches) return html`<section class="fx-page fx-holder"><p class="fx-busy">${t('app.loading')}</p></section>`;
    return html`<section class="fx-page fx-holder" id="holder-matches">
      <h1>${t('nav.holderMatches')}</h1>
      <p class="fx-intro">${t('otc.holder.matches.intro')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome('matches-outcome')}
      ${this.matches.length === 0 ? html`<p class="fx-empty" id="matches-empty">${t('otc.none')}</p>` : html`
        <table class="fx-table" id="matches-table"><thead><tr>
          <th>${t('otc.match')}</th><th>${t('otc.offer')}</th><th>${t('otc.fund')}</th><th>${t('otc.investor')}</th>
          <th>${t('otc.units')}</th><th>${t('otc.price')}</th><th>${t('otc.ofNav')}</th><th>${t('otc.youAccepted')}</th>
          <th>${t('otc.theyAccepted')}</th><th>${t('otc.status')}</th><th>${t('otc.actions')}</th></tr></thead>
          <tbody>${this.matches.map(m => this.renderMatch(m))}</tbody></table>`}
      ${renderPager('matches-list', this.pager, this.more, () => this.refresh(0n))}
    </section>`;
  }

  renderMatch(m) {
    const currency = this.funds.get(m.fundCode)?.currency || 'CNY';
    const busy = this.busy;
    const open = m.status === 'BROKERED' && !m.holderAccepted;
    return html`<tr id=${`match-${m.matchId}`} data-match=${m.matchId} data-status=${m.status}>
      <td>${m.matchId}</td><td>${m.offerId}</td><td>${fundLabel(this.funds, m.fundCode)}</td>
      <td class="fx-party">${party(m.investor)}</td><td>${units(m.units)}</td><td>${money(m.price, currency)}</td>
      <td>${ofNav(m.percentOfNavBasisPoints)}</td><td>${accepted(m.holderAccepted)}</td><td>${accepted(m.investorAccepted)}</td>
      <td>${state('match', m.status)}</td>
      <td>${open ? html`<div class="fx-actions">
        <button type="button" id=${`match-accept-${m.matchId}`} ?disabled=${busy}
          @click=${() => this.write(`/matches/${m.matchId}/accept`, {})}>${t('otc.accept')}</button>
        <button type="button" class="fx-secondary" id=${`match-decline-${m.matchId}`} ?disabled=${busy}
          @click=${() => this.write(`/matches/${m.matchId}/decline`, {})}>${t('otc.decline')}</button></div>` : nothing}</td>
    </tr>`;
  }
}

customElements.define('fx-holder-matches-page', FxHolderMatchesPage);
