// Investor: the listings it may see; a listing's page: an auction's countdown (exchange clock) and bids, or a
// negotiated listing's accept/decline. Each mechanism's rows and panel are its module's (../mechanisms/).
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time, units } from '../../format.js';
import {
  PortalPage, table, fundsByCode, fundMoney, priceOrNone, resyncClock, duration, routeId, sealedOf,
} from './common.js';
import { MECHANISMS, mechanism, mechanismName, investorPanel } from '../mechanisms/index.js';

const STATUSES = ['OPEN', 'EXECUTED', 'EXPIRED', 'CANCELLED'];
const PAGE = 'investor-listings';

class FxInvestorListings extends PortalPage {
  static properties = {
    ...PortalPage.properties, listings: { state: true }, nextAfter: { state: true }, listing: { state: true },
    bids: { state: true }, funds: { state: true }, filters: { state: true },
  };

  constructor() {
    super();
    this.filters = { status: 'OPEN', mechanism: '', fund: '' };
    this.listings = null;
    this.listing = null;
    this.bids = [];
    this.funds = new Map();
    this.onHash = () => {
      this.outcome = null;
      this.listing = null;
      this.refresh();
    };
  }

  connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    removeEventListener('hashchange', this.onHash);
    clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  /** Each second: the countdown; the listing re-read past the end, when its mechanism says it changes, or every 15 s. */
  tick() {
    const listing = this.listing;
    if (!listing || listing.status !== 'OPEN' || !listing.endsAt) return;
    this.requestUpdate();
    const now = this.client.exchange.now();
    const left = listing.endsAt - now;
    this.ticks = (this.ticks ?? 0) + 1;
    const changesAt = mechanism(listing.mechanism).changesAt(listing);
    const stepped = changesAt > 0 && now >= changesAt && this.steppedAt !== changesAt;
    if (stepped) this.steppedAt = changesAt;
    if ((left <= 0 && !this.pastEnd) || stepped || this.ticks % 15 === 0) {
      this.pastEnd = left <= 0;
      this.refresh();
    }
  }

  async load(minIndex) {
    const read = path => this.client.read(path, minIndex === undefined ? {} : { minIndex });
    this.funds = await fundsByCode(this.client, minIndex);
    const id = location.hash.startsWith(`#/${PAGE}/`) ? routeId() : null;
    if (id === null) {
      this.listing = null;
      const query = new URLSearchParams({ limit: '100' });
      for (const [name, value] of Object.entries(this.filters)) if (value) query.set(name, value);
      const page = await read(`/listings?${query}`);
      this.listings = page.listings ?? [];
      this.nextAfter = page.nextAfter;
      return;
    }
    await resyncClock(this.client);
    const listing = await read(`/listings/${id}`);
    const m = mechanism(listing.mechanism);
    this.bids = m.readsBids ? (await read(`/listings/${id}/bids`)).bids ?? [] : [];
    this.panel = await investorPanel(m);
    this.listing = listing;
  }

  async more() {
    const query = new URLSearchParams({ limit: '100', after: String(this.nextAfter) });
    for (const [name, value] of Object.entries(this.filters)) if (value) query.set(name, value);
    try {
      const page = await this.client.read(`/listings?${query}`);
      this.listings = [...this.listings, ...(page.listings ?? [])];
      this.nextAfter = page.nextAfter;
    } catch (error) {
      this.context.report(error);
    }
  }

  filter(name, value) {
    this.filters = { ...this.filters, [name]: value };
    this.refresh();
  }

  render() {
    const id = location.hash.startsWith(`#/${PAGE}/`) ? routeId() : null;
    if (id !== null) return this.renderListing();
    if (this.listings === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const option = (value, label, current) => html`<option value=${value} ?selected=${value === current}>${label}</option>`;
    return html`<section class="fx-page fx-investor">
      <h1>${t('investor.listings.title')}</h1>
      <p class="fx-intro">${t('investor.listings.intro')}</p>
      <form class="fx-filters" @submit=${e => e.preventDefault()}>
        <label>${t('investor.listings.status')}
          <select id="listings-status" @change=${e => this.filter('status', e.target.value)}>
            ${option('', t('investor.all'), this.filters.status)}
            ${STATUSES.map(s => option(s, t(`investor.listingStatus.${s}`), this.filters.status))}</select></label>
        <label>${t('investor.listings.mechanism')}
          <select id="listings-mechanism" @change=${e => this.filter('mechanism', e.target.value)}>
            ${option('', t('investor.all'), this.filters.mechanism)}
            ${MECHANISMS.map(({ code }) => option(code, mechanismName(code, 'investor'), this.filters.mechanism))}</select></label>
        <label>${t('investor.listings.fund')}
          <select id="listings-fund" @change=${e => this.filter('fund', e.target.value)}>
            ${option('', t('investor.all'), this.filters.fund)}
            ${[...this.funds.keys()].map(code => option(code, code, this.filters.fund))}</select></label>
      </form>
      ${table('listings-table', ['investor.listing.id', 'investor.fund', 'investor.listing.mechanism', 'investor.units',
        'investor.listing.price', 'investor.listing.ends', 'investor.listing.status'],
        this.listings.map(l => this.renderRow(l)), 'investor.listings.none')}
      ${this.nextAfter !== undefined ? html`<button type="button" id="listings-more" @click=${() => this.more()}>${t('investor.more')}</button>` : nothing}
    </section>`;
  }

  renderRow(l) {
    const fund = this.funds.get(l.fundCode);
    // The mechanism's price as read (a clock's), else the trade price, else the asking price.
    const m = mechanism(l.mechanism);
    const auction = m.auction;
    const price = m.priceNow(l) ?? l.tradePrice ?? (auction ? l.startingPrice : l.price);
    const ends = auction ? l.endsAt : l.expiresAt;
    return html`<tr data-listing=${l.listingId}>
      <td><a id=${`listing-link-${l.listingId}`} href=${`#/${PAGE}/${l.listingId}`}>${l.listingId}</a></td>
      <td>${l.fundCode}${fund ? html` <span class="fx-muted">${fund.shortName}</span>` : nothing}</td>
      <td>${mechanismName(l.mechanism, 'investor')}</td><td>${units(l.units)}</td>
      <td>${priceOrNone(price, fund)}</td>
      <td>${ends ? time(ends, this.client.exchange.zone) : t('app.none')}</td>
      <td>${t(`investor.listingStatus.${l.status}`)}</td></tr>`;
  }

  renderListing() {
    const l = this.listing;
    if (!l) return html`<section class="fx-page"><p class="fx-busy">${t('app.loading')}</p></section>`;
    const fund = this.funds.get(l.fundCode);
    const zone = this.client.exchange.zone;
    const field = (key, value, id) => html`<dt>${t(key)}</dt><dd id=${id}>${value}</dd>`;
    const m = mechanism(l.mechanism);
    return html`<section class="fx-page fx-investor" id="listing-page" data-listing=${l.listingId} data-status=${l.status}>
      <p><a href=${`#/${PAGE}`} id="listing-back">${t('investor.listing.back')}</a></p>
      <h1>${t('investor.listing.title', { id: l.listingId })} · ${mechanismName(l.mechanism, 'investor')}</h1>
      <dl class="fx-fields">
        ${field('investor.fund', html`${l.fundCode}${fund ? ` · ${fund.shortName}` : ''}`, 'listing-fund')}
        ${field('investor.listing.status', t(`investor.listingStatus.${l.status}`), 'listing-status')}
        ${field('investor.units', units(l.units), 'listing-units')}
        ${m.auction ? html`
          ${field('investor.listing.startingPrice', fundMoney(l.startingPrice, fund), 'listing-starting-price')}
          ${l.minIncrement ? field('investor.listing.minIncrement', fundMoney(l.minIncrement, fund), 'listing-min-increment') : nothing}
          ${field('investor.listing.starts', time(l.startsAt, zone), 'listing-starts')}
          ${m.investorRows(l, field)}` : m.investorRows(l, field, { fundMoney, fund, zone })}
        ${l.tradePrice ? field('investor.listing.tradePrice', fundMoney(l.tradePrice, fund), 'listing-trade-price') : nothing}
        ${l.deposit ? field('investor.listing.deposit', fundMoney(l.deposit, fund), 'listing-deposit') : nothing}
      </dl>
      ${m.auction ? this.renderAuction(l, fund, m) : html`${this.renderDepositHint(l, fund, m)}
        ${this.panel(this, l, fund, { fundMoney })}`}
      ${this.renderOutcome('listing-outcome')}
    </section>`;
  }

  renderAuction(l, fund, m) {
    const now = this.client.exchange.now();
    const open = l.status === 'OPEN';
    const started = now >= l.startsAt;
    const left = l.endsAt - now;
    const bidding = open && left > 0; // past endsAt the engine refuses bids
    const by = l.matchBy && time(l.matchBy, this.client.exchange.zone);
    const won = by && this.bids.some(b => b.bidder === this.client.participant && b.status === 'WON');
    return html`<div class="fx-auction">
      <h2>${t('investor.auction.title')}</h2>
      <p class="fx-countdown"><span>${t('investor.auction.endsAt')}</span>
        <strong id="auction-ends-at" data-ends-at=${l.endsAt}>${time(l.endsAt, this.client.exchange.zone)}</strong>
        ${open ? html`<span id="auction-countdown" class="fx-clock">${!started ? t('investor.auction.startsIn', { left: duration(l.startsAt - now) })
          : left > 0 ? t('investor.auction.left', { left: duration(left) })
          : t(won ? 'investor.auction.won' : by ? 'investor.auction.match' : 'investor.auction.closing', { by })}</span>`
          : nothing}</p>
      <p class="fx-muted">${t('investor.auction.serverClock', { zone: this.client.exchange.zone })}</p>
      ${this.renderDepositHint(l, fund, m)}
      ${this.panel(this, l, fund, { fundMoney, bidding })}
    </div>`;
  }

  /**
   * Above the bid or acceptance panel while the listing is open: the deposit it asks and what locks it, in the
   * mechanism's words if its module has them (depositHint), else a bid's or an acceptance's.
   */
  renderDepositHint(l, fund, m) {
    return l.deposit && l.status === 'OPEN' ? html`<p class="fx-hint" id="listing-deposit-hint">${t(
      m.depositHint ?? (m.auction ? 'investor.listing.deposit.bid' : 'investor.listing.deposit.accept'),
      { amount: fundMoney(l.deposit, fund) })}</p>` : nothing;
  }

  /** The bids as the caller may see them; a price it may not see reads {@code hiddenKey} (the caller's own sealed in this tab). */
  renderBids(l, fund, hiddenKey) {
    const me = this.client.participant;
    const rows = this.bids.map(b => {
      const mine = b.bidder === me;
      const own = mine && b.price === undefined ? sealedOf(me, b.bidId) : null;
      const price = b.price !== undefined ? fundMoney(b.price, fund)
        : own ? html`${fundMoney(own.price, fund)} <span class="fx-muted">${t('investor.sealed.onlyYou')}</span>`
          : t(hiddenKey);
      return html`<tr data-bid=${b.bidId} class=${mine ? 'fx-mine' : ''}>
        <td>${b.bidId}</td><td>${mine ? t('investor.bids.you') : b.bidder}</td>
        <td class="fx-bid-price">${price}</td><td>${t(`investor.bidStatus.${b.status}`)}</td>
        <td>${mine && b.reason ? b.reason : b.rejectCode ? t('investor.outcome.code', { code: b.rejectCode }) : ''}</td></tr>`;
    });
    return html`<h3>${t('investor.bids.title')}</h3>
      ${table('auction-bids', ['investor.bids.id', 'investor.bids.bidder', 'investor.bids.price', 'investor.bids.status',
        'investor.bids.note'], rows, 'investor.bids.none')}`;
  }

}

customElements.define('fx-investor-listings', FxInvestorListings);
