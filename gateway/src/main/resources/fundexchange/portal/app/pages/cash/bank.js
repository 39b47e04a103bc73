// "Bank queue" for the settlement bank (route #/bank-queue): the payout instructions awaiting it (GET
// /cash/instructions?status=PENDING), each confirmed paid or returned with the bank's own reference and value date;
// receipts for an account and unidentified ones (to suspense); the daily statement of the escrow account; and the
// receipts and statements it recorded. Every confirmation is idempotent by the bank's reference (the engine refuses
// a repeat).
import { html } from 'lit';
import { t } from '../../i18n.js';
import { time, date } from '../../format.js';
import { CashPage, cash, state, table, readWindow, moreNote, keyed } from './common.js';
import './bank-words.js';

class FxBankQueue extends CashPage {
  static properties = { ...CashPage.properties, queue: { state: true }, receipts: { state: true },
    statements: { state: true } };

  async load(minIndex) {
    const [queue, receipts, statements] = await Promise.all([
      readWindow(this.client, '/cash/instructions?status=PENDING', 'instructions', minIndex),
      readWindow(this.client, '/cash/receipts', 'receipts', minIndex),
      readWindow(this.client, '/cash/statements', 'statements', minIndex)]);
    this.queue = queue.items;
    this.receipts = receipts.items;
    this.statements = statements.items;
    this.more = { queue: queue.nextAfter, receipts: receipts.nextAfter, statements: statements.nextAfter };
  }

  decide(instruction, paid) {
    const id = instruction.instructionId;
    const fields = { [`ref-${id}`]: 'reference', [`date-${id}`]: 'date' };
    if (!paid) fields[`why-${id}`] = 'reason';
    if (!this.valid(fields)) return;
    const body = { bankReference: this.value(`ref-${id}`), valueDate: this.value(`date-${id}`) };
    if (paid) {
      this.write(`/cash/instructions/${id}/executed`, body, 'bank.executed.done');
    } else {
      this.write(`/cash/instructions/${id}/returned`, { ...body, reason: this.value(`why-${id}`) }, 'bank.returned.done');
    }
  }

  receipt(event) {
    event.preventDefault();
    if (this.valid({ 'receipt-participant': 'id', 'receipt-currency': 'currency', 'receipt-amount': 'amount',
      'receipt-reference': 'reference', 'receipt-date': 'date' })) {
      this.write('/cash/receipts', { participantId: this.value('receipt-participant'),
        currency: this.value('receipt-currency'), amount: this.value('receipt-amount'),
        bankReference: this.value('receipt-reference'), valueDate: this.value('receipt-date') }, 'bank.receipt.done');
    }
  }

  unidentified(event) {
    event.preventDefault();
    if (this.valid({ 'unidentified-currency': 'currency', 'unidentified-amount': 'amount',
      'unidentified-reference': 'reference', 'unidentified-date': 'date', 'unidentified-remitter': 'remitter' })) {
      const remitter = this.value('unidentified-remitter');
      this.write('/cash/unidentified-receipts', { currency: this.value('unidentified-currency'),
        amount: this.value('unidentified-amount'), bankReference: this.value('unidentified-reference'),
        valueDate: this.value('unidentified-date'), ...(remitter ? { remitter } : {}) }, 'bank.receipt.done');
    }
  }

  statement(event) {
    event.preventDefault();
    if (this.valid({ 'statement-currency': 'currency', 'statement-date': 'date', 'statement-balance': 'balance',
      'statement-reference': 'reference' })) {
      this.write('/cash/statements', { currency: this.value('statement-currency'),
        statementDate: this.value('statement-date'), closingBalance: this.value('statement-balance'),
        bankReference: this.value('statement-reference') }, 'bank.statement.done');
    }
  }

  field(id, key, value = '') {
    return html`<label>${t(key)}<input id=${id} autocomplete="off" .value=${value}></label>${this.check(id)}`;
  }

  renderQueue(zone) {
    const today = this.today();
    // Keyed by instruction: a live refresh that adds or removes rows moves each row's typed reference with it, so a
    // reference typed for one instruction never confirms another.
    return table('bank-queue', ['cash.instruction', 'bank.payee', 'cash.amount', 'cash.time', ''], keyed(this.queue,
      i => i.instructionId, i => {
      const id = i.instructionId;
      return html`<tr data-instruction=${id}><td>${id}</td>
        <td>${i.accountKind === 'PARTICIPANT' ? i.owner : t('bank.payee.suspense', { reference: i.receiptReference ?? '' })}</td>
        <td>${cash(i.amount, i.currency)}</td><td>${time(i.instructedAt, zone)}</td>
        <td class="fx-form">${this.field(`ref-${id}`, 'bank.confirmation')}${this.field(`date-${id}`, 'bank.valueDate', today)}
          ${this.field(`why-${id}`, 'bank.returnReason')}
          <button type="button" id=${`executed-${id}`} ?disabled=${this.busy} @click=${() => this.decide(i, true)}>${t('bank.executed')}</button>
          <button type="button" class="fx-secondary" id=${`returned-${id}`} ?disabled=${this.busy}
            @click=${() => this.decide(i, false)}>${t('bank.returned')}</button></td></tr>`;
    }), 'bank.queue.none');
  }

  render() {
    if (!this.statements) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const zone = this.zone;
    const today = this.today();
    return html`<section class="fx-page" id="bank-page">
      <h1>${t('bank.title')}</h1>
      <p class="fx-intro">${t('bank.intro')}</p>
      ${this.renderFreshness()} ${this.renderRefresh('bank-refresh')}
      ${this.renderOutcome()}
      <h2>${t('bank.queue')}</h2>
      ${this.renderQueue(zone)}${moreNote('bank-queue', this.more.queue)}
      <h2>${t('bank.receipt')}</h2>
      <form class="fx-form" id="receipt-form" @submit=${e => this.receipt(e)}>
        ${this.field('receipt-participant', 'bank.receipt.participant')}${this.field('receipt-currency', 'cash.currency', 'CNY')}
        ${this.field('receipt-amount', 'cash.amount')}${this.field('receipt-reference', 'cash.reference')}
        ${this.field('receipt-date', 'bank.valueDate', today)}
        <button id="receipt-submit" ?disabled=${this.busy}>${t('bank.receipt.submit')}</button></form>
      <h2>${t('bank.unidentified')}</h2>
      <form class="fx-form" id="unidentified-form" @submit=${e => this.unidentified(e)}>
        ${this.field('unidentified-currency', 'cash.currency', 'CNY')}${this.field('unidentified-amount', 'cash.amount')}
        ${this.field('unidentified-reference', 'cash.reference')}${this.field('unidentified-date', 'bank.valueDate', today)}
        ${this.field('unidentified-remitter', 'bank.unidentified.remitter')}
        <button id="unidentified-submit" ?disabled=${this.busy}>${t('bank.unidentified.submit')}</button></form>
      <h2>${t('bank.statement')}</h2>
      <form class="fx-form" id="statement-form" @submit=${e => this.statement(e)}>
        ${this.field('statement-currency', 'cash.currency', 'CNY')}${this.field('statement-date', 'cash.statementDate', today)}
        ${this.field('statement-balance', 'cash.closingBalance')}${this.field('statement-reference', 'cash.reference')}
        <button id="statement-submit" ?disabled=${this.busy}>${t('bank.statement.submit')}</button></form>
      <h2>${t('bank.receipts')}</h2>
      ${table('bank-receipts', ['cash.reference', 'bank.receipt.participant', 'cash.amount', 'bank.valueDate', 'cash.status'],
        this.receipts.map(r => html`<tr data-reference=${r.bankReference} data-status=${r.status}><td>${r.bankReference}</td>
          <td>${r.participant ?? r.remitter ?? t('app.none')}</td><td>${cash(r.amount, r.currency)}</td>
          <td>${date(r.valueDate)}</td><td>${state('bank.receiptStatus', r.status)}</td></tr>`), 'bank.receipts.none')}
      ${moreNote('bank-receipts', this.more.receipts)}
      <h2>${t('bank.statements')}</h2>
      ${table('bank-statements', ['cash.statementDate', 'cash.currency', 'cash.closingBalance', 'cash.escrow',
        'cash.status'], this.statements.map(s => html`<tr data-statement=${s.statementId} data-status=${s.status}>
          <td>${date(s.statementDate)}</td><td>${s.currency}</td><td>${cash(s.bankBalance, s.currency)}</td>
          <td>${cash(s.escrowBalance, s.currency)}</td><td>${state('bank.statementStatus', s.status)}</td></tr>`),
        'bank.statements.none')}
      ${moreNote('bank-statements', this.more.statements)}
    </section>`;
  }
}

customElements.define('fx-bank-queue', FxBankQueue);
