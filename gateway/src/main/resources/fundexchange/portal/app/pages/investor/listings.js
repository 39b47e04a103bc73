// Investor: the listings it may see; a listing's page: an auction's countdown (exchange clock) and bids, or a
// negotiated listing's accept/decline.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time, units } from '../../format.js';
import {
  PortalPage, INVESTOR, table, fundsByCode, fundMoney, priceOrNone, resyncClock, duration, routeId,
  rememberSealed, sealedOf, forgetSealed,
} from './common.js';
import { sealedBidBody } from './sealed.js';
import { scaled, unscaled } from './decimal.js';

const STATUSES = ['OPEN', 'EXECUTED', 'EXPIRED', 'CANCELLED'];
const MECHANISMS = ['NEGOTIATED', 'ENGLISH', 'SEALED', 'DUTCH'];
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

  /** Each second: the countdown; the listing re-read past the end, at a Dutch step, or every 15 s. */
  tick() {
    const listing = this.listing;
    if (!listing || listing.status !== 'OPEN' || !listing.endsAt) return;
    this.requestUpdate();
    const now = this.client.exchange.now();
    const left = listing.endsAt - now;
    this.ticks = (this.ticks ?? 0) + 1;
    const stepped = listing.nextStepAt > 0 && now >= listing.nextStepAt && this.steppedAt !== listing.nextStepAt;
    if (stepped) this.steppedAt = listing.nextStepAt;
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
    this.bids = listing.mechanism === 'NEGOTIATED' || listing.mechanism === 'DUTCH' ? [] : (await read(`/listings/${id}/bids`)).bids ?? [];
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
            ${MECHANISMS.map(m => option(m, t(`investor.mechanism.${m}`), this.filters.mechanism))}</select></label>
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
    // A Dutch clock as read; else the trade price, else the asking price.
    const price = l.clockPrice ?? l.tradePrice ?? (l.mechanism === 'NEGOTIATED' ? l.price : l.startingPrice);
    const ends = l.mechanism === 'NEGOTIATED' ? l.expiresAt : l.endsAt;
    return html`<tr data-listing=${l.listingId}>
      <td><a id=${`listing-link-${l.listingId}`} href=${`#/${PAGE}/${l.listingId}`}>${l.listingId}</a></td>
      <td>${l.fundCode}${fund ? html` <span class="fx-muted">${fund.shortName}</span>` : nothing}</td>
      <td>${t(`investor.mechanism.${l.mechanism}`)}</td><td>${units(l.units)}</td>
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
    return html`<section class="fx-page fx-investor" id="listing-page" data-listing=${l.listingId} data-status=${l.status}>
      <p><a href=${`#/${PAGE}`} id="listing-back">${t('investor.listing.back')}</a></p>
      <h1>${t('investor.listing.title', { id: l.listingId })} · ${t(`investor.mechanism.${l.mechanism}`)}</h1>
      <dl class="fx-fields">
        ${field('investor.fund', html`${l.fundCode}${fund ? ` · ${fund.shortName}` : ''}`, 'listing-fund')}
        ${field('investor.listing.status', t(`investor.listingStatus.${l.status}`), 'listing-status')}
        ${field('investor.units', units(l.units), 'listing-units')}
        ${l.mechanism === 'NEGOTIATED' ? html`
          ${field('investor.listing.price', fundMoney(l.price, fund), 'listing-price')}
          ${field('investor.listing.parties', t('investor.listing.partiesValue', { seller: l.seller ?? 'P1', buyer: l.buyer ?? 'P2' }), 'listing-parties')}
          ${l.expiresAt ? field('investor.listing.expires', time(l.expiresAt, zone), 'listing-expires') : nothing}` : html`
          ${field('investor.listing.startingPrice', fundMoney(l.startingPrice, fund), 'listing-starting-price')}
          ${l.minIncrement ? field('investor.listing.minIncrement', fundMoney(l.minIncrement, fund), 'listing-min-increment') : nothing}
          ${field('investor.listing.starts', time(l.startsAt, zone), 'listing-starts')}
          ${l.mechanism === 'SEALED' ? field('investor.listing.pricing', t(l.secondPrice ? 'investor.listing.secondPrice' : 'investor.listing.firstPrice'), 'listing-pricing') : nothing}`}
        ${l.tradePrice ? field('investor.listing.tradePrice', fundMoney(l.tradePrice, fund), 'listing-trade-price') : nothing}
      </dl>
      ${l.mechanism === 'NEGOTIATED' ? this.renderNegotiated(l) : this.renderAuction(l, fund)}
      ${this.renderOutcome('listing-outcome')}
    </section>`;
  }

  renderNegotiated(l) {
    if (l.status !== 'OPEN') return nothing;
    return html`<div class="fx-actions">
      <p>${t('investor.negotiated.named')}</p>
      <button type="button" id="listing-accept" ?disabled=${this.busy}
        @click=${() => this.write(`/listings/${l.listingId}/accept`, {}, 'investor.negotiated.accepted')}>${t('investor.negotiated.accept')}</button>
      <button type="button" id="listing-decline" class="fx-secondary" ?disabled=${this.busy}
        @click=${() => this.write(`/listings/${l.listingId}/decline`, {}, 'investor.negotiated.declined')}>${t('investor.negotiated.decline')}</button>
    </div>`;
  }

  renderAuction(l, fund) {
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
      ${l.mechanism === 'DUTCH' ? this.renderDutch(l, fund) : this.renderBids(l, fund)}
      ${bidding && l.mechanism === 'ENGLISH' ? this.renderEnglishForm(l, fund) : nothing}
      ${bidding && l.mechanism === 'SEALED' ? this.renderSealedForm(l, fund) : nothing}
    </div>`;
  }

  /** A Dutch clock as the gateway read it (in the platform zone), and the acceptance form while it runs. */
  renderDutch(l, fund) {
    const zone = this.client.exchange.zone;
    return html`<div id="dutch-clock">
      ${l.clockPrice !== undefined ? html`
        <p><span>${t('investor.dutch.clock')}</span> <strong id="dutch-clock-price" data-clock=${l.clockPrice}>${fundMoney(l.clockPrice, fund)}</strong>
          <span id="dutch-clock-at" class="fx-muted" data-clock-at=${String(l.clockAt)}>${t('investor.dutch.indicative', { at: time(l.clockAt, zone) })}</span></p>
        <p id="dutch-next-step" data-next-step=${String(l.nextStepAt)}>${l.nextStepAt ? html`${t('investor.dutch.nextStep')}: ${time(l.nextStepAt, zone)}`
          : t('investor.dutch.atFloor')}</p>` : nothing}
      <p><span>${t('investor.dutch.left')}</span> <strong id="dutch-units-left">${units(l.unitsLeft)}</strong></p>
      ${l.clockPrice !== undefined && this.client.exchange.now() >= l.startsAt ? html`
        <form class="fx-form" id="dutch-accept-form" @submit=${e => this.acceptDutch(e, l)}>
          <p id="dutch-lot" data-lot=${fund?.minTransferUnits ?? ''}>${fund?.minTransferUnits && Number(fund.minTransferUnits) > 0
            ? t('investor.dutch.lot', { lot: units(fund.minTransferUnits) }) : t('investor.dutch.noLot')}</p>
          <label>${t('investor.dutch.units')}
            <input id="dutch-units" name="units" inputmode="decimal" required pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,2})?"></label>
          <label>${t('investor.dutch.maxPrice')}
            <input id="dutch-max-price" name="price" inputmode="decimal" required .value=${l.clockPrice}
              pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,4})?"></label>
          <p class="fx-muted">${t('investor.dutch.explain')}</p>
          <button id="dutch-accept-submit" ?disabled=${this.busy}>${t('investor.dutch.submit')}</button>
        </form>` : nothing}
    </div>`;
  }

  async acceptDutch(event, l) {
    event.preventDefault();
    const body = { price: event.target.elements.price.value.trim(), units: event.target.elements.units.value.trim() };
    const answer = await this.write(`/listings/${l.listingId}/bids`, body, 'investor.dutch.accepted', { units: body.units });
    if (answer) event.target.reset();
  }

  renderBids(l, fund) {
    const me = this.client.participant;
    const sealedOpen = l.mechanism === 'SEALED' && l.status === 'OPEN';
    const rows = this.bids.map(b => {
      const mine = b.bidder === me;
      const own = mine && b.price === undefined ? sealedOf(me, b.bidId) : null;
      const price = b.price !== undefined ? fundMoney(b.price, fund)
        : own ? html`${fundMoney(own.price, fund)} <span class="fx-muted">${t('investor.sealed.onlyYou')}</span>`
          : sealedOpen || l.mechanism === 'SEALED' ? t('investor.sealed.hidden') : t('app.none');
      return html`<tr data-bid=${b.bidId} class=${mine ? 'fx-mine' : ''}>
        <td>${b.bidId}</td><td>${mine ? t('investor.bids.you') : b.bidder}</td>
        <td class="fx-bid-price">${price}</td><td>${t(`investor.bidStatus.${b.status}`)}</td>
        <td>${mine && b.reason ? b.reason : b.rejectCode ? t('investor.outcome.code', { code: b.rejectCode }) : ''}</td></tr>`;
    });
    return html`<h3>${t('investor.bids.title')}</h3>
      ${table('auction-bids', ['investor.bids.id', 'investor.bids.bidder', 'investor.bids.price', 'investor.bids.status',
        'investor.bids.note'], rows, 'investor.bids.none')}`;
  }

  /** The lowest acceptable English bid: the starting price, or the highest bid plus the increment. */
  minimumBid(l) {
    let best = null;
    for (const b of this.bids) {
      const price = b.status === 'ACTIVE' || b.status === 'WON' ? scaled(b.price, 4) : null;
      if (price !== null && (best === null || price > best)) best = price;
    }
    return best === null ? l.startingPrice : unscaled(best + (scaled(l.minIncrement, 4) ?? 0n), 4);
  }

  renderEnglishForm(l, fund) {
    const minimum = this.minimumBid(l);
    return html`<form class="fx-form" id="english-bid-form" @submit=${e => this.placeBid(e, l)}>
      <label>${t('investor.english.price')}
        <input id="english-bid-price" name="price" inputmode="decimal" autocomplete="off" required
          placeholder=${minimum} pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,4})?"></label>
      <p class="fx-muted" id="english-bid-minimum">${t('investor.english.minimum', { price: fundMoney(minimum, fund) })}</p>
      <p class="fx-muted">${t('investor.english.binding')}</p>
      <button id="english-bid-submit" ?disabled=${this.busy}>${t('investor.english.submit')}</button>
    </form>`;
  }

  async placeBid(event, l) {
    event.preventDefault();
    const price = event.target.elements.price.value.trim();
    const answer = await this.write(`/listings/${l.listingId}/bids`, { price }, 'investor.english.placed', { price });
    if (answer) event.target.reset();
  }

  renderSealedForm(l, fund) {
    const me = this.client.participant;
    const mine = this.bids.find(b => b.bidder === me && b.status === 'ACTIVE');
    const own = mine ? sealedOf(me, mine.bidId) : null;
    return html`<form class="fx-form" id="sealed-bid-form" @submit=${e => this.placeSealed(e, l, mine)}>
      <p class="fx-muted">${t('investor.sealed.explain')}</p>
      ${mine ? html`<p id="sealed-own">${own ? t('investor.sealed.yours', { price: fundMoney(own.price, fund) })
        : t('investor.sealed.notInThisTab')}</p>` : nothing}
      <label>${t(mine ? 'investor.sealed.newPrice' : 'investor.sealed.price')}
        <input id="sealed-bid-price" name="price" inputmode="decimal" autocomplete="off" required
          pattern="(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?"></label>
      <button id="sealed-bid-submit" ?disabled=${this.busy}>${t(mine ? 'investor.sealed.amend' : 'investor.sealed.submit')}</button>
      ${mine ? html`<button type="button" id="sealed-bid-cancel" class="fx-secondary" ?disabled=${this.busy}
        @click=${() => this.cancelSealed(mine)}>${t('investor.sealed.cancel')}</button>` : nothing}
    </form>`;
  }

  async placeSealed(event, l, mine) {
    event.preventDefault();
    const price = event.target.elements.price.value.trim();
    let sealed;
    try {
      sealed = sealedBidBody(price);
    } catch {
      this.refuse('investor.sealed.badPrice');
      return;
    }
    const me = this.client.participant;
    const path = mine ? `/bids/${mine.bidId}/amend` : `/listings/${l.listingId}/sealed-bids`;
    const answer = await this.write(path, sealed.body, mine ? 'investor.sealed.amended' : 'investor.sealed.placed', {},
      accepted => {
        const placed = (accepted.body?.events ?? []).find(e => e.type === 'SealedBidPlaced');
        if (placed) rememberSealed(me, placed.bidId, price, sealed.nonce);
        if (placed && mine) forgetSealed(me, mine.bidId);
      });
    if (answer) event.target.reset();
  }

  async cancelSealed(bid) {
    const answer = await this.write(`/bids/${bid.bidId}/cancel`, {}, 'investor.sealed.cancelled');
    if (answer) forgetSealed(this.client.participant, bid.bidId);
  }
}

customElements.define('fx-investor-listings', FxInvestorListings);
