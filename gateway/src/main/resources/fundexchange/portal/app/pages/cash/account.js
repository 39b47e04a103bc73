// "Cash" for holders, investors and managers (route #/cash): the participant's own accounts in escrow (available and
// locked, by currency), a withdrawal (POST /cash/withdrawals: the amount is locked and an instruction goes to the
// bank), its payout instructions, its bid deposits (GET /cash/deposits) and every movement, each a page at a time. Nothing
// of any other participant's. Delivery versus payment (rules version 8, GET /cash/trades): the trades it buys with what
// is due and funded and a Fund action (POST /trades/{id}/fund); as a fund's manager, the registration changes to
// confirm or refuse.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time } from '../../format.js';
import { CashPage, cash, state, table, keyed, readWindow, Pager, renderPager } from './common.js';

class FxCashAccount extends CashPage {
  static properties = { ...CashPage.properties, accounts: { state: true }, instructions: { state: true },
    movements: { state: true }, trades: { state: true }, deposits: { state: true } };

  constructor() {
    super();
    this.pager = new Pager();
    this.depositPager = new Pager();
  }

  async load(minIndex) {
    // Pending trades read by status, so the newest always show however many trades have ended.
    const [accounts, instructions, funding, registration, movements, deposits] = await Promise.all([
      readWindow(this.client, '/cash/accounts', 'accounts', minIndex),
      readWindow(this.client, '/cash/instructions', 'instructions', minIndex),
      readWindow(this.client, '/cash/trades?status=AWAITING_FUNDING', 'trades', minIndex),
      readWindow(this.client, '/cash/trades?status=AWAITING_REGISTRATION', 'trades', minIndex),
      readWindow(this.client, '/cash/movements', 'movements', minIndex, { start: this.pager.start }),
      readWindow(this.client, '/cash/deposits', 'deposits', minIndex, { start: this.depositPager.start })]);
    this.accounts = accounts.items;
    this.instructions = instructions.items;
    this.trades = [...funding.items, ...registration.items].sort((a, b) => a.tradeId - b.tradeId);
    this.deposits = deposits;
    this.movements = movements;
  }

  fund(tradeId) {
    this.write(`/trades/${tradeId}/fund`, {}, 'cash.trade.funded');
  }

  renderTrades(zone) {
    const me = this.client.participant;
    return html`<h2>${t('cash.trades')}</h2>
      <p class="fx-hint">${t('cash.trades.hint')}</p>
      ${table('cash-trades', ['cash.trade', 'cash.trade.fund', 'cash.status', 'cash.trade.due', 'cash.trade.fundedSoFar',
        'cash.trade.deadline', 'cash.trade.action'], keyed(this.trades, tr => tr.tradeId, tr => html`<tr
          data-trade=${tr.tradeId} data-status=${tr.status}><td>${tr.tradeId}</td><td>${tr.fundCode}</td>
          <td>${state('cash.trade.status', tr.status)}</td><td>${cash(tr.due, tr.currency)}</td>
          <td>${cash(tr.funded, tr.currency)}</td>
          <td>${time(tr.status === 'AWAITING_FUNDING' ? tr.settleBy : tr.registrationDue, zone)}</td>
          <td>${tr.buyer === me && tr.status === 'AWAITING_FUNDING' ? html`<button class="fx-fund"
            ?disabled=${this.busy} @click=${() => this.fund(tr.tradeId)}>${t('cash.trade.fundSubmit')}</button>`
          : tr.manager === me && tr.status === 'AWAITING_REGISTRATION' ? this.renderRegistration(tr.tradeId)
          : nothing}</td>
        </tr>`), 'cash.trades.none')}`;
  }

  withdraw(event) {
    event.preventDefault();
    if (this.valid({ 'withdraw-currency': 'currency', 'withdraw-amount': 'amount' })) {
      this.write('/cash/withdrawals', { currency: this.value('withdraw-currency'), amount: this.value('withdraw-amount') },
        'cash.withdraw.done');
    }
  }

  render() {
    if (!this.movements) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const zone = this.zone;
    return html`<section class="fx-page" id="cash-page">
      <h1>${t('cash.title')}</h1>
      <p class="fx-intro">${t('cash.intro')}</p>
      ${this.renderFreshness()} ${this.renderRefresh('cash-refresh')}
      <h2>${t('cash.accounts')}</h2>
      ${table('cash-accounts', ['cash.currency', 'cash.available', 'cash.locked'], this.accounts.map(a => html`
        <tr data-currency=${a.currency}><td>${a.currency}</td><td class="fx-available">${cash(a.available, a.currency)}</td>
          <td class="fx-locked">${cash(a.locked, a.currency)}</td></tr>`), 'cash.accounts.none')}
      <h2>${t('cash.withdraw')}</h2>
      <p class="fx-hint">${t('cash.withdraw.hint')}</p>
      <form class="fx-form" id="withdraw-form" @submit=${e => this.withdraw(e)}>
        <label>${t('cash.currency')}<select id="withdraw-currency">${this.accounts.map(a => html`
          <option value=${a.currency}>${a.currency}</option>`)}</select></label>${this.check('withdraw-currency')}
        <label>${t('cash.amount')}<input id="withdraw-amount" inputmode="decimal" autocomplete="off"></label>
        ${this.check('withdraw-amount')}
        <button id="withdraw-submit" ?disabled=${this.busy || this.accounts.length === 0}>${t('cash.withdraw.submit')}</button>
      </form>
      ${this.renderOutcome()}
      ${this.renderTrades(zone)}
      <h2>${t('cash.instructions')}</h2>
      ${table('cash-instructions', ['cash.instruction', 'cash.amount', 'cash.status', 'cash.time'],
        this.instructions.map(i => html`<tr data-instruction=${i.instructionId} data-status=${i.status}>
          <td>${i.instructionId}</td><td>${cash(i.amount, i.currency)}</td><td>${state('cash.status', i.status)}
          ${i.returnReason ? html`<br><span class="fx-muted">${i.returnReason}</span>` : nothing}</td>
          <td>${time(i.instructedAt, zone)}</td></tr>`), 'cash.instructions.none')}
      <h2>${t('cash.deposits')}</h2>
      <p class="fx-hint">${t('cash.deposits.hint')}</p>
      ${table('cash-deposits', ['cash.deposit.listing', 'cash.amount', 'cash.status', 'cash.deposit.trade', 'cash.time'],
        this.deposits.items.map(d => html`<tr data-deposit=${d.depositId} data-status=${d.status}>
          <td>${d.listingId}</td><td>${cash(d.status === 'LOCKED' || d.status === 'HELD' ? d.amount : d.lockedAmount, d.currency)}</td>
          <td>${t(`cash.deposit.${d.status}`)}</td><td>${d.tradeId ?? t('app.none')}</td>
          <td>${time(d.lockedAt, zone)}</td></tr>`), 'cash.deposits.none')}
      ${renderPager('cash-deposits', this.depositPager, this.deposits.nextAfter, () => this.refresh(0n))}
      <h2>${t('cash.movements')}</h2>
      ${table('cash-movements', ['cash.time', 'cash.kind', 'cash.amount', 'cash.availableAfter', 'cash.lockedAfter',
        'cash.cause', 'cash.reference'], this.movements.items.map(m => html`<tr data-movement=${m.movementId}
          data-kind=${m.kind}><td>${time(m.movedAt, zone)}</td><td>${t(`cash.move.${m.kind}`)}</td>
          <td>${cash(m.amount, m.currency)}</td><td>${cash(m.availableAfter, m.currency)}</td>
          <td>${cash(m.lockedAfter, m.currency)}</td><td>${t(`cash.cause.${m.cause}`)}</td>
          <td>${m.bankReference ?? t('app.none')}</td></tr>`), 'cash.movements.none')}
      ${renderPager('cash-movements', this.pager, this.movements.nextAfter, () => this.refresh(0n))}
    </section>`;
  }
}

customElements.define('fx-cash-account', FxCashAccount);
