// "Holdings": the holder's position per fund (GET /holdings) with the fund's name (GET /funds): units, available,
// locked, pledged, frozen, unconfirmed, pending registration (rules version 9), cost, subscribed and paid-in. A fund
// with unconfirmed units (a FULL custody line the holder has not confirmed) offers the confirmation
// (POST /custody/{id}/confirm) of each approved registration of that fund that still waits for it
// (GET /custody?status=APPROVED&fund=: the exchange answers only the holder's own registrations; a line of this
// holder with confirmedIndex 0), every page of them followed (paging.js).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money } from '../../format.js';
import { HolderPage, loadFunds, fundLabel } from './common.js';
import { readWindow } from '../paging.js';

const ZERO = /^0(\.0*)?$/;

class FxHoldingsPage extends HolderPage {
  static properties = { ...HolderPage.properties, holdings: { state: true }, funds: { state: true }, custody: { state: true } };

  relevant(entry) {
    return entry.kind !== 'outcome';
  }

  async load(minIndex) {
    const [funds, answer] = await Promise.all([loadFunds(this.client, minIndex), this.client.read('/holdings', { minIndex })]);
    this.funds = funds;
    this.holdings = answer.holdings ?? [];
    const waiting = new Set(this.holdings.filter(h => !ZERO.test(h.unconfirmed)).map(h => h.fundCode));
    this.custody = waiting.size ? await this.unconfirmedRegistrations(waiting, minIndex) : [];
  }

  /** The approved registrations of {@code funds} in which this holder still has a line to confirm. */
  async unconfirmedRegistrations(funds, minIndex) {
    const perFund = await Promise.all([...funds].map(async fund => {
      const found = [];
      let start;
      do { // every page: a line to confirm is never left unseen (an approved register has few lines per holder)
        const window = await readWindow(this.client, `/custody?${new URLSearchParams({ status: 'APPROVED', fund })}`,
          'registrations', minIndex, { start });
        found.push(...window.items);
        start = window.nextAfter;
      } while (start !== undefined);
      return found;
    }));
    return perFund.flat().filter(r => (r.entries ?? []).some(line => line.holder === this.participant
      && Number(line.confirmedIndex) === 0));
  }

  confirm(custodyId) {
    return this.write(`/custody/${custodyId}/confirm`, {});
  }

  render() {
    if (!this.holdings) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-holder" id="holdings-page">
      <h1>${t('holdings.title')}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      ${this.holdings.length === 0 ? html`<p id="holdings-empty">${t('holdings.empty')}</p>` : this.renderTable()}
      ${this.renderCustody()}
    </section>`;
  }

  renderTable() {
    const currency = code => this.funds.get(code)?.currency;
    return html`<table class="fx-table fx-numbers" id="holdings-table">
      <thead><tr><th>${t('holder.fund')}</th><th>${t('holdings.units')}</th><th>${t('holdings.available')}</th>
        <th>${t('holdings.locked')}</th><th>${t('holdings.pledged')}</th><th>${t('holdings.frozen')}</th>
        <th>${t('holdings.unconfirmed')}</th><th>${t('holdings.pendingRegistration')}</th><th>${t('holdings.cost')}</th><th>${t('holdings.subscribed')}</th>
        <th>${t('holdings.paidIn')}</th></tr></thead>
      <tbody>${this.holdings.map(h => html`<tr id=${`holding-${h.fundCode}`} data-fund=${h.fundCode}>
        <td class="fx-text">${fundLabel(this.funds, h.fundCode)}</td>
        <td data-field="units">${units(h.units)}</td>
        <td data-field="available">${units(h.available)}</td>
        <td data-field="locked">${units(h.locked)}</td>
        <td data-field="pledged">${units(h.pledged)}</td>
        <td data-field="frozen">${units(h.frozen)}</td>
        <td data-field="unconfirmed">${units(h.unconfirmed)}${ZERO.test(h.unconfirmed) ? nothing
          : html` <button type="button" class="fx-link" data-action="to-confirm"
            @click=${() => this.querySelector('#custody-to-confirm')?.scrollIntoView()}>${t('holdings.toConfirm')}</button>`}</td>
        <td data-field="pendingRegistration">${units(h.pendingRegistration ?? '0.00')}</td>
        <td data-field="cost">${money(h.cost, currency(h.fundCode))}</td>
        <td data-field="subscribed">${money(h.subscribed, currency(h.fundCode))}</td>
        <td data-field="paidIn">${money(h.paidIn, currency(h.fundCode))}</td>
      </tr>`)}</tbody></table>`;
  }

  renderCustody() {
    const waiting = this.holdings.some(h => !ZERO.test(h.unconfirmed));
    if (!waiting) return nothing;
    return html`<h2 id="custody-to-confirm">${t('holdings.custodyTitle')}</h2>
      <p class="fx-intro">${t('holdings.custodyIntro')}</p>
      ${this.custody.length === 0 ? html`<p>${t('holdings.custodyNone')}</p>` : html`<table class="fx-table" id="custody-table">
        <thead><tr><th>${t('holdings.custodyId')}</th><th>${t('holder.fund')}</th><th>${t('holdings.units')}</th>
          <th></th></tr></thead>
        <tbody>${this.custody.map(r => {
          const line = r.entries.find(l => l.holder === this.participant);
          return html`<tr id=${`custody-${r.custodyId}`}><td>${r.custodyId}</td>
            <td class="fx-text">${fundLabel(this.funds, r.fundCode)}</td><td>${units(line.units)}</td>
            <td><button type="button" id=${`custody-confirm-${r.custodyId}`}
              @click=${() => this.confirm(r.custodyId)}>${t('holdings.confirm')}</button></td></tr>`;
        })}</tbody></table>`}`;
  }
}

addMessages({
  en: {
    'holdings.title': 'My holdings',
    'holdings.empty': 'You hold no fund units.',
    'holdings.units': 'Units',
    'holdings.available': 'Available',
    'holdings.locked': 'Locked',
    'holdings.pledged': 'Pledged',
    'holdings.frozen': 'Frozen',
    'holdings.unconfirmed': 'Unconfirmed',
    'holdings.pendingRegistration': 'Pending registration',
    'holdings.cost': 'Cost',
    'holdings.subscribed': 'Subscribed',
    'holdings.paidIn': 'Paid in',
    'holdings.toConfirm': 'Confirm',
    'holdings.custodyTitle': 'Custody lines to confirm',
    'holdings.custodyIntro': 'A fund’s custodian registered these units for you. They become available once you confirm them.',
    'holdings.custodyNone': 'No registration awaiting your confirmation was found in your recent events.',
    'holdings.custodyId': 'Registration',
    'holdings.confirm': 'Confirm my holding',
  },
  'zh-CN': {
    'holdings.title': '我的持仓',
    'holdings.empty': '您未持有任何基金份额。',
    'holdings.units': '份额',
    'holdings.available': '可用',
    'holdings.locked': '锁定',
    'holdings.pledged': '质押',
    'holdings.frozen': '冻结',
    'holdings.unconfirmed': '待确认',
    'holdings.pendingRegistration': '待登记变更',
    'holdings.cost': '成本',
    'holdings.subscribed': '认缴',
    'holdings.paidIn': '实缴',
    'holdings.toConfirm': '去确认',
    'holdings.custodyTitle': '待确认的托管登记',
    'holdings.custodyIntro': '基金托管方已为您登记以下份额，您确认后即可使用。',
    'holdings.custodyNone': '在您近期的事件中未找到待您确认的登记。',
    'holdings.custodyId': '登记编号',
    'holdings.confirm': '确认持有',
  },
});

customElements.define('fx-holdings-page', FxHoldingsPage);
