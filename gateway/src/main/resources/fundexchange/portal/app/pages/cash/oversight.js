// "Cash oversight" for staff and regulators (route #/cash-oversight): the registration changes awaiting confirmation
// (GET /cash/trades?status=AWAITING_REGISTRATION, rules version 8), unidentified receipts in suspense (GET
// /cash/receipts?status=SUSPENSE), open escrow mismatch alarms (GET /cash/statements?status=MISMATCH) and every
// account. Staff confirm or refuse the registration changes whose registrar they are (no manager participant named:
// a fund without one, or whose manager is a party), as a manager does on its Cash page (no maker-checker); staff
// propose an assignment, a return to the payer or an acknowledgement (POST /proposals); another staff member approves
// it here or on the proposals queue (never its proposer, never a party: CONTRACTS.md 4 and 18). Regulators read only.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time, date } from '../../format.js';
import { CashPage, cash, table, readWindow, moreNote, keyed } from './common.js';
import './oversight-words.js';

const ACTIONS = new Set(['AssignSuspenseReceipt', 'ReturnSuspenseReceipt', 'AcknowledgeEscrowAlarm', 'CorrectCash']);

class FxCashOversight extends CashPage {
  static properties = { ...CashPage.properties, registrations: { state: true }, suspense: { state: true },
    alarms: { state: true }, accounts: { state: true }, proposals: { state: true } };

  get me() {
    return this.participant;
  }

  get staff() {
    return (this.context?.session?.roles ?? []).includes('STAFF');
  }

  async load(minIndex) {
    const [registrations, suspense, alarms, accounts, proposals] = await Promise.all([
      readWindow(this.client, '/cash/trades?status=AWAITING_REGISTRATION', 'trades', minIndex),
      readWindow(this.client, '/cash/receipts?status=SUSPENSE', 'receipts', minIndex),
      readWindow(this.client, '/cash/statements?status=MISMATCH', 'statements', minIndex),
      readWindow(this.client, '/cash/accounts', 'accounts', minIndex),
      readWindow(this.client, '/proposals?status=PENDING', 'proposals', minIndex)]);
    this.registrations = registrations.items;
    this.suspense = suspense.items;
    this.alarms = alarms.items;
    this.accounts = accounts.items;
    this.proposals = proposals.items.filter(p => ACTIONS.has(p.action?.type));
    this.more = { registrations: registrations.nextAfter, suspense: suspense.nextAfter, alarms: alarms.nextAfter,
      accounts: accounts.nextAfter, proposals: proposals.nextAfter };
  }

  propose(action, fields) {
    if (this.valid(fields)) this.write('/proposals', { action }, 'oversight.proposed');
  }

  assign(r) {
    const key = r.receiptId;
    this.propose({ type: 'AssignSuspenseReceipt', bankReference: r.bankReference,
      participantId: this.value(`assign-to-${key}`), reason: this.value(`reason-${key}`) },
    { [`assign-to-${key}`]: 'id', [`reason-${key}`]: 'reason' });
  }

  sendBack(r) {
    const key = r.receiptId;
    this.propose({ type: 'ReturnSuspenseReceipt', bankReference: r.bankReference, reason: this.value(`reason-${key}`) },
      { [`reason-${key}`]: 'reason' });
  }

  acknowledge(s) {
    const key = `alarm-${s.statementId}`;
    this.propose({ type: 'AcknowledgeEscrowAlarm', alarmId: s.statementId, reason: this.value(key) }, { [key]: 'reason' });
  }

  /** Who the action concerns: a staff member never approves its own proposal or one it is a party to (2009, 1020). */
  approval(p) {
    const a = p.action ?? {};
    const parties = [a.participantId, a.from?.participantId, a.to?.participantId];
    const bar = p.proposer === this.me ? 'own' : parties.includes(this.me) ? 'party' : null;
    if (bar) return html`<span class="fx-muted" data-bar=${bar}>${t(`oversight.bar.${bar}`)}</span>`;
    return html`<button type="button" id=${`proposal-approve-${p.proposalId}`} ?disabled=${this.busy}
      @click=${() => this.write(`/proposals/${p.proposalId}/approve`, {}, 'oversight.approved')}>${t('oversight.approve')}</button>`;
  }

  /** What the checker approves: for a correction both accounts (kind and participant) and the amount in its currency. */
  describe(a) {
    return t(`oversight.action.${a.type}`, { reference: a.bankReference ?? '', participant: a.participantId ?? '',
      alarm: a.alarmId ?? '', amount: a.amount === undefined ? '' : cash(a.amount, a.currency), reason: a.reason ?? '',
      from: account(a.from), to: account(a.to) });
  }

  /**
   * Who decides a registration change: a trade naming a manager participant is its manager's (its Cash page); one
   * naming none is staff's, and a staff member not party to it confirms or refuses it here (a party: 1020, so barred).
   */
  registrar(tr) {
    if (tr.manager) {
      return html`<span data-registrar="manager">${t('oversight.registrar.manager', { manager: tr.manager })}</span>`;
    }
    if (!this.staff) return html`<span data-registrar="staff">${t('oversight.registrar.staff')}</span>`;
    if (tr.buyer === this.me || tr.seller === this.me) {
      return html`<span class="fx-muted" data-bar="party">${t('oversight.registrar.party')}</span>`;
    }
    return html`<div class="fx-form" data-registrar="staff">${this.renderRegistration(tr.tradeId)}</div>`;
  }

  input(id, key) {
    return html`<label>${t(key)}<input id=${id} autocomplete="off"></label>${this.check(id)}`;
  }

  render() {
    if (!this.proposals) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const zone = this.zone;
    const staff = this.staff;
    return html`<section class="fx-page fx-staff" id="cash-oversight-page">
      <h1>${t('oversight.title')}</h1>
      <p class="fx-intro">${t('oversight.intro')}</p>
      ${this.renderFreshness()} ${this.renderRefresh('oversight-refresh')}
      ${this.renderOutcome()}
      <h2>${t('oversight.registrations')}</h2>
      <p class="fx-hint">${t('oversight.registrations.hint')}</p>
      ${table('staff-registrations', ['cash.trade', 'cash.trade.fund', 'oversight.seller', 'oversight.buyer',
        'oversight.consideration', 'cash.trade.deadline', 'oversight.registrar'],
        keyed(this.registrations, tr => tr.tradeId, tr => html`<tr data-trade=${tr.tradeId} data-status=${tr.status}>
          <td>${tr.tradeId}</td><td>${tr.fundCode}</td><td>${tr.seller}</td><td>${tr.buyer}</td>
          <td>${cash(tr.consideration, tr.currency)}</td><td>${time(tr.registrationDue, zone)}</td>
          <td>${this.registrar(tr)}</td></tr>`),
        'oversight.registrations.none')}${moreNote('staff-registrations', this.more.registrations)}
      <h2>${t('oversight.suspense')}</h2>
      ${table('suspense-receipts', ['cash.reference', 'cash.amount', 'oversight.remitter', 'oversight.received', ''],
        keyed(this.suspense, r => r.receiptId, r => html`<tr data-reference=${r.bankReference}><td>${r.bankReference}</td>
          <td>${cash(r.amount, r.currency)}</td><td>${r.remitter ?? t('app.none')}</td><td>${time(r.receivedAt, zone)}</td>
          <td>${staff ? html`<div class="fx-form">${this.input(`assign-to-${r.receiptId}`, 'oversight.assignTo')}
            ${this.input(`reason-${r.receiptId}`, 'oversight.reason')}
            <button type="button" id=${`assign-${r.receiptId}`} ?disabled=${this.busy} @click=${() => this.assign(r)}>${t('oversight.assign')}</button>
            <button type="button" class="fx-secondary" id=${`send-back-${r.receiptId}`} ?disabled=${this.busy}
              @click=${() => this.sendBack(r)}>${t('oversight.return')}</button></div>` : nothing}</td></tr>`),
        'oversight.suspense.none')}${moreNote('suspense-receipts', this.more.suspense)}
      <h2>${t('oversight.alarms')}</h2>
      ${table('escrow-alarms', ['cash.statementDate', 'cash.currency', 'cash.closingBalance', 'cash.escrow', ''],
        this.alarms.map(s => html`<tr data-alarm=${s.statementId}><td>${date(s.statementDate)}</td><td>${s.currency}</td>
          <td>${cash(s.bankBalance, s.currency)}</td><td>${cash(s.escrowBalance, s.currency)}</td>
          <td>${staff ? html`<div class="fx-form">${this.input(`alarm-${s.statementId}`, 'oversight.reason')}
            <button type="button" id=${`acknowledge-${s.statementId}`} ?disabled=${this.busy}
              @click=${() => this.acknowledge(s)}>${t('oversight.acknowledge')}</button></div>` : nothing}</td></tr>`),
        'oversight.alarms.none')}${moreNote('escrow-alarms', this.more.alarms)}
      <h2>${t('oversight.pending')}</h2>
      ${table('cash-proposals', ['oversight.reason', ''], this.proposals.map(p => html`<tr data-proposal=${p.proposalId}>
          <td>${this.describe(p.action)}</td><td>${staff ? this.approval(p) : nothing}</td></tr>`),
        'oversight.pending.none')}${moreNote('cash-proposals', this.more.proposals)}
      <h2>${t('oversight.accounts')}</h2>
      ${table('all-accounts', ['oversight.owner', 'cash.currency', 'cash.available', 'cash.locked'],
        this.accounts.map(a => html`<tr data-owner=${a.owner} data-currency=${a.currency}>
          <td>${a.kind === 'PARTICIPANT' ? a.owner : t(`oversight.kind.${a.kind}`)}</td><td>${a.currency}</td>
          <td>${cash(a.available, a.currency)}</td><td>${cash(a.locked, a.currency)}</td></tr>`), 'cash.accounts.none')}
      ${moreNote('all-accounts', this.more.accounts)}
    </section>`;
  }
}

/** An account of a correction: its kind's word, and the participant for a participant's account. */
function account(ref) {
  if (!ref) return '';
  const kind = t(`oversight.kind.${ref.kind}`);
  return ref.kind === 'PARTICIPANT' ? `${kind} ${ref.participantId ?? ''}` : kind;
}

customElements.define('fx-cash-oversight', FxCashOversight);
