// "Custody": custody registrations (GET /custody?status, or one at #/staff-custody/<id> via GET /custody/{id}) with
// their register lines, supporting document digest, submission time and each line's confirmation; a pending one is
// approved (POST /custody/{id}/approve: its units are deposited, a FULL register's lines then await each holder's
// confirmation) or rejected with a reason (POST /custody/{id}/reject). A staff member named on it has no buttons.
// The list is read a page of 100 at a time; when more follow, the page says so and offers the next (paging.js).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money, time } from '../../format.js';
import { StaffPage, loadFunds, fundLabel, journalTimes, waited, renderCheck } from './common.js';
import { readWindow, Pager, renderPager } from '../paging.js';

const PAGE_ID = 'staff-custody';
const STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'REJECTED'];

function detailId() {
  const match = new RegExp(`^#/${PAGE_ID}/([1-9][0-9]{0,18})$`).exec(location.hash);
  return match ? match[1] : null;
}

class FxStaffCustody extends StaffPage {
  static clock = true; // waiting times on the exchange's clock

  static properties = {
    ...StaffPage.properties, registrations: { state: true }, status: { state: true }, reasons: { state: true },
    checks: { state: true },
  };

  constructor() {
    super();
    this.status = 'PENDING_APPROVAL';
    this.pager = new Pager();
    this.reasons = {};
    this.checks = {};
    this.routed = detailId();
    this.onHash = () => {
      if (detailId() === this.routed) return;
      this.routed = detailId();
      this.registrations = null;
      this.outcome = null;
      this.refresh(0n);
    };
  }

  connectedCallback() {
    this.routed = detailId();
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
  }

  disconnectedCallback() {
    removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  async load(minIndex) {
    const id = this.routed;
    const [funds, answer] = await Promise.all([loadFunds(this.client, minIndex),
      id ? this.client.read(`/custody/${id}`, { minIndex }).then(r => ({ items: [r] }))
        : readWindow(this.client, `/custody?status=${this.status}`, 'registrations', minIndex,
          { start: this.pager.start, pages: 1 })]);
    const registrations = answer.items;
    this.nextAfter = answer.nextAfter;
    this.submitted = await journalTimes(this.client, registrations.map(r => r.custodyId), minIndex);
    this.funds = funds;
    this.registrations = registrations;
  }

  choose(status) {
    this.status = status;
    this.pager.first();
    this.refresh(0n);
  }

  reject(custodyId) {
    const reason = (this.reasons[custodyId] ?? '').trim();
    this.checks = { ...this.checks, [custodyId]: reason ? null : { key: 'staff.check.required', params: {} } };
    if (!reason) return;
    this.write(`/custody/${custodyId}/reject`, { reason });
  }

  render() {
    if (!this.registrations) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-staff" id="staff-custody-page">
      <h1>${this.routed ? t('custody.titleOne', { id: this.routed }) : t('custody.title')}</h1>
      ${this.renderFreshness()}
      ${this.routed ? html`<p><a href="#/staff-custody" id="custody-back">${t('custody.back')}</a></p>` : html`
        <label class="fx-filter">${t('custody.status')}
          <select id="custody-status" @change=${e => this.choose(e.target.value)}>
            ${STATUSES.map(s => html`<option value=${s} ?selected=${s === this.status}>${t(`custodyStatus.${s}`)}</option>`)}
          </select></label>`}
      ${this.renderOutcome()}
      ${this.registrations.length === 0 ? html`<p class="fx-empty" id="custody-empty">${t('staff.none')}</p>`
        : this.registrations.map(r => this.renderRegistration(r))}
      ${this.routed ? nothing : renderPager('custody', this.pager, this.nextAfter, () => this.refresh(0n),
        this.registrations.length)}
      <p class="fx-note">${t('staff.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  renderRegistration(r) {
    const currency = this.funds.get(r.fundCode)?.currency;
    const at = this.submitted.get(String(r.custodyId));
    const party = r.submittedBy === this.me || r.entries.some(line => line.holder === this.me);
    return html`<article class="fx-card" id=${`custody-${r.custodyId}`} data-status=${r.status}>
      <h2>${t('custody.registration', { id: r.custodyId })} · ${fundLabel(this.funds, r.fundCode)}</h2>
      <dl class="fx-fields">
        <dt>${t('custody.mode')}</dt><dd>${t(`custodyMode.${r.mode}`)}</dd>
        <dt>${t('custody.submitter')}</dt><dd>${r.submittedBy}</dd>
        <dt>${t('staff.submittedAt')}</dt><dd>${at === undefined ? t('app.none')
          : html`${time(at, this.zone)} · ${t('custody.waited', { waited: waited(this.client.exchange.now() - at) })}`}</dd>
        <dt>${t('custody.document')}</dt><dd class="fx-digest">${t('staff.document.digest', { digest: r.documentDigest })}</dd>
        <dt>${t('custody.status')}</dt><dd data-field="status">${t(`custodyStatus.${r.status}`)}</dd>
        ${r.decidedBy ? html`<dt>${t('custody.decidedBy')}</dt><dd>${r.decidedBy} (${t('custody.index', { index: r.decidedIndex })})</dd>` : nothing}
        ${r.reason ? html`<dt>${t('custody.reason')}</dt><dd>${r.reason}</dd>` : nothing}
      </dl>
      <table class="fx-table" id=${`custody-lines-${r.custodyId}`}>
        <thead><tr><th>${t('custody.holder')}</th><th>${t('custody.units')}</th><th>${t('custody.subscribed')}</th>
          <th>${t('custody.paidIn')}</th><th>${t('custody.cost')}</th><th>${t('custody.confirmed')}</th></tr></thead>
        <tbody>${r.entries.map(line => html`<tr data-holder=${line.holder}>
          <td class="fx-text">${line.holder}</td><td>${units(line.units)}</td><td>${money(line.subscribed, currency)}</td>
          <td>${money(line.paidIn, currency)}</td><td>${money(line.cost, currency)}</td>
          <td data-field="confirmed">${r.status !== 'APPROVED' ? t('app.none') : Number(line.confirmedIndex) > 0
            ? t('custody.confirmedAt', { index: line.confirmedIndex }) : t('custody.unconfirmed')}</td></tr>`)}</tbody></table>
      ${r.status !== 'PENDING_APPROVAL' ? nothing : party ? html`<p class="fx-muted">${t('staff.proposal.bar.party')}</p>` : html`
        <div class="fx-actions">
          <button type="button" id=${`custody-approve-${r.custodyId}`} @click=${() => this.write(`/custody/${r.custodyId}/approve`, {})}>
            ${t('custody.approve')}</button>
          <input id=${`custody-reason-${r.custodyId}`} placeholder=${t('custody.reasonPlaceholder')} maxlength="200"
            .value=${this.reasons[r.custodyId] ?? ''} @input=${e => { this.reasons = { ...this.reasons, [r.custodyId]: e.target.value }; }}>
          <button type="button" class="fx-secondary" id=${`custody-reject-${r.custodyId}`} @click=${() => this.reject(r.custodyId)}>
            ${t('custody.reject')}</button>
          ${renderCheck(this.checks[r.custodyId], `custody-reason-problem-${r.custodyId}`)}
        </div>`}
    </article>`;
  }
}

addMessages({
  en: {
    'custody.title': 'Custody registrations',
    'custody.mode': 'Custody mode',
    'custody.submitter': 'Submitted by',
    'custody.units': 'Units',
    'custody.titleOne': 'Custody registration {id}',
    'custody.back': '← All registrations',
    'custody.status': 'Status',
    'custody.registration': 'Registration {id}',
    'custody.waited': 'waiting {waited}',
    'custody.document': 'Supporting register or certificate',
    'custody.decidedBy': 'Decided by',
    'custody.index': 'journal index {index}',
    'custody.reason': 'Reason',
    'custody.holder': 'Holder',
    'custody.subscribed': 'Subscribed',
    'custody.paidIn': 'Paid in',
    'custody.cost': 'Cost',
    'custody.confirmed': 'Holder’s confirmation',
    'custody.confirmedAt': 'confirmed (index {index})',
    'custody.unconfirmed': 'awaiting the holder',
    'custody.approve': 'Approve and deposit the units',
    'custody.reasonPlaceholder': 'Reason for a rejection',
    'custody.reject': 'Reject',
    'custodyStatus.PENDING_APPROVAL': 'Awaiting approval',
    'custodyStatus.APPROVED': 'Approved',
    'custodyStatus.REJECTED': 'Rejected',
  },
  'zh-CN': {
    'custody.title': '托管登记',
    'custody.mode': '托管方式',
    'custody.submitter': '提交人',
    'custody.units': '份额',
    'custody.titleOne': '托管登记 {id}',
    'custody.back': '← 全部登记',
    'custody.status': '状态',
    'custody.registration': '登记 {id}',
    'custody.waited': '已等待 {waited}',
    'custody.document': '所附名册或证明文件',
    'custody.decidedBy': '审核人',
    'custody.index': '日志序号 {index}',
    'custody.reason': '理由',
    'custody.holder': '持有人',
    'custody.subscribed': '认缴',
    'custody.paidIn': '实缴',
    'custody.cost': '成本',
    'custody.confirmed': '持有人确认',
    'custody.confirmedAt': '已确认（序号 {index}）',
    'custody.unconfirmed': '待持有人确认',
    'custody.approve': '审核通过并登记份额',
    'custody.reasonPlaceholder': '驳回理由',
    'custody.reject': '驳回',
    'custodyStatus.PENDING_APPROVAL': '待审核',
    'custodyStatus.APPROVED': '已通过',
    'custodyStatus.REJECTED': '已驳回',
  },
});

customElements.define('fx-staff-custody', FxStaffCustody);
