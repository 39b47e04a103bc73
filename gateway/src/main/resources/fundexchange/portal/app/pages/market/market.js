// The public market page (#/market, issue 23): last trades, 90-day VWAP, volume and best bid and offer of the funds
// whose managers publish them, the same by strategy and vintage, and the discount-to-NAV index by strategy, from the
// exchange's unsigned public reads (GET /market-data...), so it works signed out as signed in. It names no
// participant because the reads name none; funds held back are only counted. ECharts loads with this page only.
import { html, nothing } from 'lit';
import { t, locale } from '../../i18n.js';
import { ApiProblem } from '../../api.js';
import { money, units, decimal, date } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { table } from '../table.js';
import { indexChart, priceChart } from './charts.js';
import './words.js';

/** At most this many pages of published funds are read (100 each); more are announced, not silently cut. */
const MAX_PAGES = 10;
const PAGE = 100;

/** One unsigned GET of a public read: its JSON body, or ApiProblem in the API's error shape. */
export async function publicRead(path) {
  const response = await fetch(path, { cache: 'no-store', credentials: 'omit', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiProblem(response.status, body.code, body.message, body.requestId);
  return body;
}

/** A percentage string as the API gives it ("-12.34"), grouped per locale. */
function percent(text) {
  return text == null ? t('app.none') : `${decimal(text)}%`;
}

function amount(text, currency) {
  return text == null ? t('app.none') : money(text, currency || 'CNY');
}

class FxMarketPage extends PortalPage {
  static properties = { ...PortalPage.properties, summary: { state: true }, funds: { state: true },
    indices: { state: true }, more: { state: true } };

  constructor() {
    super();
    this.summary = null;
    this.funds = [];
    this.indices = [];
    this.more = false;
    this.charts = [];
    this.signedOut = { lastIndex: 0n };
  }

  /** Signed out there is no client: reads here are unsigned, and PortalPage needs only a last index of 0. */
  get client() {
    return this.context.client ?? this.signedOut;
  }

  /** A settled trade or a manager's choice changes the figures; the page re-reads on those only (when live). */
  relevant(entry) {
    return entry.kind !== 'outcome' && (entry.data?.events ?? [entry.data]).some(e => /^(TradeSettled|MarketDataConsent)/.test(e?.type ?? ''));
  }

  async load() {
    const summary = await publicRead('/market-data');
    const funds = [];
    let cursor = '';
    let pages = 0;
    do {
      const answer = await publicRead(`/market-data/funds?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      funds.push(...(answer.funds ?? []));
      cursor = answer.nextCursor ?? '';
      pages++;
    } while (cursor && pages < MAX_PAGES);
    // One read per strategy; an answer holds a series per currency of the strategy's funds.
    const strategies = [...new Set((summary.strategies ?? []).map(s => s.strategy))];
    const answers = await Promise.all(strategies.map(s => publicRead(`/market-data/index?strategy=${encodeURIComponent(s)}`)));
    this.more = Boolean(cursor);
    this.indices = answers.flatMap(answer => answer.series ?? [answer]).filter(series => (series.points ?? []).length > 0);
    this.funds = funds;
    this.summary = summary;
  }

  disconnectedCallback() {
    this.charts.forEach(chart => chart.dispose());
    this.charts = [];
    super.disconnectedCallback();
  }

  /** Draws the charts when the figures (a new answer) or the language changed. */
  async updated(changed) {
    if (!this.summary || (!changed.has('summary') && this.drawnIn === locale())) return;
    this.drawnIn = locale();
    const echarts = await import('echarts');
    const draw = (id, option) => {
      const element = this.querySelector(`#${id}`);
      if (!element) return;
      const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'canvas' });
      if (!this.charts.includes(chart)) this.charts.push(chart);
      chart.setOption(option, true);
      element.dataset.drawn = String(Number(element.dataset.drawn ?? 0) + 1);
    };
    draw('market-index-chart', indexChart(this.indices));
    draw('market-price-chart', priceChart(this.funds));
  }

  /** A strategy's or vintage's row, in one currency (the funds of a group in another currency are another row). */
  group(id, label, x) {
    return html`<tr id=${`${id}-${x.currency}`} data-currency=${x.currency}><td>${label} · ${x.currency}</td><td>${x.tradeCount}</td><td>${units(x.volumeUnits)}</td>
      <td>${amount(x.consideration, x.currency)}</td><td>${amount(x.vwapPrice, x.currency)}</td>
      <td>${percent(x.discountToNavPct)}</td></tr>`;
  }

  fund(f) {
    const last = f.lastTrade;
    return html`<tr id=${`market-fund-${f.fundCode}`} data-fund=${f.fundCode}>
      <td class="fx-fund-name">${f.fundCode} · ${f.shortName}<br><span class="fx-muted">${f.strategy} · ${f.vintage} · ${f.currency}</span></td>
      <td>${last ? amount(last.price, f.currency) : t('app.none')}</td><td>${last ? percent(last.pctOfNav) : t('app.none')}</td>
      <td>${last ? date(last.tradeDate) : t('app.none')}</td><td>${amount(f.vwap90, f.currency)}</td>
      <td>${f.tradeCount90 ?? t('app.none')}</td><td>${f.volumeUnits90 == null ? t('app.none') : units(f.volumeUnits90)}</td>
      <td>${amount(f.consideration90, f.currency)}</td><td>${amount(f.bestBid, f.currency)}</td>
      <td>${amount(f.bestOffer, f.currency)}</td></tr>`;
  }

  render() {
    const s = this.summary;
    const headers = first => [first, 'market.trades', 'market.volume', 'market.consideration', 'market.vwap', 'market.discount'];
    return html`<section class="fx-page fx-market" id="market-page">
      <h1>${t('market.title')}</h1>
      ${this.context.session ? nothing : html`<p><a id="market-signin" href="#/">${t('signin.title')}</a></p>`}
      ${!s ? html`<p class="fx-busy">${t('app.loading')}</p>` : html`
        <p class="fx-intro" id="market-intro">${t('market.intro', { k: s.k })}</p>
        <p id="market-as-of" data-as-of=${s.asOf}>${t('market.asOf', { date: date(s.asOf), zone: s.zone })}</p>
        <p id="market-published" data-published=${s.fundsPublished}>${t('market.published', { n: s.fundsPublished })}</p>
        <p id="market-withheld" data-withheld=${s.fundsWithheld} data-k=${s.k}>${t('market.withheld', { n: s.fundsWithheld, k: s.k })}</p>
        <h2>${t('market.index')}</h2>
        <p class="fx-note">${t('market.indexNote')}</p>
        ${this.indices.length ? nothing : html`<p class="fx-empty" id="market-index-none">${t('market.indexNone')}</p>`}
        <div id="market-index-chart" class="fx-chart" role="img" aria-label=${t('market.indexChart')}
          data-series=${this.indices.length}></div>
        <h2>${t('market.strategies')}</h2>
        ${table('market-strategies', headers('market.strategy'),
          (s.strategies ?? []).map(x => this.group(`market-strategy-${x.strategy}`, x.strategy, x)), 'market.noGroups')}
        <h2>${t('market.vintages')}</h2>
        ${table('market-vintages', headers('market.vintage'),
          (s.vintages ?? []).map(x => this.group(`market-vintage-${x.vintage}`, x.vintage, x)), 'market.noGroups')}
        <h2>${t('market.prices')}</h2>
        <div id="market-price-chart" class="fx-chart" role="img" aria-label=${t('market.priceChart')}
          data-funds=${this.funds.map(f => f.fundCode).join(' ')}></div>
        <h2>${t('market.funds')}</h2>
        ${table('market-funds', ['market.fund', 'market.lastTrade', 'market.lastPct', 'market.lastDate', 'market.vwap90',
          'market.trades90', 'market.volume90', 'market.consideration90', 'market.bid', 'market.offer'],
          this.funds.map(f => this.fund(f)), 'market.noFunds')}
        ${this.more ? html`<p class="fx-note" id="market-more">${t('market.more', { n: MAX_PAGES * PAGE })}</p>` : nothing}`}
    </section>`;
  }
}

customElements.define('fx-market-page', FxMarketPage);
