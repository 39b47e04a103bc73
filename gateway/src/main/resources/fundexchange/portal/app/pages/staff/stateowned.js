// "State-owned holders" (docs/rules.md, "State-owned holders"; SASAC/MOF Order No. 32): the holders flagged
// state-owned (GET /state-owned/holders), their current appraisals with any recorded consent (GET /appraisals), the
// pending flag and consent proposals with their approval (maker-checker), and two proposals: flag or clear a holder
// (SetStateOwned), and record the approving body's written consent to a reserve under 90% of the appraisal
// (RecordReserveApproval: the lowest price consented to and the document's reference).
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { money, units } from '../../format.js';
import { StaffPage, renderCheck, renderApproval, loadFunds, fundLabel, amountProblem, PRICE_SCALE } from './common.js';

const TYPES = new Set(['SetStateOwned', 'RecordReserveApproval']);

class FxStaffStateOwned extends StaffPage {
  static properties = { ...StaffPage.properties, holders: { state: true }, flagged: { state: true },
    appraisals: { state: true }, proposals: { state: true }, funds: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
  }

  async load(minIndex) {
    const [funds, flagged, holders, appraisals, proposals] = await Promise.all([loadFunds(this.client, minIndex),
      this.client.read('/state-owned/holders', { minIndex }),
      this.client.read('/participants?role=HOLDER', { minIndex }),
      this.client.read('/appraisals?current=true&limit=1000', { minIndex }),
      this.client.read('/proposals?status=PENDING&limit=1000', { minIndex })]);
    this.funds = funds;
    this.flagged = flagged.holders ?? [];
    this.holders = (holders.participants ?? []).map(p => p.participantId).sort();
    this.appraisals = appraisals.appraisals ?? [];
    this.proposals = (proposals.proposals ?? []).filter(p => TYPES.has(p.action?.type));
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  flag() {
    const reason = this.value('flag-reason');
    this.checks = reason ? {} : { 'flag-reason': { key: 'staff.check.required', params: {} } };
    if (reason) {
      this.write('/proposals', { action: { type: 'SetStateOwned', participantId: this.value('flag-holder'),
        stateOwned: this.value('flag-state') === 'true', reason } });
    }
  }

  consent() {
    const minimumPrice = this.value('consent-price');
    const approvalReference = this.value('consent-reference');
    const checks = {};
    const priceProblem = amountProblem(minimumPrice, PRICE_SCALE);
    if (priceProblem) checks['consent-price'] = priceProblem;
    if (!approvalReference) checks['consent-reference'] = { key: 'staff.check.required', params: {} };
    this.checks = checks;
    if (Object.keys(checks).length === 0) {
      this.write('/proposals', { action: { type: 'RecordReserveApproval', holder: this.value('consent-holder'),
        fundCode: this.value('consent-fund'), minimumPrice, approvalReference } });
    }
  }

  describe(action) {
    const currency = this.funds.get(action.fundCode)?.currency;
    return action.type === 'SetStateOwned'
      ? t(action.stateOwned ? 'stateOwned.proposal.flag' : 'stateOwned.proposal.clear', { participant: action.participantId,
        reason: action.reason })
      : t('stateOwned.proposal.consent', { holder: action.holder, fund: action.fundCode,
        price: money(action.minimumPrice, currency), reference: action.approvalReference });
  }

  check(name) {
    return renderCheck(this.checks[name], `${name}-problem`);
  }

  render() {
    if (!this.proposals) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-staff" id="state-owned-page">
      <h1>${t('stateOwned.title')}</h1>
      <p class="fx-hint">${t('stateOwned.hint')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <h2>${t('stateOwned.flagged')}</h2>
      ${this.flagged.length === 0 ? html`<p class="fx-empty" id="state-owned-none">${t('staff.none')}</p>`
        : html`<ul id="state-owned-holders">${this.flagged.map(id => html`<li class="fx-text" id=${`state-owned-${id}`}>${id}</li>`)}</ul>`}
      <h2>${t('stateOwned.appraisals')}</h2>
      ${this.appraisals.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="state-owned-appraisals">
        <thead><tr><th>${t('stateOwned.holder')}</th><th>${t('stateOwned.fund')}</th><th>${t('stateOwned.value')}</th>
          <th>${t('stateOwned.perUnit')}</th><th>${t('stateOwned.reference')}</th><th>${t('stateOwned.validUntil')}</th>
          <th>${t('stateOwned.consent')}</th></tr></thead>
        <tbody>${this.appraisals.map(a => {
          const currency = this.funds.get(a.fundCode)?.currency;
          return html`<tr id=${`state-owned-appraisal-${a.appraisalId}`}><td class="fx-text">${a.holder}</td>
            <td class="fx-text">${fundLabel(this.funds, a.fundCode)}</td><td>${money(a.value, currency)} / ${units(a.units)}</td>
            <td>${money(a.pricePerUnit, currency)}</td><td class="fx-text">${a.filingReference}</td><td>${a.validUntil}</td>
            <td class="fx-text">${a.approvalReference ? `${money(a.approvalMinimumPrice, currency)} (${a.approvalReference})` : '—'}</td></tr>`;
        })}</tbody></table>`}
      <h2>${t('stateOwned.pending')}</h2>
      ${this.proposals.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="state-owned-proposals">
        <tbody>${this.proposals.map(p => html`<tr id=${`state-owned-proposal-${p.proposalId}`}><td>${p.proposalId}</td>
          <td class="fx-text">${this.describe(p.action)}</td><td class="fx-text">${p.proposer}</td>
          <td>${renderApproval(this, p)}</td></tr>`)}</tbody></table>`}
      <form class="fx-form" id="flag-form" @submit=${e => { e.preventDefault(); this.flag(); }}>
        <h2>${t('stateOwned.flagTitle')}</h2>
        <label>${t('stateOwned.holder')}<select id="flag-holder">
          ${this.holders.map(id => html`<option value=${id}>${id}</option>`)}</select></label>
        <label>${t('stateOwned.flag')}<select id="flag-state">
          <option value="true">${t('stateOwned.flagOn')}</option><option value="false">${t('stateOwned.flagOff')}</option></select></label>
        <label>${t('stateOwned.reason')}<input id="flag-reason" maxlength="200">${this.check('flag-reason')}</label>
        <button type="submit" id="flag-submit">${t('stateOwned.propose')}</button>
      </form>
      <form class="fx-form" id="consent-form" @submit=${e => { e.preventDefault(); this.consent(); }}>
        <h2>${t('stateOwned.consentTitle')}</h2>
        <p class="fx-hint">${t('stateOwned.consentHint')}</p>
        <label>${t('stateOwned.holder')}<select id="consent-holder">
          ${this.flagged.map(id => html`<option value=${id}>${id}</option>`)}</select></label>
        <label>${t('stateOwned.fund')}<select id="consent-fund">
          ${[...this.funds.keys()].map(code => html`<option value=${code}>${fundLabel(this.funds, code)}</option>`)}</select></label>
        <label>${t('stateOwned.minimumPrice')}<input id="consent-price" inputmode="decimal" maxlength="24">${this.check('consent-price')}</label>
        <label>${t('stateOwned.reference')}<input id="consent-reference" maxlength="200">${this.check('consent-reference')}</label>
        <button type="submit" id="consent-submit">${t('stateOwned.propose')}</button>
      </form>
    </section>`;
  }
}

addMessages({
  en: {
    'stateOwned.title': 'State-owned holders',
    'stateOwned.hint': 'A holder flagged state-owned sells under SASAC/MOF Order No. 32: a filed appraisal before listing, 20 working days of public disclosure, a start at or above the appraisal, bidding when two or more qualified buyers are interested, and a published result. Flags and consents take effect when a second staff member approves them.',
    'stateOwned.flagged': 'Flagged state-owned',
    'stateOwned.appraisals': 'Current appraisals',
    'stateOwned.holder': 'Holder',
    'stateOwned.fund': 'Fund',
    'stateOwned.value': 'Value / units',
    'stateOwned.perUnit': 'Appraised price per unit',
    'stateOwned.reference': 'Document reference',
    'stateOwned.validUntil': 'Valid until',
    'stateOwned.consent': 'Consent recorded',
    'stateOwned.pending': 'Proposals awaiting a second staff member',
    'stateOwned.flagTitle': 'Flag or clear a holder',
    'stateOwned.flag': 'State-owned',
    'stateOwned.flagOn': 'flag as state-owned',
    'stateOwned.flagOff': 'clear the flag',
    'stateOwned.reason': 'Reason',
    'stateOwned.propose': 'Propose',
    'stateOwned.consentTitle': 'Record the approving body’s consent',
    'stateOwned.consentHint': 'Only for prices under 90% of the holder’s current appraisal of the fund; a new appraisal drops the consent.',
    'stateOwned.minimumPrice': 'Lowest price consented to (per unit)',
    'stateOwned.proposal.flag': 'Flag {participant} state-owned: {reason}',
    'stateOwned.proposal.clear': 'Clear the state-owned flag of {participant}: {reason}',
    'stateOwned.proposal.consent': 'Consent for {holder} in {fund} down to {price} ({reference})',
  },
  'zh-CN': {
    'stateOwned.title': '国有持有人',
    'stateOwned.hint': '标记为国有的持有人按国务院国资委、财政部第 32 号令转让：挂牌前登记经核准或备案的评估结果，公开披露不少于 20 个工作日，挂牌价不低于评估值，两名以上合格意向受让方时须竞价，成交后公告结果。标记与同意经第二名工作人员复核后生效。',
    'stateOwned.flagged': '已标记为国有',
    'stateOwned.appraisals': '现行评估结果',
    'stateOwned.holder': '持有人',
    'stateOwned.fund': '基金',
    'stateOwned.value': '评估值 / 份额',
    'stateOwned.perUnit': '每份额评估价',
    'stateOwned.reference': '文件编号',
    'stateOwned.validUntil': '有效期至',
    'stateOwned.consent': '已登记的同意',
    'stateOwned.pending': '待第二名工作人员复核的提案',
    'stateOwned.flagTitle': '标记或取消国有持有人',
    'stateOwned.flag': '国有',
    'stateOwned.flagOn': '标记为国有',
    'stateOwned.flagOff': '取消标记',
    'stateOwned.reason': '理由',
    'stateOwned.propose': '提交提案',
    'stateOwned.consentTitle': '登记批准单位书面同意',
    'stateOwned.consentHint': '仅适用于低于该持有人该基金现行评估值 90% 的价格；重新登记评估结果后原同意失效。',
    'stateOwned.minimumPrice': '同意的最低价格（每份额）',
    'stateOwned.proposal.flag': '将 {participant} 标记为国有：{reason}',
    'stateOwned.proposal.clear': '取消 {participant} 的国有标记：{reason}',
    'stateOwned.proposal.consent': '批准单位同意 {holder} 在 {fund} 的价格低至 {price}（{reference}）',
  },
});

customElements.define('fx-staff-state-owned', FxStaffStateOwned);
