// "Parameters & calendar": every platform parameter in force (GET /parameters: value, and the journal index that set
// it or the documented default), a change proposed through maker-checker (SetPlatformParameter) with the pending
// changes and their approval, and a year's holidays (POST /calendar/holidays, SetHolidays: the weekdays that are no
// business days, in the platform zone).
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { StaffPage, renderCheck, renderApproval, describeAction } from './common.js';
import { isIsoDate } from '../../zoned.js';
import { readWindow, Pager, renderPager } from '../paging.js';

const MAX_HOLIDAYS = 366;

class FxStaffParameters extends StaffPage {
  static properties = { ...StaffPage.properties, parameters: { state: true }, proposals: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
    this.proposalPager = new Pager();
  }

  async load(minIndex) {
    const [parameters, proposals] = await Promise.all([this.client.read('/parameters', { minIndex }),
      readWindow(this.client, '/proposals?status=PENDING', 'proposals', minIndex, { start: this.proposalPager.start })]);
    this.proposalsNext = proposals.nextAfter;
    this.parameters = parameters.parameters ?? [];
    this.proposals = proposals.items.filter(p => p.action?.type === 'SetPlatformParameter');
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  propose() {
    const value = this.value('parameter-value');
    this.checks = value ? {} : { 'parameter-value': { key: 'staff.check.required', params: {} } };
    if (value) this.write('/proposals', { action: { type: 'SetPlatformParameter', name: this.value('parameter-name'), value } });
  }

  holidays() {
    const year = this.value('holidays-year');
    const dates = this.value('holidays-dates').split(/[\s,，、]+/).filter(Boolean);
    const checks = {};
    if (!/^(19|20|21)\d\d$/.test(year)) checks['holidays-year'] = { key: 'parameters.check.year', params: {} };
    if (dates.length > MAX_HOLIDAYS || dates.some(d => !isIsoDate(d) || !d.startsWith(`${year}-`))) {
      checks['holidays-dates'] = { key: 'parameters.check.dates', params: { year } };
    }
    this.checks = checks;
    if (Object.keys(checks).length === 0) this.write('/calendar/holidays', { year: Number(year), holidays: dates });
  }

  check(name) {
    return renderCheck(this.checks[name], `${name}-problem`);
  }

  render() {
    if (!this.parameters) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-staff" id="parameters-page">
      <h1>${t('parameters.title')}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <table class="fx-table" id="parameters-table">
        <thead><tr><th>${t('parameters.name')}</th><th>${t('parameters.value')}</th><th>${t('parameters.setAt')}</th></tr></thead>
        <tbody>${this.parameters.map(p => html`<tr id=${`parameter-${p.name}`}><td class="fx-text">${p.name}</td>
          <td data-field="value">${p.value}</td>
          <td>${Number(p.setAtIndex) === 0 ? t('parameters.default') : t('parameters.index', { index: p.setAtIndex })}</td></tr>`)}
        </tbody></table>
      <h2>${t('parameters.pending')}</h2>
      ${this.proposals.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="parameter-proposals">
        <tbody>${this.proposals.map(p => html`<tr id=${`parameter-proposal-${p.proposalId}`}><td>${p.proposalId}</td>
          <td class="fx-text">${describeAction(p.action)}</td><td class="fx-text">${p.proposer}</td>
          <td>${renderApproval(this, p)}</td></tr>`)}</tbody></table>`}
      ${renderPager('parameter-proposals', this.proposalPager, this.proposalsNext, () => this.refresh(0n))}
      <form class="fx-form" id="parameter-form" @submit=${e => { e.preventDefault(); this.propose(); }}>
        <h2>${t('parameters.changeTitle')}</h2>
        <label>${t('parameters.name')}<select id="parameter-name">
          ${this.parameters.map(p => html`<option value=${p.name}>${p.name}</option>`)}</select></label>
        <label>${t('parameters.newValue')}<input id="parameter-value" maxlength="200">${this.check('parameter-value')}</label>
        <p class="fx-hint">${t('parameters.changeHint')}</p>
        <button type="submit" id="parameter-submit">${t('parameters.propose')}</button>
      </form>
      <form class="fx-form" id="holidays-form" @submit=${e => { e.preventDefault(); this.holidays(); }}>
        <h2>${t('parameters.calendarTitle')}</h2>
        <p class="fx-hint">${t('parameters.calendarHint')}</p>
        <label>${t('parameters.year')}<input id="holidays-year" inputmode="numeric" maxlength="4">${this.check('holidays-year')}</label>
        <label>${t('parameters.dates')}<textarea id="holidays-dates" rows="5" placeholder="2027-01-01 2027-02-11"></textarea>
          ${this.check('holidays-dates')}</label>
        <button type="submit" id="holidays-submit">${t('parameters.setHolidays')}</button>
      </form>
    </section>`;
  }
}

addMessages({
  en: {
    'parameters.title': 'Platform parameters and calendar',
    'parameters.name': 'Parameter',
    'parameters.value': 'Value in force',
    'parameters.setAt': 'Set by',
    'parameters.default': 'documented default',
    'parameters.index': 'journal index {index}',
    'parameters.pending': 'Changes awaiting a second staff member',
    'parameters.changeTitle': 'Propose a change',
    'parameters.newValue': 'New value',
    'parameters.changeHint': 'The change takes effect when a second staff member approves it (docs/rules.md lists each parameter’s range).',
    'parameters.propose': 'Propose the change',
    'parameters.calendarTitle': 'Business-day calendar',
    'parameters.calendarHint': 'Set a year’s holidays: weekdays that are no business days. Setting a year again replaces its list.',
    'parameters.year': 'Year',
    'parameters.dates': 'Holidays (yyyy-mm-dd, separated by spaces or commas)',
    'parameters.setHolidays': 'Set the holidays',
    'parameters.check.year': 'Enter a year such as 2027.',
    'parameters.check.dates': 'Enter dates of {year} as yyyy-mm-dd.',
  },
  'zh-CN': {
    'parameters.title': '平台参数与交易日历',
    'parameters.name': '参数',
    'parameters.value': '现行值',
    'parameters.setAt': '设定来源',
    'parameters.default': '文档默认值',
    'parameters.index': '日志序号 {index}',
    'parameters.pending': '待第二名工作人员复核的变更',
    'parameters.changeTitle': '提议变更',
    'parameters.newValue': '新值',
    'parameters.changeHint': '变更须经第二名工作人员复核后生效（各参数的取值范围见 docs/rules.md）。',
    'parameters.propose': '提议变更',
    'parameters.calendarTitle': '交易日历',
    'parameters.calendarHint': '设定某年的节假日，即不作为交易日的工作日。再次设定同一年份将替换其列表。',
    'parameters.year': '年份',
    'parameters.dates': '节假日（yyyy-mm-dd，以空格或逗号分隔）',
    'parameters.setHolidays': '设定节假日',
    'parameters.check.year': '请输入年份，例如 2027。',
    'parameters.check.dates': '请按 yyyy-mm-dd 输入 {year} 年的日期。',
  },
});

customElements.define('fx-staff-parameters', FxStaffParameters);
