// The public market page (#/market, issue 23): last trades, 90-day VWAP, volume and best bid and offer of the funds
// whose managers publish them, the same by strategy and vintage, and the discount-to-NAV index by strategy, from the
// exchange's unsigned public reads (GET /market-data...), so it works signed out as signed in. It names no
// participant because the reads name none; funds held back are neither named nor counted. ECharts loads with this
// page only. The reads answer with an ETag, so the browser revalidates ('no-cache') and a 304 reuses its copy.
// The figures change at most once a day (the registry publishes the previous day's close at the first document of a
// later day), so signed in it reads again only when the live stream shows the journal has moved on a day on which a
// later close may be out, never on each settlement.
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
/** The page's reads are read again, at most this many times in all, while their answers are of different snapshots. */
const MAX_READS = 3;

/** One unsigned GET of a public read: its JSON body, or ApiProblem in the API's error shape. */
export async function publicRead(path) {
  const response = await fetch(path, { cache: 'no-cache', credentials: 'omit', headers: { Accept: 'application/json' } });
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

/** The calendar day (yyyy-mm-dd) in {@code zone} of epoch ms. */
function dayIn(epochMs, zone) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(epochMs));
  const part = type => parts.find(p => p.type === type).value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The day after an ISO day. */
function nextDay(iso) {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * The summary, the fund pages and the index read separately, all of one snapshot: a new snapshot published between
 * two reads (its asOf differs, or a fund page's cursor is refused as another snapshot's: 400, code 109) reads them
 * all again, at most {@link MAX_READS} times; never shown mixed.
 */
export async function readSnapshot(read = publicRead) {
  for (let attempt = 1; ; attempt++) {
    let answer;
    try {
      answer = await readOnce(read);
    } catch (error) {
      if (attempt < MAX_READS && error instanceof ApiProblem && error.status === 400 && error.code === 109) continue;
      throw error;
    }
    if (answer.asOfs.every(asOf => asOf === answer.summary.asOf)) return answer;
    if (attempt >= MAX_READS) throw new Error(t('market.mixed'));
  }
}

/** Each read once, with the asOf of every answer. */
async function readOnce(read) {
  const summary = await read('/market-data');
  const asOfs = [];
  const funds = [];
  let cursor = '';
  let pages = 0;
  do {
    const answer = await read(`/market-data/funds?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    asOfs.push(answer.asOf ?? null);
    funds.push(...(answer.funds ?? []));
    cursor = answer.nextCursor ?? '';
    pages++;
  } while (cursor && pages < MAX_PAGES);
  // One read per strategy; an answer holds a series per currency of the strategy's funds.
  const strategies = [...new Set((summary.strategies ?? []).map(s => s.strategy))];
  const answers = await Promise.all(strategies.map(s => read(`/market-data/index?strategy=${encodeURIComponent(s)}`)));
  asOfs.push(...answers.map(answer => answer.asOf ?? null));
  return {
    summary, funds, more: Boolean(cursor), asOfs,
    indices: answers.flatMap(answer => answer.series ?? [answer]).filter(series => (series.points ?? []).length > 0)
  };
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
    this.readAt = 0n; // the journal index the last re-read was for
  }

  /** Signed out there is no client: reads here are unsigned, and PortalPage needs only a last index of 0. */
  get client() {
    return this.context.client ?? this.signedOut;
  }

  /**
   * A feed page or heartbeat ({@code index}: the journal index it reaches). No single entry changes the figures: the
   * registry publishes the previous day's close at the first document of a later day (in the platform zone, journal
   * time), so the page reads again once the journal has moved past what it last read for while the exchange's clock
   * (or a heard entry's journal time) is on a day after the one following {@code asOf}: a later close may be out.
   * Once it is, nothing more is read that day. Before the first snapshot any move of the journal may publish one;
   * while the first read is on its way nothing is decided.
   */
  hear(entries, index) {
    const at = BigInt(index);
    if (!this.context.client || at <= this.readAt || (!this.summary && this.loading)) return;
    const zone = this.summary?.zone ?? this.zone;
    const latest = Math.max(this.client.exchange.now(), ...entries.map(e => Number(e.time) || 0));
    if (this.summary?.asOf && dayIn(latest, zone) <= nextDay(this.summary.asOf)) return;
    this.readAt = at;
    this.refresh(at);
  }

  async load(minIndex) {
    // The public reads take no minIndex: a signed read of the registry with it first waits until the registry has
    // applied what the stream announced (a refusal or a wait that timed out leaves the public reads as they are).
    if (minIndex !== undefined && this.context.client) {
      await this.context.client.read('/parameters', { minIndex }).catch(() => undefined);
    }
    const read = await readSnapshot();
    this.more = read.more;
    this.indices = read.indices;
    this.funds = read.funds;
    this.summary = read.summary;
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
    this.charts = this.charts.filter(chart => chart.getDom()?.isConnected || (chart.dispose(), false));
    const draw = (id, option) => {
      const element = document.getElementById(id);
      if (!element || !this.contains(element)) return;
      const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'canvas' });
      if (!this.charts.includes(chart)) this.charts.push(chart);
      chart.setOption(option, true);
      element.dataset.drawn = String(Number(element.dataset.drawn ?? 0) + 1);
    };
    draw('market-index-chart', indexChart(this.indices));
    for (const currency of this.currencies()) {
      draw(`market-price-chart-${currency}`, priceChart(this.funds.filter(f => f.currency === currency)));
    }
  }

  /** The currencies of the published funds, in order: a price chart each (prices in two currencies share no axis). */
  currencies() {
    return [...new Set(this.funds.map(f => f.currency))].sort();
  }

  /** A strategy's or vintage's row, in one currency (the funds of a group in another currency are another row). */
  group(id, label, x) {
    return html`<tr id=${`${id}-${x.currency}`} data-currency=${x.currency}><td>${label} · ${x.currency}</td><td>${x.tradeCount}</td><td>${units(x.volumeUnits)}</td>
      <td>${amount(x.consideration, x.currency)}</td><td>${percent(x.discountToNavPct)}</td></tr>`;
  }

  fund(f) {
    const last = f.lastTrade;
    return html`<tr id=${`market-fund-${f.fundCode}`} data-fund=${f.fundCode}>
      <td class="fx-fund-name">${f.fundCode} · ${f.shortName}<br><span class="fx-muted">${f.strategy} · ${f.vintage} · ${f.currency}</span></td>
      <td class="fx-figures-as-of" data-figures-as-of=${f.figuresAsOf}>${date(f.figuresAsOf)}</td>
      <td>${last ? amount(last.price, f.currency) : t('app.none')}</td><td>${last ? percent(last.pctOfNav) : t('app.none')}</td>
      <td>${last ? date(last.tradeDate) : t('app.none')}</td><td>${amount(f.vwap90, f.currency)}</td>
      <td>${f.tradeCount90 ?? t('app.none')}</td><td>${f.volumeUnits90 == null ? t('app.none') : units(f.volumeUnits90)}</td>
      <td>${amount(f.consideration90, f.currency)}</td><td>${amount(f.bestBid, f.currency)}</td>
      <td>${amount(f.bestOffer, f.currency)}</td></tr>`;
  }

  render() {
    const s = this.summary;
    return html`<section class="fx-page fx-market" id="market-page">
      <h1>${t('market.title')}</h1>
      ${this.context.session ? nothing : html`<p><a id="market-signin" href="#/">${t('signin.title')}</a></p>`}
      ${!s ? html`<p class="fx-busy">${t('app.loading')}</p>` : html`
        <p class="fx-intro" id="market-intro">${t('market.intro', { k: s.k })}</p>
        ${s.asOf ? this.figures(s) : html`<p class="fx-empty" id="market-none" data-as-of="">${t('market.none', { zone: s.zone })}</p>`}`}
    </section>`;
  }

  /** Everything a published snapshot ({@code s}, its asOf set) shows. */
  figures(s) {
    const headers = first => [first, 'market.trades', 'market.volume', 'market.consideration', 'market.discount'];
    return html`
        <p id="market-as-of" data-as-of=${s.asOf}>${t('market.asOf', { date: date(s.asOf), zone: s.zone })}</p>
        <p id="market-published" data-published=${s.fundsPublished}>${t('market.published', { n: s.fundsPublished })}</p>
        <p id="market-withheld" data-k=${s.k}>${t('market.withheld', { k: s.k })}</p>
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
        ${this.currencies().map(currency => html`
          <h2>${t('market.prices', { currency })}</h2>
          <div id=${`market-price-chart-${currency}`} class="fx-chart" role="img" aria-label=${t('market.priceChart', { currency })}
            data-funds=${this.funds.filter(f => f.currency === currency).map(f => f.fundCode).join(' ')}></div>`)}
        <h2>${t('market.funds')}</h2>
        <p class="fx-note" id="market-funds-note">${t('market.fundsNote', { k: s.k })}</p>
        ${table('market-funds', ['market.fund', 'market.figuresAsOf', 'market.lastTrade', 'market.lastPct', 'market.lastDate',
          'market.vwap90', 'market.trades90', 'market.volume90', 'market.consideration90', 'market.bid', 'market.offer'],
          this.funds.map(f => this.fund(f)), 'market.noFunds')}
        ${this.more ? html`<p class="fx-note" id="market-more">${t('market.more', { n: MAX_PAGES * PAGE })}</p>` : nothing}`;
  }
}

customElements.define('fx-market-page', FxMarketPage);
