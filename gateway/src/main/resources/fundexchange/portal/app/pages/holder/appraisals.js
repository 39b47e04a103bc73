// "Appraisals" (state-owned holders, docs/rules.md "State-owned holders"): the holder's appraisals (GET /appraisals:
// value for units, the appraised price per unit, filing reference, valid-until, and the approving body's consent to a
// lower reserve once staff recorded it), a form to register a new one (POST /appraisals, RegisterAppraisal; it replaces
// the fund's current one), and the public disclosures and results every participant sees (GET /state-owned/...).
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money, time } from '../../format.js';
import { HolderPage, loadFunds, fundLabel, amountProblem, UNITS_SCALE } from './common.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const STATE_OWNED_EVENTS = new Set(['AppraisalRegistered', 'ReserveApprovalRecorded', 'StateOwnedSet', 'DisclosureOpened',
  'ResultAnnounced']);
const MONEY_SCALE = 2;

class FxHolderAppraisalsPage extends HolderPage {
  static properties = { ...HolderPage.properties, funds: { state: true }, appraisals: { state: true },
    disclosures: { state: true }, results: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
  }

  relevant(entry) {
    return entry.kind !== 'outcome' && STATE_OWNED_EVENTS.has(entry.data?.type);
  }

  async load(minIndex) {
    const [funds, appraisals, disclosures, results] = await Promise.all([loadFunds(this.client, minIndex),
      this.client.read('/appraisals?limit=1000', { minIndex }),
      this.client.read('/state-owned/disclosures?limit=1000', { minIndex }),
      this.client.read('/state-owned/results?limit=1000', { minIndex })]);
    this.funds = funds;
    this.appraisals = [...(appraisals.appraisals ?? [])].sort((a, b) => b.appraisalId - a.appraisalId);
    this.disclosures = [...(disclosures.disclosures ?? [])].sort((a, b) => b.listingId - a.listingId);
    this.results = [...(results.results ?? [])].sort((a, b) => b.tradeId - a.tradeId);
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  register() {
    const body = {
      fundCode: this.value('appraisal-fund'), value: this.value('appraisal-value'), units: this.value('appraisal-units'),
      filingReference: this.value('appraisal-reference'), validUntil: this.value('appraisal-valid-until'),
    };
    const checks = {};
    const valueProblem = amountProblem(body.value, MONEY_SCALE);
    if (valueProblem) checks['appraisal-value'] = valueProblem;
    const unitsProblem = amountProblem(body.units, UNITS_SCALE);
    if (unitsProblem) checks['appraisal-units'] = unitsProblem;
    if (!body.filingReference) checks['appraisal-reference'] = { key: 'holder.check.required', params: {} };
    if (!DATE.test(body.validUntil)) checks['appraisal-valid-until'] = { key: 'appraisals.check.date', params: {} };
    this.checks = checks;
    if (Object.keys(checks).length === 0) this.write('/appraisals', body);
  }

  check(name) {
    return HolderPage.renderCheck(this.checks[name], `${name}-problem`);
  }

  render() {
    if (!this.appraisals) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-holder" id="appraisals-page">
      <h1>${t('appraisals.title')}</h1>
      <p class="fx-hint">${t('appraisals.hint')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      ${this.appraisals.length === 0 ? html`<p class="fx-empty" id="appraisals-empty">${t('appraisals.empty')}</p>`
        : this.renderAppraisals()}
      <form class="fx-form" id="appraisal-form" @submit=${e => { e.preventDefault(); this.register(); }}>
        <h2>${t('appraisals.registerTitle')}</h2>
        <label>${t('holder.fund')}<select id="appraisal-fund">
          ${[...this.funds.keys()].map(code => html`<option value=${code}>${fundLabel(this.funds, code)}</option>`)}</select></label>
        <label>${t('appraisals.value')}<input id="appraisal-value" inputmode="decimal" maxlength="24">${this.check('appraisal-value')}</label>
        <label>${t('appraisals.units')}<input id="appraisal-units" inputmode="decimal" maxlength="24">${this.check('appraisal-units')}</label>
        <label>${t('appraisals.reference')}<input id="appraisal-reference" maxlength="200">${this.check('appraisal-reference')}</label>
        <label>${t('appraisals.validUntil')}<input id="appraisal-valid-until" placeholder="2027-06-30" maxlength="10">
          ${this.check('appraisal-valid-until')}</label>
        <button type="submit" id="appraisal-submit">${t('appraisals.register')}</button>
      </form>
      <h2>${t('appraisals.disclosures')}</h2>
      ${this.renderDisclosures()}
      <h2>${t('appraisals.results')}</h2>
      ${this.renderResults()}
      <p class="fx-note">${t('holder.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  renderAppraisals() {
    return html`<table class="fx-table" id="appraisals-table">
      <thead><tr><th>${t('appraisals.id')}</th><th>${t('holder.fund')}</th><th>${t('appraisals.value')}</th>
        <th>${t('appraisals.units')}</th><th>${t('appraisals.perUnit')}</th><th>${t('appraisals.reference')}</th>
        <th>${t('appraisals.validUntil')}</th><th>${t('appraisals.consent')}</th><th>${t('appraisals.status')}</th></tr></thead>
      <tbody>${this.appraisals.map(a => {
        const currency = this.funds.get(a.fundCode)?.currency;
        return html`<tr id=${`appraisal-${a.appraisalId}`} data-current=${String(a.current)}>
          <td>${a.appraisalId}</td><td class="fx-text">${fundLabel(this.funds, a.fundCode)}</td>
          <td data-field="value">${money(a.value, currency)}</td><td>${units(a.units)}</td>
          <td data-field="perUnit">${money(a.pricePerUnit, currency)}</td><td class="fx-text">${a.filingReference}</td>
          <td>${a.validUntil}</td>
          <td data-field="consent">${a.approvalReference
            ? t('appraisals.consentTo', { price: money(a.approvalMinimumPrice, currency), reference: a.approvalReference })
            : t('appraisals.noConsent')}</td>
          <td>${t(a.current ? 'appraisals.current' : 'appraisals.replaced')}</td></tr>`;
      })}</tbody></table>`;
  }

  renderDisclosures() {
    if (this.disclosures.length === 0) return html`<p class="fx-empty" id="disclosures-empty">${t('appraisals.none')}</p>`;
    return html`<table class="fx-table" id="disclosures-table">
      <thead><tr><th>${t('appraisals.listing')}</th><th>${t('holder.fund')}</th><th>${t('appraisals.mechanism')}</th>
        <th>${t('appraisals.units')}</th><th>${t('appraisals.price')}</th><th>${t('appraisals.perUnit')}</th>
        <th>${t('appraisals.openedAt')}</th><th>${t('appraisals.dealsFrom')}</th><th>${t('appraisals.status')}</th></tr></thead>
      <tbody>${this.disclosures.map(d => {
        const currency = this.funds.get(d.fundCode)?.currency;
        return html`<tr id=${`disclosure-${d.listingId}`}><td>${d.listingId}</td>
          <td class="fx-text">${fundLabel(this.funds, d.fundCode)}</td><td>${d.mechanism}</td><td>${units(d.units)}</td>
          <td>${money(d.price, currency)}</td><td>${money(d.appraisedPrice, currency)}</td>
          <td>${time(d.openedAt, this.zone)}</td><td data-field="dealsFrom">${time(d.dealsFrom, this.zone)}</td>
          <td>${d.status}</td></tr>`;
      })}</tbody></table>`;
  }

  renderResults() {
    if (this.results.length === 0) return html`<p class="fx-empty" id="results-empty">${t('appraisals.none')}</p>`;
    return html`<table class="fx-table" id="results-table">
      <thead><tr><th>${t('appraisals.trade')}</th><th>${t('holder.fund')}</th><th>${t('appraisals.mechanism')}</th>
        <th>${t('appraisals.units')}</th><th>${t('appraisals.price')}</th><th>${t('appraisals.consideration')}</th>
        <th>${t('appraisals.perUnit')}</th><th>${t('appraisals.announcedAt')}</th></tr></thead>
      <tbody>${this.results.map(r => {
        const currency = this.funds.get(r.fundCode)?.currency;
        return html`<tr id=${`result-${r.tradeId}`}><td>${r.tradeId}</td>
          <td class="fx-text">${fundLabel(this.funds, r.fundCode)}</td><td>${r.mechanism}</td><td>${units(r.units)}</td>
          <td data-field="price">${money(r.price, currency)}</td><td>${money(r.consideration, currency)}</td>
          <td>${money(r.appraisedPrice, currency)}</td><td>${time(r.announcedAt, this.zone)}</td></tr>`;
      })}</tbody></table>`;
  }
}

addMessages({
  en: {
    'appraisals.title': 'Appraisals (state-owned holders)',
    'appraisals.hint': 'A holder flagged state-owned registers the filed appraisal of its interest before it lists; its listings are disclosed publicly for 20 working days, start at or above the appraisal, and a price under 90% needs the approving body’s consent, which staff record.',
    'appraisals.empty': 'No appraisal registered.',
    'appraisals.registerTitle': 'Register an appraisal',
    'appraisals.value': 'Appraised value',
    'appraisals.units': 'Units',
    'appraisals.perUnit': 'Appraised price per unit',
    'appraisals.reference': 'Filing reference',
    'appraisals.validUntil': 'Valid until (yyyy-mm-dd)',
    'appraisals.register': 'Register the appraisal',
    'appraisals.check.date': 'Enter a date as yyyy-mm-dd.',
    'appraisals.id': 'Appraisal',
    'appraisals.consent': 'Approving body’s consent',
    'appraisals.consentTo': 'down to {price} ({reference})',
    'appraisals.noConsent': 'none',
    'appraisals.status': 'Status',
    'appraisals.current': 'current',
    'appraisals.replaced': 'replaced',
    'appraisals.disclosures': 'Public disclosures of state-owned listings',
    'appraisals.results': 'Published results',
    'appraisals.none': 'None yet.',
    'appraisals.listing': 'Listing',
    'appraisals.trade': 'Trade',
    'appraisals.mechanism': 'Mechanism',
    'appraisals.price': 'Price',
    'appraisals.consideration': 'Consideration',
    'appraisals.openedAt': 'Disclosed from',
    'appraisals.dealsFrom': 'No deal before',
    'appraisals.announcedAt': 'Announced',
  },
  'zh-CN': {
    'appraisals.title': '资产评估（国有持有人）',
    'appraisals.hint': '标记为国有的持有人须在挂牌前登记经核准或备案的评估结果；其挂牌须公开披露不少于 20 个工作日，挂牌价不得低于评估值，低于评估值 90% 须经批准单位书面同意（由工作人员登记）。',
    'appraisals.empty': '尚未登记评估结果。',
    'appraisals.registerTitle': '登记评估结果',
    'appraisals.value': '评估值',
    'appraisals.units': '份额',
    'appraisals.perUnit': '每份额评估价',
    'appraisals.reference': '核准或备案文号',
    'appraisals.validUntil': '有效期至（yyyy-mm-dd）',
    'appraisals.register': '登记评估结果',
    'appraisals.check.date': '请按 yyyy-mm-dd 输入日期。',
    'appraisals.id': '评估编号',
    'appraisals.consent': '批准单位同意',
    'appraisals.consentTo': '最低 {price}（{reference}）',
    'appraisals.noConsent': '无',
    'appraisals.status': '状态',
    'appraisals.current': '现行',
    'appraisals.replaced': '已替换',
    'appraisals.disclosures': '国有份额挂牌公开披露',
    'appraisals.results': '成交结果公告',
    'appraisals.none': '暂无。',
    'appraisals.listing': '挂牌',
    'appraisals.trade': '成交',
    'appraisals.mechanism': '方式',
    'appraisals.price': '价格',
    'appraisals.consideration': '成交金额',
    'appraisals.openedAt': '披露起始',
    'appraisals.dealsFrom': '最早成交时间',
    'appraisals.announcedAt': '公告时间',
  },
});

customElements.define('fx-holder-appraisals-page', FxHolderAppraisalsPage);
