// Regulator: the daily report of a business day (GET /reports/daily, JSON) led by what a regulator looks at: the
// day's trades against NAV, cost and the fund's recent trades with the outliers marked, refusals by participant and
// code, and pledges, freezes, suspensions and key revocations; with ECharts (loaded with this page only) and the
// self-contained HTML report in the reader's language to download. Route: #/regulator-report.
import { html, nothing } from 'lit';
import { t, locale } from '../../i18n.js';
import { units, decimal, money, percentFromBasisPoints } from '../../format.js';
import { PortalPage, table, named, audited } from './common.js';
import { navChart, refusalChart } from './charts.js';
import { isIsoDate } from '../../zoned.js';


/** Today's date in the platform zone, by the exchange's clock. */
function today(exchange) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: exchange.zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(exchange.now()));
}

class FxRegulatorReport extends PortalPage {
  static properties = { ...PortalPage.properties, report: { state: true }, date: { state: true }, problem: { state: true } };

  constructor() {
    super();
    this.charts = [];
  }

  /** A document the report counts (events, or a refusal) on the business day it shows, while that day is today. */
  relevant(entry) {
    return audited(entry) && this.date === today(this.client.exchange);
  }

  async load(minIndex) {
    this.date = this.date ?? today(this.client.exchange);
    if (!isIsoDate(this.date)) {
      this.problem = 'regulator.report.check.date';
      return;
    }
    this.problem = null;
    this.report = await this.client.read(`/reports/daily?date=${this.date}`, { minIndex });
  }

  disconnectedCallback() {
    this.charts.forEach(chart => chart.dispose());
    this.charts = [];
    super.disconnectedCallback();
  }

  /** Draws the charts when the report (a new answer) or the language changed, not on every other change of state. */
  async updated(changed) {
    if (!this.report || (!changed.has('report') && this.drawnIn === locale())) return;
    this.drawnIn = locale();
    const echarts = await import('echarts');
    const draw = (id, option) => {
      const element = this.querySelector(`#${id}`);
      if (!element) return;
      const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'canvas' });
      if (!this.charts.includes(chart)) this.charts.push(chart);
      chart.setOption(option, true);
    };
    draw('report-nav-chart', navChart(this.report));
    draw('report-refusal-chart', refusalChart(this.report));
  }

  /** The self-contained HTML report, in the reader's language, saved as a file. */
  async downloadHtml() {
    try {
      const lang = locale() === 'zh-CN' ? 'zh-CN' : 'en';
      const answer = await this.client.signedFetch('GET', `/reports/daily?date=${this.date}&format=html&lang=${lang}`);
      const url = URL.createObjectURL(answer.body);
      const link = document.createElement('a');
      link.href = url;
      link.download = `report-${this.date}${lang === 'zh-CN' ? '.zh-CN' : ''}.html`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.context.report(error);
    }
  }

  render() {
    const r = this.report;
    const h = r?.highlights;
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.report.title')}</h1>
      ${this.renderFreshness()}
      <form class="fx-filters" @submit=${e => { e.preventDefault(); this.date = e.target.date.value.trim(); this.refresh(); }}>
        <label>${t('regulator.report.date')}<input id="report-date" name="date" .value=${this.date ?? ''} placeholder="yyyy-mm-dd"></label>
        <button id="report-show" type="submit">${t('regulator.report.show')}</button>
        <button id="report-download" type="button" class="fx-secondary" ?disabled=${!r} @click=${() => this.downloadHtml()}>${t('regulator.report.download')}</button>
      </form>
      ${this.problem ? html`<p id="report-problem" class="fx-problem">${t(this.problem)}</p>` : nothing}
      ${!r ? html`<p class="fx-busy">${t('app.loading')}</p>` : html`
        <p id="report-coverage" class="fx-intro" data-date=${r.header.date}>${t('regulator.report.coverage', {
          date: r.header.date, zone: r.header.zone, first: r.header.firstSourceIndex ?? t('app.none'),
          last: r.header.lastSourceIndex ?? t('app.none') })} ${t(r.header.complete ? 'regulator.report.complete' : 'regulator.report.incomplete')}</p>
        <h2>${t('regulator.report.trades')}</h2>
        <p class="fx-note" id="report-rule">${t('regulator.report.rule', { vwap: percentFromBasisPoints(h.outlierRule.vwapDeviationBasisPoints),
          nav: percentFromBasisPoints(h.outlierRule.navDeviationBasisPoints), days: h.outlierRule.lookbackDays })}</p>
        <p id="report-outliers" data-outliers=${h.outliers}>${t('regulator.report.outlierCount', { count: h.outliers, trades: h.trades.length })}</p>
        <div id="report-nav-chart" class="fx-chart" role="img" aria-label=${t('regulator.report.navChart')}></div>
        ${table('report-trades', ['regulator.report.trade', 'regulator.report.mechanism', 'regulator.records.fund',
          'regulator.transfers.seller', 'regulator.transfers.buyer', 'regulator.transfers.units', 'regulator.report.price',
          'regulator.report.nav', 'regulator.report.percentOfNav', 'regulator.report.multiple', 'regulator.report.vwap',
          'regulator.report.outliers'],
          h.trades.map(x => html`<tr id=${`report-trade-${x.tradeId}`} data-mechanism=${x.mechanism} data-outliers=${x.outliers.join(' ')}
            class=${x.outliers.length ? 'fx-outlier' : ''}>
            <td>${x.tradeId}<br><span class="fx-muted">${x.time}</span></td><td>${x.mechanism}</td>
            <td class="fx-fund-name">${named(x.fundCode, x.fundName)}</td><td>${named(x.seller, x.sellerName)}</td>
            <td>${named(x.buyer, x.buyerName)}</td><td>${units(x.units)}</td><td>${money(x.price, x.currency || 'CNY')}</td>
            <td>${x.nav ? money(x.nav, x.currency || 'CNY') : t('app.none')}</td><td>${x.percentOfNav}%</td>
            <td>${t('regulator.transfers.multipleValue', { value: decimal(x.multipleOfCost) })}</td>
            <td>${x.vwap ? html`${money(x.vwap, x.currency || 'CNY')} <span class="fx-muted">(${x.vwapTrades})</span>` : t('app.none')}</td>
            <td>${x.outliers.length ? x.outliers.map(o => t(`regulator.report.outlier.${o}`)).join(', ') : t('app.none')}</td></tr>`),
          'regulator.report.noTrades')}
        <h2>${t('regulator.report.refusals')}</h2>
        <div id="report-refusal-chart" class="fx-chart fx-chart-small" role="img" aria-label=${t('regulator.report.refusalChart')}></div>
        ${table('report-refusals', ['regulator.records.participant', 'regulator.report.code', 'regulator.report.count'],
          h.refusalsByParticipant.map(x => html`<tr><td>${x.participant ? named(x.participant, x.name) : t('regulator.records.unsigned')}</td>
            <td>${x.code} ${x.reason ?? ''}</td><td>${x.count}</td></tr>`), 'regulator.report.noRefusals')}
        <h2>${t('regulator.report.restrictions')}</h2>
        ${table('report-restrictions', ['regulator.records.index', 'regulator.records.time', 'regulator.report.kind',
          'regulator.records.participant', 'regulator.records.fund', 'regulator.transfers.units', 'regulator.report.detail'],
          h.restrictions.map(x => html`<tr><td>${x.sourceIndex}</td><td>${x.time}</td><td>${t(`regulator.report.kind.${x.kind}`)}</td>
            <td>${named(x.participantId, x.name)}</td><td>${x.fundCode ?? t('app.none')}</td>
            <td>${x.units ? units(x.units) : t('app.none')}</td><td>${x.reference ?? ''} ${x.detail ?? ''}</td></tr>`),
          'regulator.report.noRestrictions')}
        ${(r.unreadableEvents ?? []).length === 0 ? nothing : html`<h2>${t('regulator.report.unreadable')}</h2>
          ${table('report-unreadable', ['regulator.records.index', 'regulator.records.time', 'regulator.report.place',
            'regulator.report.eventType'], r.unreadableEvents.map(x => html`<tr><td>${x.sourceIndex}</td><td>${x.time}</td>
            <td>${x.position}</td><td>${x.type}</td></tr>`), 'regulator.report.noUnreadable')}`}
        <h2>${t('regulator.report.commands')}</h2>
        <p id="report-commands">${t('regulator.report.commandCounts', r.header.commands)}</p>`}
    </section>`;
  }
}

customElements.define('fx-regulator-report', FxRegulatorReport);
