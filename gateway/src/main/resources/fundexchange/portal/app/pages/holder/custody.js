// "Custody": the holder submits a custody registration (POST /custody) with the SHA-256 of its supporting register or
// certificate, hashed in the browser (only the digest is sent): a FULL custody fund's whole register (every holder's
// line) or a PARTIAL custody fund's own lot (one line, its own). Below, the registrations it submitted or is on the
// register of, read from GET /custody (the exchange keeps them to the holder's own and shows each as GET /custody/{id}
// would) a page of 100 at a time in id order, with the next page offered when more follow (paging.js), and the
// confirmation of its own line of an approved FULL register (POST /custody/{id}/confirm).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money } from '../../format.js';
import { sha256Hex } from '../../signing.js';
import { HolderPage, loadFunds, fundLabel, amountProblem, UNITS_SCALE } from './common.js';
import { readWindow, Pager, renderPager } from '../paging.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MONEY = /^(0|[1-9][0-9]{0,15})(\.[0-9]{1,2})?$/;
const MAX_LINES = 200;
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

function emptyLine(holder = '') {
  return { holder, units: '', subscribed: '', paidIn: '', cost: '' };
}

class FxHolderCustodyPage extends HolderPage {
  static properties = {
    ...HolderPage.properties, funds: { state: true }, registrations: { state: true }, fundCode: { state: true },
    lines: { state: true }, checks: { state: true },
  };

  constructor() {
    super();
    this.fundCode = '';
    this.pager = new Pager();
    this.lines = [];
    this.checks = {};
  }

  relevant(entry) {
    return entry.kind !== 'outcome' && entry.data?.custodyId !== undefined;
  }

  async load(minIndex) {
    this.funds = await loadFunds(this.client, minIndex);
    if (!this.fundCode && this.funds.size) this.chooseFund([...this.funds.keys()][0]);
    const mine = await readWindow(this.client, '/custody', 'registrations', minIndex, { start: this.pager.start, pages: 1 });
    this.nextAfter = mine.nextAfter;
    this.registrations = mine.items;
  }

  get mode() {
    return this.funds?.get(this.fundCode)?.custodyMode ?? 'FULL';
  }

  chooseFund(code) {
    this.fundCode = code;
    this.lines = this.funds.get(code)?.custodyMode === 'PARTIAL' ? [emptyLine(this.participant)] : [emptyLine(this.participant)];
    this.checks = {};
  }

  edit(index, field, value) {
    this.lines = this.lines.map((line, i) => (i === index ? { ...line, [field]: value } : line));
  }

  /** Checks every field; the request's entries, or null with the problems shown. */
  entries() {
    const checks = {};
    const holders = new Set();
    this.lines.forEach((line, i) => {
      if (!ID.test(line.holder)) checks[`holder-${i}`] = { key: 'holder.check.id', params: {} };
      else if (holders.has(line.holder)) checks[`holder-${i}`] = { key: 'holderCustody.check.twice', params: {} };
      holders.add(line.holder);
      const unitsProblem = amountProblem(line.units, UNITS_SCALE);
      if (unitsProblem) checks[`units-${i}`] = unitsProblem;
      for (const field of ['subscribed', 'paidIn']) {
        if (!MONEY.test(line[field])) checks[`${field}-${i}`] = { key: 'holderCustody.check.money', params: {} };
      }
      if (line.cost !== '' && !MONEY.test(line.cost)) checks[`cost-${i}`] = { key: 'holderCustody.check.money', params: {} };
    });
    if (this.mode === 'PARTIAL' && (this.lines.length !== 1 || this.lines[0].holder !== this.participant)) {
      checks.lines = { key: 'holderCustody.check.partial', params: {} };
    }
    this.checks = checks;
    if (Object.keys(checks).length) return null;
    return this.lines.map(line => ({
      holder: line.holder, units: line.units, subscribed: line.subscribed, paidIn: line.paidIn,
      ...(line.cost === '' ? {} : { cost: line.cost }),
    }));
  }

  async submit() {
    const entries = this.entries();
    const file = this.querySelector('#holder-custody-document')?.files?.[0];
    if (!file || file.size > MAX_DOCUMENT_BYTES) {
      this.checks = { ...this.checks, document: { key: file ? 'holderCustody.check.tooLarge' : 'holderCustody.check.document', params: {} } };
      return;
    }
    if (!entries) return;
    const documentDigest = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
    if (await this.write('/custody', { fundCode: this.fundCode, entries, documentDigest })) this.chooseFund(this.fundCode);
  }

  render() {
    if (!this.registrations) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-holder" id="holder-custody-page">
      <h1>${t('holderCustody.title')}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      ${this.renderForm()}
      <h2>${t('holderCustody.mine')}</h2>
      ${this.registrations.length === 0 ? html`<p id="holder-custody-empty">${t('holder.none')}</p>` : this.renderMine()}
      ${renderPager('holder-custody', this.pager, this.nextAfter, () => this.refresh(0n), this.registrations.length)}
    </section>`;
  }

  check(name) {
    return HolderPage.renderCheck(this.checks[name], `holder-custody-${name}-problem`);
  }

  renderForm() {
    const partial = this.mode === 'PARTIAL';
    return html`<h2>${t('holderCustody.submitTitle')}</h2>
      <form class="fx-form" id="holder-custody-form" @submit=${e => { e.preventDefault(); this.submit(); }}>
        <label>${t('holder.fund')}
          <select id="holder-custody-fund" @change=${e => this.chooseFund(e.target.value)}>
            ${[...this.funds.values()].map(f => html`<option value=${f.fundCode ?? f.code} ?selected=${(f.fundCode ?? f.code) === this.fundCode}>
              ${fundLabel(this.funds, f.fundCode ?? f.code)} · ${t(`custodyMode.${f.custodyMode}`)}</option>`)}
          </select></label>
        <p class="fx-hint" id="holder-custody-mode" data-mode=${this.mode}>${t(partial ? 'holderCustody.partialHint' : 'holderCustody.fullHint')}</p>
        <table class="fx-table" id="holder-custody-lines">
          <thead><tr><th>${t('holderCustody.holder')}</th><th>${t('holderCustody.units')}</th>
            <th>${t('holderCustody.subscribed')}</th><th>${t('holderCustody.paidIn')}</th><th>${t('holderCustody.cost')}</th><th></th></tr></thead>
          <tbody>${this.lines.map((line, i) => html`<tr>
            <td><input class="fx-small" id=${`holder-custody-holder-${i}`} .value=${line.holder} ?readonly=${partial}
              @input=${e => this.edit(i, 'holder', e.target.value)}>${this.check(`holder-${i}`)}</td>
            <td><input class="fx-small" id=${`holder-custody-units-${i}`} .value=${line.units} inputmode="decimal"
              @input=${e => this.edit(i, 'units', e.target.value)}>${this.check(`units-${i}`)}</td>
            <td><input class="fx-small" id=${`holder-custody-subscribed-${i}`} .value=${line.subscribed} inputmode="decimal"
              @input=${e => this.edit(i, 'subscribed', e.target.value)}>${this.check(`subscribed-${i}`)}</td>
            <td><input class="fx-small" id=${`holder-custody-paid-in-${i}`} .value=${line.paidIn} inputmode="decimal"
              @input=${e => this.edit(i, 'paidIn', e.target.value)}>${this.check(`paidIn-${i}`)}</td>
            <td><input class="fx-small" id=${`holder-custody-cost-${i}`} .value=${line.cost} inputmode="decimal"
              placeholder=${t('holderCustody.optional')} @input=${e => this.edit(i, 'cost', e.target.value)}>${this.check(`cost-${i}`)}</td>
            <td>${partial || this.lines.length === 1 ? nothing : html`<button type="button" class="fx-link"
              @click=${() => { this.lines = this.lines.filter((_, j) => j !== i); }}>${t('holderCustody.removeLine')}</button>`}</td>
          </tr>`)}</tbody></table>
        ${this.check('lines')}
        ${partial ? nothing : html`<button type="button" class="fx-secondary" id="holder-custody-add-line"
          ?disabled=${this.lines.length >= MAX_LINES} @click=${() => { this.lines = [...this.lines, emptyLine()]; }}>
          ${t('holderCustody.addLine')}</button>`}
        <label>${t('holderCustody.document')}
          <input type="file" id="holder-custody-document">${this.check('document')}</label>
        <p class="fx-hint">${t('holderCustody.documentHint')}</p>
        <button type="submit" id="holder-custody-submit">${t('holderCustody.submit')}</button>
      </form>`;
  }

  renderMine() {
    return html`<table class="fx-table" id="holder-custody-table">
      <thead><tr><th>${t('holderCustody.registration')}</th><th>${t('holder.fund')}</th><th>${t('holderCustody.mode')}</th>
        <th>${t('holderCustody.status')}</th><th>${t('holderCustody.lines')}</th><th></th></tr></thead>
      <tbody>${this.registrations.map(r => {
        const mine = r.entries.find(line => line.holder === this.participant);
        const toConfirm = r.status === 'APPROVED' && r.mode === 'FULL' && mine && Number(mine.confirmedIndex) === 0;
        const currency = this.funds.get(r.fundCode)?.currency;
        return html`<tr id=${`holder-custody-${r.custodyId}`} data-status=${r.status}>
          <td>${r.custodyId}</td><td class="fx-text">${fundLabel(this.funds, r.fundCode)}</td>
          <td>${t(`custodyMode.${r.mode}`)}</td>
          <td data-field="status">${t(`custodyStatus.${r.status}`)}${r.reason ? html` · ${r.reason}` : nothing}</td>
          <td><ul class="fx-lines">${r.entries.map(line => html`<li data-holder=${line.holder}>${line.holder}: ${units(line.units)}
            · ${t('holderCustody.paidInShort', { paidIn: money(line.paidIn, currency) })}
            ${r.status === 'APPROVED' ? html` · <span data-field="confirmed">${Number(line.confirmedIndex) > 0
              ? t('holderCustody.confirmed') : t('holderCustody.unconfirmed')}</span>` : nothing}</li>`)}</ul></td>
          <td>${toConfirm ? html`<button type="button" id=${`holder-custody-confirm-${r.custodyId}`}
            @click=${() => this.write(`/custody/${r.custodyId}/confirm`, {})}>${t('holderCustody.confirm')}</button>` : nothing}</td>
        </tr>`;
      })}</tbody></table>`;
  }
}

addMessages({
  en: {
    'holderCustody.title': 'Custody registration',
    'holderCustody.submitTitle': 'Submit a registration',
    'holderCustody.fullHint': 'Full register: enter every holder of the fund’s register, each with its units. After approval each holder confirms its own line.',
    'holderCustody.partialHint': 'Own lot: only your own units of this fund are taken into custody; they are available once staff approve.',
    'holderCustody.holder': 'Holder',
    'holderCustody.units': 'Units',
    'holderCustody.subscribed': 'Subscribed',
    'holderCustody.paidIn': 'Paid in',
    'holderCustody.cost': 'Cost',
    'holderCustody.optional': 'optional',
    'holderCustody.addLine': 'Add a holder',
    'holderCustody.removeLine': 'Remove',
    'holderCustody.document': 'Register or certificate (file)',
    'holderCustody.documentHint': 'The file stays in your browser: only its SHA-256 is sent and journaled.',
    'holderCustody.submit': 'Submit for approval',
    'holderCustody.mine': 'Registrations concerning me',
    'holderCustody.registration': 'Registration',
    'holderCustody.mode': 'Custody mode',
    'holderCustody.status': 'Status',
    'holderCustody.lines': 'Lines',
    'holderCustody.paidInShort': 'paid in {paidIn}',
    'holderCustody.confirmed': 'confirmed',
    'holderCustody.unconfirmed': 'not yet confirmed',
    'holderCustody.confirm': 'Confirm my line',
    'holderCustody.check.twice': 'This holder is named twice.',
    'holderCustody.check.money': 'Enter an amount with at most 2 decimals (0 or more).',
    'holderCustody.check.partial': 'A partial custody registration names only your own lot.',
    'holderCustody.check.document': 'Choose the register or certificate file.',
    'holderCustody.check.tooLarge': 'This file is larger than 64 MiB.',
    'custodyMode.FULL': 'Full register',
    'custodyMode.PARTIAL': 'Own lot',
    'custodyStatus.PENDING_APPROVAL': 'Awaiting approval',
    'custodyStatus.APPROVED': 'Approved',
    'custodyStatus.REJECTED': 'Rejected',
  },
  'zh-CN': {
    'holderCustody.title': '托管登记',
    'holderCustody.submitTitle': '提交登记',
    'holderCustody.fullHint': '全部名册托管：请填写基金名册上的全部持有人及其份额。审核通过后，各持有人分别确认本人所在行。',
    'holderCustody.partialHint': '部分份额托管：仅将您本人持有的该基金份额纳入托管，审核通过后即可使用。',
    'holderCustody.holder': '持有人',
    'holderCustody.units': '份额',
    'holderCustody.subscribed': '认缴',
    'holderCustody.paidIn': '实缴',
    'holderCustody.cost': '成本',
    'holderCustody.optional': '选填',
    'holderCustody.addLine': '添加持有人',
    'holderCustody.removeLine': '删除',
    'holderCustody.document': '名册或证明文件',
    'holderCustody.documentHint': '文件留在您的浏览器中：仅发送并记录其 SHA-256 摘要。',
    'holderCustody.submit': '提交审核',
    'holderCustody.mine': '与我相关的登记',
    'holderCustody.registration': '登记编号',
    'holderCustody.mode': '托管方式',
    'holderCustody.status': '状态',
    'holderCustody.lines': '登记行',
    'holderCustody.paidInShort': '实缴 {paidIn}',
    'holderCustody.confirmed': '已确认',
    'holderCustody.unconfirmed': '尚未确认',
    'holderCustody.confirm': '确认本人持有',
    'holderCustody.check.twice': '该持有人重复填写。',
    'holderCustody.check.money': '请输入不小于 0、最多 2 位小数的金额。',
    'holderCustody.check.partial': '部分份额托管登记只能填写您本人的份额。',
    'holderCustody.check.document': '请选择名册或证明文件。',
    'holderCustody.check.tooLarge': '文件超过 64 MiB。',
    'custodyMode.FULL': '全部名册托管',
    'custodyMode.PARTIAL': '部分份额托管',
    'custodyStatus.PENDING_APPROVAL': '待审核',
    'custodyStatus.APPROVED': '已通过',
    'custodyStatus.REJECTED': '已驳回',
  },
});

customElements.define('fx-holder-custody-page', FxHolderCustodyPage);
