// Investor: its own bids across listings (GET /bids); a sealed bid's price is absent for everyone until the close, so
// the page shows the investor's own sealed price from this tab's memory only. Route: #/investor-bids.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { PortalPage, INVESTOR, table, sealedOf } from './common.js';
import { decimal } from '../../format.js';
import { readWindow, Pager, renderPager } from '../paging.js';

class FxInvestorBids extends PortalPage {
  static properties = { ...PortalPage.properties, bids: { state: true } };

  /** The investor's bids a page of 100 at a time; when more follow, the page says so and offers the next. */
  async load(minIndex) {
    this.pager ??= new Pager();
    const window = await readWindow(this.client, '/bids', 'bids', minIndex, { start: this.pager.start, pages: 1 });
    this.nextAfter = window.nextAfter;
    this.bids = window.items;
  }

  render() {
    if (!this.bids) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const me = this.client.participant;
    return html`<section class="fx-page fx-investor">
      <h1>${t('investor.myBids.title')}</h1>
      ${table('my-bids-table', ['investor.bids.id', 'investor.myBids.listing', 'investor.bids.price',
        'investor.bids.status', 'investor.bids.note'],
        this.bids.map(b => {
          const own = b.price === undefined ? sealedOf(me, b.bidId) : null;
          return html`<tr data-bid=${b.bidId}><td>${b.bidId}</td>
            <td><a href=${`#/investor-listings/${b.listingId}`}>${b.listingId}</a></td>
            <td>${b.price !== undefined ? decimal(b.price) : own ? html`${decimal(own.price)} <span class="fx-muted">${t('investor.sealed.onlyYou')}</span>`
              : t('investor.sealed.hidden')}</td>
            <td>${t(`investor.bidStatus.${b.status}`)}</td>
            <td>${b.reason ?? (b.rejectCode ? t('investor.outcome.code', { code: b.rejectCode }) : '')}</td></tr>`;
        }), 'investor.bids.none')}
      ${renderPager('my-bids', this.pager, this.nextAfter, () => this.refresh(), this.bids.length)}
    </section>`;
  }
}

customElements.define('fx-investor-bids', FxInvestorBids);
