// "Pledges & freezes" of one fund (GET /pledges?fund=, GET /freezes?fund=), each with its legal basis and the SHA-256
// of its document: staff register a pledge (POST /pledges) and release it (POST /pledges/{id}/release); a judicial
// freeze and its lifting are maker-checker (POST /proposals with FreezeUnits / UnfreezeUnits), taking effect when a
// second staff member approves; the fund's pending freeze proposals are listed here with that approval.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money } from '../../format.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import {
  StaffPage, loadFunds, fundLabel, amountProblem, UNITS_SCALE, ID, fileDigest, renderCheck, renderApproval, describeAction,
} from './common.js';

const MONEY = /^(0|[1-9][0-9]{0,15})(\.[0-9]{1,2})?$/;
const TEXT_MAX = 200;

class FxStaffEncumbrances extends StaffPage {
  static properties = {
    ...StaffPage.properties, fundCode: { state: true }, pledges: { state: true }, freezes: { state: true },
    proposals: { state: true }, checks: { state: true }, reasons: { state: true },
  };

  constructor() {
    super();
    this.fundCode = '';
    this.checks = {};
    this.reasons = {};
  }

  async load(minIndex) {
    const funds = await loadFunds(this.client, minIndex);
    if (!this.fundCode || !funds.has(this.fundCode)) this.fundCode = [...funds.keys()][0] ?? '';
    this.funds = funds;
    if (!this.fundCode) {
      this.pledges = [];
      this.freezes = [];
      this.proposals = [];
      return;
    }
    const fund = encodeURIComponent(this.fundCode);
    const [pledges, freezes, proposals] = await Promise.all([
      this.client.read(`/pledges?fund=${fund}`, { minIndex }), this.client.read(`/freezes?fund=${fund}`, { minIndex }),
      readWindow(this.client, '/proposals?status=PENDING', 'proposals', minIndex, { start: this.proposalPager.start })]);
    this.proposalsNext = proposals.nextAfter;
    this.pledges = pledges.pledges ?? [];
    this.freezes = freezes.freezes ?? [];
    const ids = new Set(this.freezes.map(f => String(f.freezeId)));
    this.proposals = proposals.items.filter(p => (p.action?.type === 'FreezeUnits' && p.action.fundCode === this.fundCode)
      || (p.action?.type === 'UnfreezeUnits' && ids.has(String(p.action.freezeId))));
  }

  choose(code) {
    this.fundCode = code;
    this.refresh(0n);
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  /** The common fields of a pledge or a freeze: holder and units, checked; with the document's digest. */
  async basis(prefix, checks) {
    const holder = this.value(`${prefix}-holder`);
    const unitText = this.value(`${prefix}-units`);
    if (!ID.test(holder)) checks[`${prefix}-holder`] = { key: 'staff.check.id', params: {} };
    const unitsProblem = amountProblem(unitText, UNITS_SCALE);
    if (unitsProblem) checks[`${prefix}-units`] = unitsProblem;
    const document = await fileDigest(this.querySelector(`#${prefix}-document`)?.files?.[0]);
    if (document.problem) checks[`${prefix}-document`] = document.problem;
    return { holder, units: unitText, documentDigest: document.digest };
  }

  text(id, checks) {
    const value = this.value(id);
    if (!value || value.length > TEXT_MAX) checks[id] = { key: 'staff.check.required', params: {} };
    return value;
  }

  async pledge() {
    const checks = {};
    const basis = await this.basis('pledge', checks);
    const pledgee = this.text('pledge-pledgee', checks);
    const secured = this.value('pledge-secured');
    if (secured && !MONEY.test(secured)) checks['pledge-secured'] = { key: 'encumbrances.check.money', params: {} };
    this.checks = checks;
    if (Object.keys(checks).length) return;
    await this.write('/pledges', { fundCode: this.fundCode, ...basis, pledgee, ...(secured ? { securedAmount: secured } : {}) });
  }

  async freeze() {
    const checks = {};
    const basis = await this.basis('freeze', checks);
    const authority = this.text('freeze-authority', checks);
    const caseNumber = this.text('freeze-case', checks);
    this.checks = checks;
    if (Object.keys(checks).length) return;
    await this.write('/proposals', { action: { type: 'FreezeUnits', fundCode: this.fundCode, ...basis, authority, caseNumber } });
  }

  unfreeze(freezeId) {
    const reason = (this.reasons[freezeId] ?? '').trim();
    this.checks = { ...this.checks, [`unfreeze-${freezeId}`]: reason ? null : { key: 'staff.check.required', params: {} } };
    if (reason) this.write('/proposals', { action: { type: 'UnfreezeUnits', freezeId, reason } });
  }

  render() {
    if (!this.pledges) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-staff" id="encumbrances-page">
      <h1>${t('encumbrances.title')}</h1>
      ${this.renderFreshness()}
      <label class="fx-filter">${t('staff.fund')}
        <select id="encumbrances-fund" @change=${e => this.choose(e.target.value)}>
          ${[...this.funds.keys()].map(code => html`<option value=${code} ?selected=${code === this.fundCode}>${fundLabel(this.funds, code)}</option>`)}
        </select></label>
      ${this.renderOutcome()}
      ${this.renderProposals()}
      ${this.renderFreezes()}
      ${this.renderFreezeForm()}
      ${this.renderPledges()}
      ${this.renderPledgeForm()}
    </section>`;
  }

  check(name) {
    return renderCheck(this.checks[name], `${name}-problem`);
  }

  /** Pending proposals are read a window of 1,000 at a time (paging.js); more are offered, never cut off unseen. */
  get proposalPager() {
    this.pagerOfProposals ??= new Pager();
    return this.pagerOfProposals;
  }

  renderProposals() {
    const pager = renderPager('encumbrances-proposals', this.proposalPager, this.proposalsNext, () => this.refresh(0n));
    if (this.proposals.length === 0) return pager;
    return html`${pager}<h2>${t('encumbrances.pending')}</h2>
      <table class="fx-table" id="encumbrances-proposals"><tbody>${this.proposals.map(p => html`<tr id=${`encumbrance-proposal-${p.proposalId}`}>
        <td>${p.proposalId}</td><td class="fx-text">${describeAction(p.action)}</td><td class="fx-text">${p.proposer}</td>
        <td>${renderApproval(this, p, new Map(this.freezes.map(f => [String(f.freezeId), f])))}</td></tr>`)}</tbody></table>`;
  }

  renderFreezes() {
    return html`<h2>${t('encumbrances.freezes')}</h2>
      ${this.freezes.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="freezes-table">
        <thead><tr><th>${t('encumbrances.freeze')}</th><th>${t('encumbrances.holder')}</th><th>${t('encumbrances.units')}</th>
          <th>${t('encumbrances.basis')}</th><th>${t('encumbrances.document')}</th><th>${t('encumbrances.status')}</th><th></th></tr></thead>
        <tbody>${this.freezes.map(f => html`<tr id=${`freeze-${f.freezeId}`} data-status=${f.status}>
          <td>${f.freezeId}</td><td class="fx-text">${f.holder}</td><td>${units(f.units)}</td>
          <td class="fx-text">${t('encumbrances.order', { authority: f.authority, caseNumber: f.caseNumber })}</td>
          <td class="fx-digest">${f.documentDigest}</td>
          <td data-field="status">${t(`freezeStatus.${f.status}`)}${f.liftReason ? html` · ${f.liftReason}` : nothing}</td>
          <td>${f.status !== 'ACTIVE' ? nothing : html`<div class="fx-actions">
            <input class="fx-small" id=${`unfreeze-reason-${f.freezeId}`} placeholder=${t('encumbrances.liftReason')}
              @input=${e => { this.reasons = { ...this.reasons, [f.freezeId]: e.target.value }; }}>
            <button type="button" class="fx-secondary" id=${`unfreeze-${f.freezeId}`} @click=${() => this.unfreeze(f.freezeId)}>
              ${t('encumbrances.proposeLift')}</button>${this.check(`unfreeze-${f.freezeId}`)}</div>`}</td>
        </tr>`)}</tbody></table>`}`;
  }

  renderFreezeForm() {
    return html`<form class="fx-form" id="freeze-form" @submit=${e => { e.preventDefault(); this.freeze(); }}>
      <h3>${t('encumbrances.freezeTitle')}</h3>
      <p class="fx-hint">${t('encumbrances.freezeHint')}</p>
      <label>${t('encumbrances.holder')}<input id="freeze-holder">${this.check('freeze-holder')}</label>
      <label>${t('encumbrances.units')}<input id="freeze-units" inputmode="decimal">${this.check('freeze-units')}</label>
      <label>${t('encumbrances.authority')}<input id="freeze-authority" maxlength="200">${this.check('freeze-authority')}</label>
      <label>${t('encumbrances.caseNumber')}<input id="freeze-case" maxlength="200">${this.check('freeze-case')}</label>
      <label>${t('encumbrances.orderFile')}<input type="file" id="freeze-document">${this.check('freeze-document')}</label>
      <button type="submit" id="freeze-submit">${t('encumbrances.proposeFreeze')}</button>
    </form>`;
  }

  renderPledges() {
    const currency = this.funds.get(this.fundCode)?.currency;
    return html`<h2>${t('encumbrances.pledges')}</h2>
      ${this.pledges.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="pledges-table">
        <thead><tr><th>${t('encumbrances.pledge')}</th><th>${t('encumbrances.holder')}</th><th>${t('encumbrances.units')}</th>
          <th>${t('encumbrances.pledgee')}</th><th>${t('encumbrances.secured')}</th><th>${t('encumbrances.document')}</th>
          <th>${t('encumbrances.status')}</th><th></th></tr></thead>
        <tbody>${this.pledges.map(p => html`<tr id=${`pledge-${p.pledgeId}`} data-status=${p.status}>
          <td>${p.pledgeId}</td><td class="fx-text">${p.holder}</td><td>${units(p.units)}</td><td class="fx-text">${p.pledgee}</td>
          <td>${p.securedAmount == null ? t('app.none') : money(p.securedAmount, currency)}</td>
          <td class="fx-digest">${p.documentDigest}</td><td data-field="status">${t(`pledgeStatus.${p.status}`)}</td>
          <td>${p.status !== 'ACTIVE' ? nothing : html`<button type="button" class="fx-secondary" id=${`pledge-release-${p.pledgeId}`}
            @click=${() => this.write(`/pledges/${p.pledgeId}/release`, {})}>${t('encumbrances.release')}</button>`}</td>
        </tr>`)}</tbody></table>`}`;
  }

  renderPledgeForm() {
    return html`<form class="fx-form" id="pledge-form" @submit=${e => { e.preventDefault(); this.pledge(); }}>
      <h3>${t('encumbrances.pledgeTitle')}</h3>
      <label>${t('encumbrances.holder')}<input id="pledge-holder">${this.check('pledge-holder')}</label>
      <label>${t('encumbrances.units')}<input id="pledge-units" inputmode="decimal">${this.check('pledge-units')}</label>
      <label>${t('encumbrances.pledgee')}<input id="pledge-pledgee" maxlength="200">${this.check('pledge-pledgee')}</label>
      <label>${t('encumbrances.secured')}<input id="pledge-secured" inputmode="decimal" placeholder=${t('encumbrances.optional')}>
        ${this.check('pledge-secured')}</label>
      <label>${t('encumbrances.contractFile')}<input type="file" id="pledge-document">${this.check('pledge-document')}</label>
      <button type="submit" id="pledge-submit">${t('encumbrances.registerPledge')}</button>
    </form>`;
  }
}

addMessages({
  en: {
    'encumbrances.title': 'Pledges and judicial freezes',
    'encumbrances.pending': 'Freeze proposals awaiting a second staff member',
    'encumbrances.freezes': 'Judicial freezes',
    'encumbrances.freeze': 'Freeze',
    'encumbrances.holder': 'Holder',
    'encumbrances.units': 'Units',
    'encumbrances.basis': 'Legal basis',
    'encumbrances.order': '{authority}, case {caseNumber}',
    'encumbrances.document': 'Document SHA-256',
    'encumbrances.status': 'Status',
    'encumbrances.liftReason': 'Reason (release order)',
    'encumbrances.proposeLift': 'Propose lifting',
    'encumbrances.freezeTitle': 'Propose a judicial freeze',
    'encumbrances.freezeHint': 'A freeze takes effect when a second staff member approves it. Frozen units cannot be sold or pledged.',
    'encumbrances.authority': 'Ordering authority',
    'encumbrances.caseNumber': 'Case number',
    'encumbrances.orderFile': 'The order (file; only its SHA-256 is sent)',
    'encumbrances.proposeFreeze': 'Propose the freeze',
    'encumbrances.pledges': 'Pledges',
    'encumbrances.pledge': 'Pledge',
    'encumbrances.pledgee': 'Pledgee',
    'encumbrances.secured': 'Secured amount',
    'encumbrances.optional': 'optional',
    'encumbrances.release': 'Release',
    'encumbrances.pledgeTitle': 'Register a pledge',
    'encumbrances.contractFile': 'The pledge contract (file; only its SHA-256 is sent)',
    'encumbrances.registerPledge': 'Register the pledge',
    'encumbrances.check.money': 'Enter an amount with at most 2 decimals.',
    'freezeStatus.ACTIVE': 'Frozen',
    'freezeStatus.LIFTED': 'Lifted',
    'pledgeStatus.ACTIVE': 'Active',
    'pledgeStatus.RELEASED': 'Released',
  },
  'zh-CN': {
    'encumbrances.title': '质押与司法冻结',
    'encumbrances.pending': '待第二名工作人员复核的冻结提议',
    'encumbrances.freezes': '司法冻结',
    'encumbrances.freeze': '冻结编号',
    'encumbrances.holder': '持有人',
    'encumbrances.units': '份额',
    'encumbrances.basis': '法律依据',
    'encumbrances.order': '{authority}，案号 {caseNumber}',
    'encumbrances.document': '文件 SHA-256',
    'encumbrances.status': '状态',
    'encumbrances.liftReason': '理由（解除裁定）',
    'encumbrances.proposeLift': '提议解除',
    'encumbrances.freezeTitle': '提议司法冻结',
    'encumbrances.freezeHint': '冻结须经第二名工作人员复核后生效。被冻结的份额不得转让或质押。',
    'encumbrances.authority': '作出裁定的机关',
    'encumbrances.caseNumber': '案号',
    'encumbrances.orderFile': '裁定书（文件；仅发送其 SHA-256 摘要）',
    'encumbrances.proposeFreeze': '提议冻结',
    'encumbrances.pledges': '质押',
    'encumbrances.pledge': '质押编号',
    'encumbrances.pledgee': '质权人',
    'encumbrances.secured': '担保金额',
    'encumbrances.optional': '选填',
    'encumbrances.release': '解除质押',
    'encumbrances.pledgeTitle': '登记质押',
    'encumbrances.contractFile': '质押合同（文件；仅发送其 SHA-256 摘要）',
    'encumbrances.registerPledge': '登记质押',
    'encumbrances.check.money': '请输入最多 2 位小数的金额。',
    'freezeStatus.ACTIVE': '冻结中',
    'freezeStatus.LIFTED': '已解除',
    'pledgeStatus.ACTIVE': '有效',
    'pledgeStatus.RELEASED': '已解除',
  },
});

customElements.define('fx-staff-encumbrances', FxStaffEncumbrances);
