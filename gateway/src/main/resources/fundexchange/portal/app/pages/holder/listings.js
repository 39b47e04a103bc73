// "My listings": the listings the holder sells (GET /listings, filtered by status), the forms that create them for
// every mechanism (POST /listings: negotiated with a named buyer; POST /auctions: the auctions; each mechanism's fields
// and rows are its module's, ../mechanisms/), and a
// listing's own page at #/holder-listings/<id> (GET /listings/{id} and its bids as the seller may see them: bidders as
// pseudonyms, sealed prices absent until the close), with the auction's countdown at the exchange's clock and the
// withdrawal (POST /listings/{id}/withdraw).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import { units, money, time } from '../../format.js';
import {
  HolderPage, loadFunds, fundLabel, amountProblem, wholeProblem, zonedToEpoch, epochToZoned, UNITS_SCALE, PRICE_SCALE,
} from './common.js';
import { MECHANISMS, mechanism, mechanismName } from '../mechanisms/index.js';

const PAGE_ID = 'holder-listings';
const STATUSES = ['PENDING_APPROVAL', 'OPEN', 'EXECUTED', 'CANCELLED', 'EXPIRED'];
const DAY_MS = 86_400_000;

/** The listing id of the location (#/holder-listings/<id>), or null for the list. */
function detailId() {
  const match = new RegExp(`^#/${PAGE_ID}/([1-9][0-9]{0,18})$`).exec(location.hash);
  return match ? match[1] : null;
}

/** A duration in ms as d h m s (no fraction: the countdown ticks in seconds). */
function duration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return t('listings.duration', { d, h, m, s });
}

class FxHolderListingsPage extends HolderPage {
  static properties = {
    ...HolderPage.properties, funds: { state: true }, holdings: { state: true }, listings: { state: true },
    status: { state: true }, mechanism: { state: true }, checks: { state: true }, detail: { state: true },
    bids: { state: true }, now: { state: true },
  };

  constructor() {
    super();
    this.status = '';
    this.mechanism = 'NEGOTIATED';
    this.checks = {};
    this.routed = detailId();
    this.onHash = () => {
      if (detailId() === this.routed) return;
      this.routed = detailId();
      this.detail = null;
      this.bids = null;
      this.outcome = null;
      this.refresh(0n);
    };
  }

  connectedCallback() {
    // The shell keeps this element while another page shows; the location may have changed meanwhile.
    if (detailId() !== this.routed) {
      this.routed = detailId();
      this.detail = null;
      this.bids = null;
      this.outcome = null;
    }
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.ticker = setInterval(() => {
      if (this.detail?.endsAt && this.detail.status === 'OPEN') this.now = this.client.exchange.now();
    }, 1000);
  }

  disconnectedCallback() {
    removeEventListener('hashchange', this.onHash);
    clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  relevant(entry) {
    const data = entry.data ?? {};
    return entry.kind !== 'outcome' && (data.listingId !== undefined || data.fundCode !== undefined);
  }

  async load(minIndex) {
    const client = this.client;
    const id = this.routed;
    const [funds, holdings] = await Promise.all([loadFunds(client, minIndex), client.read('/holdings', { minIndex })]);
    this.funds = funds;
    this.holdings = holdings.holdings ?? [];
    if (id) {
      const [listing, bids] = await Promise.all([
        client.read(`/listings/${id}`, { minIndex }), client.read(`/listings/${id}/bids`, { minIndex })]);
      if (id !== this.routed) return;
      this.detail = listing;
      this.bids = bids.bids ?? [];
      this.now = client.exchange.now();
    } else {
      this.listings = await this.readListings(minIndex);
    }
  }

  /**
   * The caller's own listings (it may also see others', e.g. as a named buyer), a window of up to WINDOW_PAGES pages of
   * what it may see; when more follow, the page says so and offers the next window (paging.js).
   */
  async readListings(minIndex) {
    this.pager ??= new Pager();
    const window = await readWindow(this.client, this.status ? `/listings?status=${this.status}` : '/listings', 'listings',
      minIndex, { start: this.pager.start });
    this.nextAfter = window.nextAfter;
    return window.items.filter(listing => listing.seller === this.participant).reverse();
  }

  filterChanged(event) {
    this.status = event.target.value;
    this.pager?.first();
    this.refresh(0n);
  }

  mechanismChanged(event) {
    this.mechanism = event.target.value;
    this.checks = {};
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  /** Checks the form in the API's grammar and builds the body; null (and the field messages shown) when it fails. */
  formBody() {
    const checks = {};
    const amount = (id, scale, optional = false) => {
      const text = this.value(id);
      if (optional && text === '') return undefined;
      const problem = amountProblem(text, scale);
      if (problem) checks[id] = problem;
      return text;
    };
    const instant = (id, optional = false) => {
      const text = this.value(id);
      if (optional && text === '') return undefined;
      const epoch = zonedToEpoch(text, this.zone);
      if (epoch === null) checks[id] = { key: 'holder.check.time', params: {} };
      return epoch;
    };
    const seconds = id => {
      const text = this.value(id);
      if (text === '') return undefined;
      const problem = wholeProblem(text, DAY_MS / 1000);
      if (problem) checks[id] = problem;
      return Number(text) * 1000;
    };
    const fundCode = this.value('listing-fund');
    if (!fundCode) checks['listing-fund'] = { key: 'holder.check.required', params: {} };
    const body = { fundCode, units: amount('listing-units', UNITS_SCALE) };
    mechanism(this.mechanism).holderBody(body, {
      PRICE_SCALE, amount, instant, seconds, value: id => this.value(id),
      checked: id => this.querySelector(`#${id}`)?.checked === true,
      failed: id => checks[id] !== undefined,
      problem: (id, key) => { checks[id] = { key, params: {} }; },
    });
    this.checks = checks;
    return Object.keys(checks).length ? null : body;
  }

  async submit(event) {
    event.preventDefault();
    const body = this.formBody();
    if (!body) return;
    await this.write(mechanism(this.mechanism).auction ? '/auctions' : '/listings', body);
  }

  withdraw(listingId) {
    return this.write(`/listings/${listingId}/withdraw`, {});
  }

  currency(code) {
    return this.funds?.get(code)?.currency;
  }

  render() {
    if (!this.funds) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return this.routed ? this.renderDetail() : this.renderList();
  }

  renderList() {
    return html`<section class="fx-page fx-holder" id="listings-page">
      <h1>${t('listings.title')}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <label class="fx-filter">${t('listings.filter')}
        <select id="listings-status" @change=${this.filterChanged}>
          <option value="" ?selected=${this.status === ''}>${t('listings.all')}</option>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${this.status === s}>${t(`listingStatus.${s}`)}</option>`)}
        </select></label>
      ${this.renderTable()}
      ${this.pager ? renderPager('listings', this.pager, this.nextAfter, () => this.refresh(0n), (this.listings ?? []).length) : nothing}
      ${this.renderForm()}
    </section>`;
  }

  renderTable() {
    const listings = this.listings ?? [];
    if (listings.length === 0) return html`<p id="listings-empty">${t('holder.none')}</p>`;
    return html`<table class="fx-table" id="listings-table">
      <thead><tr><th>${t('listings.id')}</th><th>${t('holder.fund')}</th><th>${t('listings.mechanism')}</th>
        <th>${t('listings.units')}</th><th>${t('listings.price')}</th><th>${t('listings.status')}</th>
        <th>${t('listings.closes')}</th></tr></thead>
      <tbody>${listings.map(l => html`<tr id=${`listing-${l.listingId}`} data-status=${l.status}>
        <td><a href=${`#/${PAGE_ID}/${l.listingId}`} id=${`listing-link-${l.listingId}`}>${l.listingId}</a></td>
        <td class="fx-text">${fundLabel(this.funds, l.fundCode)}</td>
        <td>${mechanismName(l.mechanism)}</td>
        <td class="fx-number">${units(l.units)}</td>
        <td class="fx-number">${money(mechanism(l.mechanism).auction ? l.startingPrice : l.price, this.currency(l.fundCode))}</td>
        <td data-field="status">${t(`listingStatus.${l.status}`)}</td>
        <td>${this.closes(l)}</td></tr>`)}</tbody></table>
      <p class="fx-note">${t('holder.timesIn', { zone: this.zone })}</p>`;
  }

  closes(listing) {
    const at = mechanism(listing.mechanism).auction ? listing.endsAt : listing.expiresAt;
    return at ? time(at, this.zone) : t('app.none');
  }

  renderForm() {
    // The default times are fixed once, so a re-render (a live refresh, the next minute) never rewrites a typed value.
    if (!this.defaultStart) this.defaultStart = Math.ceil(this.client.exchange.now() / 60_000) * 60_000;
    const start = this.defaultStart;
    const field = (id, labelKey, value = '', hintKey = null) => html`<label>${t(labelKey)}
      <input id=${id} .value=${value} autocomplete="off" spellcheck="false"
        aria-invalid=${this.checks[id] ? 'true' : 'false'}>
      ${hintKey ? html`<span class="fx-hint">${t(hintKey)}</span>` : nothing}
      ${HolderPage.renderCheck(this.checks[id], `${id}-problem`)}</label>`;
    const owned = this.holdings.filter(h => !/^0(\.0*)?$/.test(h.available));
    return html`<h2>${t('listings.create')}</h2>
      <form id="listing-form" class="fx-form" @submit=${this.submit} novalidate>
        <label>${t('listings.mechanism')}
          <select id="listing-mechanism" @change=${this.mechanismChanged}>
            ${MECHANISMS.map(({ code }) => html`<option value=${code} ?selected=${this.mechanism === code}>${mechanismName(code)}</option>`)}
          </select></label>
        <label>${t('holder.fund')}
          <select id="listing-fund">
            ${owned.map(h => html`<option value=${h.fundCode}>${fundLabel(this.funds, h.fundCode)} · ${t('listings.availableUnits',
              { units: units(h.available) })}</option>`)}
          </select>${HolderPage.renderCheck(this.checks['listing-fund'], 'listing-fund-problem')}</label>
        ${field('listing-units', 'listings.units', '', 'listings.hint.units')}
        ${mechanism(this.mechanism).holderFields({
          field, expiresDefault: epochToZoned(start + 7 * DAY_MS, this.zone), times: html`
          ${field('listing-starts', 'listings.startsAt', epochToZoned(start, this.zone), 'listings.hint.time')}
          ${field('listing-ends', 'listings.endsAt', epochToZoned(start + DAY_MS, this.zone), 'listings.hint.time')}` })}
        <p class="fx-note">${t('holder.timesIn', { zone: this.zone })}</p>
        <p class="fx-note" id="listing-approval-note">${t('listings.approvalNote')}</p>
        <button id="listing-submit" type="submit" ?disabled=${this.outcome?.state === 'busy'}>${t(
          mechanism(this.mechanism).auction ? 'listings.submitAuction' : 'listings.submitNegotiated')}</button>
      </form>`;
  }

  renderDetail() {
    const l = this.detail;
    if (!l) return html`<section class="fx-page"><p class="fx-busy">${t('app.loading')}</p></section>`;
    const currency = this.currency(l.fundCode);
    const row = (key, value, id) => html`<dt>${t(key)}</dt><dd id=${id}>${value}</dd>`;
    const m = mechanism(l.mechanism);
    const auction = m.auction;
    const terms = { row, money: value => money(value, currency), zone: this.zone };
    const withdrawable = l.status === 'PENDING_APPROVAL' || l.status === 'OPEN';
    return html`<section class="fx-page fx-holder" id="listing-detail" data-listing=${String(l.listingId)}>
      <p><a href=${`#/${PAGE_ID}`} id="listing-back">${t('listings.back')}</a></p>
      <h1>${t('listings.detailTitle', { id: l.listingId })}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <dl class="fx-fields">
        ${row('holder.fund', fundLabel(this.funds, l.fundCode), 'listing-fund-name')}
        ${row('listings.mechanism', mechanismName(l.mechanism), 'listing-mechanism-name')}
        ${row('listings.status', t(`listingStatus.${l.status}`), 'listing-status')}
        ${row('listings.units', units(l.units), 'listing-units-value')}
        ${auction ? html`
          ${row('listings.startingPrice', money(l.startingPrice, currency), 'listing-starting')}
          ${l.reservePrice ? row('listings.reservePrice', money(l.reservePrice, currency), 'listing-reserve') : nothing}
          ${l.minIncrement ? row('listings.minIncrement', money(l.minIncrement, currency), 'listing-increment') : nothing}
          ${row('listings.startsAt', time(l.startsAt, this.zone), 'listing-starts-at')}
          ${row('listings.endsAt', time(l.endsAt, this.zone), 'listing-ends-at')}
          ${m.holderRows(l, terms)}
          ${this.renderCountdown(l)}` : m.holderRows(l, terms)}
        ${l.rofr ? row('listings.rofr', t(`listings.rofr.${l.rofr}`), 'listing-rofr') : nothing}
        ${l.tradePrice ? row('listings.tradePrice', money(l.tradePrice, currency), 'listing-trade-price') : nothing}
      </dl>
      ${withdrawable ? html`<button type="button" id="listing-withdraw" @click=${() => this.withdraw(l.listingId)}
        ?disabled=${this.outcome?.state === 'busy'}>${t('listings.withdraw')}</button>` : nothing}
      ${auction ? this.renderBids(l, currency) : nothing}
    </section>`;
  }

  renderCountdown(l) {
    if (l.status !== 'OPEN') return nothing;
    const now = this.now ?? this.client.exchange.now();
    const [key, ms] = now < l.startsAt ? ['listings.startsIn', l.startsAt - now]
      : now < l.endsAt ? ['listings.endsIn', l.endsAt - now] : ['listings.closing', 0];
    return html`<dt>${t('listings.countdown')}</dt><dd id="listing-countdown" data-ends=${String(l.endsAt)}>${t(key,
      { duration: duration(ms) })}</dd>`;
  }

  renderBids(l, currency) {
    const bids = this.bids ?? [];
    return html`<h2>${t('listings.bids')}</h2>
      ${mechanism(l.mechanism).holderBidsNote()}
      ${bids.length === 0 ? html`<p id="listing-bids-empty">${t('listings.noBids')}</p>` : html`<table class="fx-table" id="listing-bids">
        <thead><tr><th>${t('listings.bidId')}</th><th>${t('listings.bidder')}</th><th>${t('listings.bidPrice')}</th>
          <th>${t('listings.status')}</th></tr></thead>
        <tbody>${bids.map(b => html`<tr id=${`bid-${b.bidId}`}><td>${b.bidId}</td><td class="fx-text">${b.bidder}</td>
          <td>${b.price ? money(b.price, currency) : t('listings.sealed')}</td>
          <td>${t(`bidStatus.${b.status}`)}${b.rejectCode ? html` · ${t('listings.passedOver', { code: b.rejectCode })}` : nothing}</td>
        </tr>`)}</tbody></table>`}`;
  }
}

addMessages({
  en: {
    'listings.title': 'My listings',
    'listings.filter': 'Show',
    'listings.all': 'All',
    'listings.id': 'Listing',
    'listings.mechanism': 'Mechanism',
    'listings.units': 'Units',
    'listings.price': 'Price / starting price',
    'listings.status': 'Status',
    'listings.closes': 'Expires / ends',
    'listings.create': 'List units for sale',
    'listings.availableUnits': '{units} available',
    'listings.buyer': 'Named buyer (participant id)',
    'listings.pricePerUnit': 'Price per unit',
    'listings.expiresAt': 'Expires at',
    'listings.noExpiry': 'No expiry',
    'listings.startingPrice': 'Starting price per unit',
    'listings.reservePrice': 'Reserve price per unit',
    'listings.minIncrement': 'Minimum increment',
    'listings.startsAt': 'Bidding starts',
    'listings.endsAt': 'Bidding ends',
    'listings.hint.units': 'Units, at most 2 decimals.',
    'listings.hint.buyer': 'The qualified investor who may accept.',
    'listings.hint.price': 'Up to 4 decimals.',
    'listings.hint.optional': 'Optional; up to 4 decimals (default: the starting price).',
    'listings.hint.time': 'yyyy-mm-dd hh:mm',
    'listings.hint.seconds': 'Optional; whole seconds (default: the platform’s).',
    'listings.submitNegotiated': 'Sign and submit the listing',
    'listings.submitAuction': 'Sign and submit the auction',
    'listings.approvalNote': 'A new listing awaits the exchange staff’s approval; investors see it once it is open.',
    'listings.check.endAfterStart': 'The end must come after the start.',
    'listings.back': '← All my listings',
    'listings.detailTitle': 'Listing {id}',
    'listings.rofr': 'Right of first refusal',
    'listings.rofr.NOT_APPLICABLE': 'Not applicable',
    'listings.rofr.PENDING': 'Awaiting the holders’ decision',
    'listings.rofr.CLEARED': 'Cleared',
    'listings.tradePrice': 'Trade price',
    'listings.withdraw': 'Withdraw this listing',
    'listings.countdown': 'Time',
    'listings.startsIn': 'Bidding starts in {duration}',
    'listings.endsIn': 'Bidding ends in {duration}',
    'listings.closing': 'Bidding has ended; the exchange is closing the auction',
    'listings.duration': '{d} d {h} h {m} min {s} s',
    'listings.bids': 'Bids',
    'listings.noBids': 'No bids yet.',
    'listings.bidId': 'Bid',
    'listings.bidder': 'Bidder',
    'listings.bidPrice': 'Price per unit',
    'listings.sealed': 'Sealed',
    'listings.passedOver': 'code {code}',
  },
  'zh-CN': {
    'listings.title': '我的挂牌',
    'listings.filter': '显示',
    'listings.all': '全部',
    'listings.id': '挂牌编号',
    'listings.mechanism': '转让方式',
    'listings.units': '份额',
    'listings.price': '价格 / 起拍价',
    'listings.status': '状态',
    'listings.closes': '到期 / 结束',
    'listings.create': '挂牌转让份额',
    'listings.availableUnits': '可用 {units}',
    'listings.buyer': '指定买方（参与者编号）',
    'listings.pricePerUnit': '每份额价格',
    'listings.expiresAt': '到期时间',
    'listings.noExpiry': '不设到期',
    'listings.startingPrice': '每份额起拍价',
    'listings.reservePrice': '每份额保留价',
    'listings.minIncrement': '最小加价幅度',
    'listings.startsAt': '竞价开始',
    'listings.endsAt': '竞价结束',
    'listings.hint.units': '份额，最多 2 位小数。',
    'listings.hint.buyer': '可接受该挂牌的合格投资者。',
    'listings.hint.price': '最多 4 位小数。',
    'listings.hint.optional': '选填；最多 4 位小数（默认等于起拍价）。',
    'listings.hint.time': 'yyyy-mm-dd hh:mm',
    'listings.hint.seconds': '选填；整数秒（默认采用平台参数）。',
    'listings.submitNegotiated': '签名并提交挂牌',
    'listings.submitAuction': '签名并提交拍卖',
    'listings.approvalNote': '新挂牌须经平台工作人员审核；审核通过（进行中）后投资者方可看到。',
    'listings.check.endAfterStart': '结束时间必须晚于开始时间。',
    'listings.back': '← 返回我的挂牌',
    'listings.detailTitle': '挂牌 {id}',
    'listings.rofr': '优先购买权',
    'listings.rofr.NOT_APPLICABLE': '不适用',
    'listings.rofr.PENDING': '等待其他持有人决定',
    'listings.rofr.CLEARED': '已处理',
    'listings.tradePrice': '成交价',
    'listings.withdraw': '撤回该挂牌',
    'listings.countdown': '时间',
    'listings.startsIn': '距竞价开始还有 {duration}',
    'listings.endsIn': '距竞价结束还有 {duration}',
    'listings.closing': '竞价已结束，平台正在结束拍卖',
    'listings.duration': '{d} 天 {h} 小时 {m} 分 {s} 秒',
    'listings.bids': '出价',
    'listings.noBids': '暂无出价。',
    'listings.bidId': '出价编号',
    'listings.bidder': '出价人',
    'listings.bidPrice': '每份额价格',
    'listings.sealed': '密封',
    'listings.passedOver': '代码 {code}',
  },
});

customElements.define('fx-holder-listings-page', FxHolderListingsPage);
