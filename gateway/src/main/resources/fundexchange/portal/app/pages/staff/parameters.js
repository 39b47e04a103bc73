// "Parameters & calendar": every platform parameter in force (GET /parameters: value, and the journal index that set
// it or the documented default), a change proposed through maker-checker (SetPlatformParameter) with the pending
// changes and their approval, and a year's official calendar (GET /calendar?year=: its holidays and make-up working
// days as set, and the State Council's published one where the exchange ships it), proposed through maker-checker
// (rules version 7: POST /proposals, SetOfficialCalendar; holidays are no business days, make-up working days (调休)
// are Saturdays or Sundays that are; in the platform zone) and approved by another staff member here or in the work
// queues; below rules version 7 (GET /parameters' rulesVersion) set directly, POST /calendar/holidays (SetHolidays).
// Under rules version 4 a business day of a year without a calendar is refused, never guessed.
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { StaffPage, renderCheck, renderApproval, describeAction } from './common.js';
import { isIsoDate } from '../../zoned.js';
import { readWindow, Pager, renderPager } from '../paging.js';

const MAX_HOLIDAYS = 366;
/** The rules version from which a year's calendar is set only by maker-checker (HOLIDAYS_BY_PROPOSAL). */
const CALENDAR_BY_PROPOSAL = 7;
/** The proposals this page lists and approves: parameter changes and calendars. */
const TYPES = new Set(['SetPlatformParameter', 'SetOfficialCalendar']);

class FxStaffParameters extends StaffPage {
  static properties = { ...StaffPage.properties, parameters: { state: true }, proposals: { state: true }, checks: { state: true },
    calendar: { state: true } };

  constructor() {
    super();
    this.checks = {};
    this.proposalPager = new Pager();
  }

  async load(minIndex) {
    const year = this.calendarYear ? `?year=${this.calendarYear}` : '';
    const [parameters, proposals, calendar] = await Promise.all([this.client.read('/parameters', { minIndex }),
      readWindow(this.client, '/proposals?status=PENDING', 'proposals', minIndex, { start: this.proposalPager.start }),
      this.client.read(`/calendar${year}`, { minIndex })]);
    this.proposalsNext = proposals.nextAfter;
    this.calendar = calendar;
    this.parameters = parameters.parameters ?? [];
    this.rulesVersion = Number(parameters.rulesVersion ?? CALENDAR_BY_PROPOSAL);
    this.proposals = proposals.items.filter(p => TYPES.has(p.action?.type));
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  propose() {
    const value = this.value('parameter-value');
    this.checks = value ? {} : { 'parameter-value': { key: 'staff.check.required', params: {} } };
    if (value) this.write('/proposals', { action: { type: 'SetPlatformParameter', name: this.value('parameter-name'), value } });
  }

  dates(id) {
    return this.value(id).split(/[\s,，、]+/).filter(Boolean);
  }

  holidays() {
    const year = this.value('holidays-year');
    const dates = this.dates('holidays-dates');
    const workdays = this.dates('holidays-workdays');
    const checks = {};
    const ofYear = d => isIsoDate(d) && d.startsWith(`${year}-`);
    const repeated = list => new Set(list).size !== list.length;
    if (!/^(19|20|21)\d\d$/.test(year)) checks['holidays-year'] = { key: 'parameters.check.year', params: {} };
    if (dates.length > MAX_HOLIDAYS || dates.some(d => !ofYear(d))) {
      checks['holidays-dates'] = { key: 'parameters.check.dates', params: { year } };
    } else if (repeated(dates)) {
      checks['holidays-dates'] = { key: 'parameters.check.repeated', params: {} };
    }
    if (workdays.length > MAX_HOLIDAYS || workdays.some(d => !ofYear(d))) {
      checks['holidays-workdays'] = { key: 'parameters.check.dates', params: { year } };
    } else if (workdays.some(d => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))) {
      checks['holidays-workdays'] = { key: 'parameters.check.weekend', params: {} };
    } else if (repeated(workdays) || workdays.some(d => dates.includes(d))) {
      checks['holidays-workdays'] = { key: 'parameters.check.repeated', params: {} };
    }
    this.checks = checks;
    if (Object.keys(checks).length === 0) {
      this.calendarYear = Number(year);
      const calendar = { year: Number(year), holidays: dates, workdays };
      if (this.byProposal()) this.write('/proposals', { action: { type: 'SetOfficialCalendar', ...calendar } });
      else this.write('/calendar/holidays', calendar);
    }
  }

  /** Whether this journal's rules version sets a year's calendar by maker-checker (7 on) or directly (before). */
  byProposal() {
    return this.rulesVersion >= CALENDAR_BY_PROPOSAL;
  }

  /** Shows the year in the form's year field (GET /calendar?year=). */
  showYear() {
    const year = this.value('holidays-year');
    if (!/^(19|20|21)\d\d$/.test(year)) {
      this.checks = { 'holidays-year': { key: 'parameters.check.year', params: {} } };
      return;
    }
    this.checks = {};
    this.calendarYear = Number(year);
    this.refresh(0n);
  }

  /** Fills the form with the State Council's published calendar of the year shown. */
  adoptPublished() {
    const published = this.calendar?.published;
    if (!published) return;
    this.querySelector('#holidays-year').value = String(this.calendar.year);
    this.querySelector('#holidays-dates').value = published.holidays.join(' ');
    this.querySelector('#holidays-workdays').value = published.workdays.join(' ');
  }

  renderCalendar() {
    const c = this.calendar;
    if (!c) return html``;
    const list = (id, days) => days.length === 0 ? html`<p class="fx-empty" id=${id}>${t('staff.none')}</p>`
      : html`<ul class="fx-text" id=${id}>${days.map(d => html`<li>${d}</li>`)}</ul>`;
    return html`<div id="calendar-year" data-year=${c.year} data-set=${String(c.set)}>
      <h3>${t('parameters.calendarOf', { year: c.year })}</h3>
      <p id="calendar-status" class=${c.set ? 'fx-hint' : 'fx-note'}>${c.set
        ? t('parameters.calendarSet', { index: c.setIndex }) : t('parameters.calendarNotSet', { year: c.year })}</p>
      <h4>${t('parameters.holidaysList')}</h4>${list('calendar-holidays', c.holidays ?? [])}
      <h4>${t('parameters.workdaysList')}</h4>${list('calendar-workdays', c.workdays ?? [])}
      ${c.published ? html`<p class="fx-hint" id="calendar-published">${t('parameters.published', { source: c.published.source })}</p>
        <button type="button" class="fx-secondary" id="calendar-adopt" @click=${() => this.adoptPublished()}>${t('parameters.adopt')}</button>`
        : html`<p class="fx-hint" id="calendar-published">${t('parameters.notPublished')}</p>`}
    </div>`;
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
        <p class="fx-hint" id="holidays-hint" data-by-proposal=${String(this.byProposal())}>${t(this.byProposal()
          ? 'parameters.calendarHint' : 'parameters.calendarHintDirect')}</p>
        ${this.renderCalendar()}
        <label>${t('parameters.year')}<input id="holidays-year" inputmode="numeric" maxlength="4">${this.check('holidays-year')}</label>
        <button type="button" class="fx-secondary" id="calendar-show" @click=${() => this.showYear()}>${t('parameters.show')}</button>
        <label>${t('parameters.dates')}<textarea id="holidays-dates" rows="5" placeholder="2027-01-01 2027-02-11"></textarea>
          ${this.check('holidays-dates')}</label>
        <label>${t('parameters.workdays')}<textarea id="holidays-workdays" rows="2" placeholder="2027-02-06"></textarea>
          ${this.check('holidays-workdays')}</label>
        <button type="submit" id="holidays-submit">${t(this.byProposal() ? 'parameters.setHolidays' : 'parameters.setHolidaysDirect')}</button>
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
    'parameters.calendarHint': 'Propose a year’s official calendar: its holidays (no business days) and its make-up working days (Saturdays or Sundays that are business days). It takes effect when a second staff member approves it, above or in the work queues, and replaces the year’s calendar. A business day of a year without a calendar is refused.',
    'parameters.calendarOf': 'Calendar of {year}',
    'parameters.calendarSet': 'Set at journal index {index}.',
    'parameters.calendarNotSet': 'No calendar is set for {year}: counting its business days is refused until staff set it.',
    'parameters.holidaysList': 'Holidays',
    'parameters.workdaysList': 'Make-up working days',
    'parameters.published': 'Published: {source}',
    'parameters.notPublished': 'The exchange ships no published calendar for this year: enter the State Council’s notice when it is out.',
    'parameters.adopt': 'Fill in the published calendar',
    'parameters.show': 'Show this year',
    'parameters.year': 'Year',
    'parameters.dates': 'Holidays (yyyy-mm-dd, separated by spaces or commas)',
    'parameters.workdays': 'Make-up working days (Saturdays or Sundays, yyyy-mm-dd)',
    'parameters.setHolidays': 'Propose the calendar',
    'parameters.setHolidaysDirect': 'Set the calendar',
    'parameters.calendarHintDirect': 'Set a year’s official calendar: its holidays and its make-up working days (Saturdays or Sundays that are business days). Setting a year again replaces it.',
    'parameters.check.year': 'Enter a year such as 2027.',
    'parameters.check.dates': 'Enter dates of {year} as yyyy-mm-dd.',
    'parameters.check.weekend': 'A make-up working day must be a Saturday or Sunday.',
    'parameters.check.repeated': 'Give each date once, and never as both a holiday and a make-up working day.',
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
    'parameters.calendarHint': '提议某年的官方日历：节假日（非交易日）与调休工作日（作为交易日的周六或周日）。须经第二名工作人员在上方或工作队列中复核后生效，并替换该年原有日历。尚未设定日历的年份，其交易日计算一律拒绝。',
    'parameters.calendarOf': '{year} 年日历',
    'parameters.calendarSet': '设定于日志序号 {index}。',
    'parameters.calendarNotSet': '{year} 年尚未设定日历：工作人员设定之前，该年的交易日计算一律拒绝。',
    'parameters.holidaysList': '节假日',
    'parameters.workdaysList': '调休工作日',
    'parameters.published': '已公布：{source}',
    'parameters.notPublished': '本交易所未内置该年已公布的日历：国务院通知发布后请据此录入。',
    'parameters.adopt': '填入已公布的日历',
    'parameters.show': '显示该年',
    'parameters.year': '年份',
    'parameters.dates': '节假日（yyyy-mm-dd，以空格或逗号分隔）',
    'parameters.workdays': '调休工作日（周六或周日，yyyy-mm-dd）',
    'parameters.setHolidays': '提议日历',
    'parameters.setHolidaysDirect': '设定日历',
    'parameters.calendarHintDirect': '设定某年的官方日历：节假日与调休工作日（作为交易日的周六或周日）。再次设定将替换该年日历。',
    'parameters.check.year': '请输入年份，例如 2027。',
    'parameters.check.dates': '请按 yyyy-mm-dd 输入 {year} 年的日期。',
    'parameters.check.weekend': '调休工作日须为周六或周日。',
    'parameters.check.repeated': '每个日期只填一次，且不得既是节假日又是调休工作日。',
  },
});

customElements.define('fx-staff-parameters', FxStaffParameters);
