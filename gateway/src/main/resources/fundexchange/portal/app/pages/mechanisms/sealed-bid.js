// The sealed auction's investor half: the bids and the sealed bid form (the price sealed in this browser under a
// fresh nonce). Only the investor's listing page loads it (panels.js), so the holder's and staff's pages load no
// investor code.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { rememberSealed, sealedOf, forgetSealed } from '../investor/common.js';
import { sealedBidBody } from '../investor/sealed.js';

/** The sealed auction's investor panel: the bids (prices hidden until the close, but the caller's own in this
 * tab), and the sealed bid form. */
export function investorPanel(page, l, fund, { fundMoney, bidding }) {
  return html`${page.renderBids(l, fund, 'investor.sealed.hidden')}
    ${bidding ? form(page, l, fund, fundMoney) : nothing}`;
}

function form(page, l, fund, fundMoney) {
  const me = page.client.participant;
  const mine = page.bids.find(b => b.bidder === me && b.status === 'ACTIVE');
  const own = mine ? sealedOf(me, mine.bidId) : null;
  return html`<form class="fx-form" id="sealed-bid-form" @submit=${e => place(page, e, l, mine)}>
      <p class="fx-muted">${t('investor.sealed.explain')}</p>
      ${mine ? html`<p id="sealed-own">${own ? t('investor.sealed.yours', { price: fundMoney(own.price, fund) })
        : t('investor.sealed.notInThisTab')}</p>` : nothing}
      <label>${t(mine ? 'investor.sealed.newPrice' : 'investor.sealed.price')}
        <input id="sealed-bid-price" name="price" inputmode="decimal" autocomplete="off" required
          pattern="(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?"></label>
      <button id="sealed-bid-submit" ?disabled=${page.busy}>${t(mine ? 'investor.sealed.amend' : 'investor.sealed.submit')}</button>
      ${mine ? html`<button type="button" id="sealed-bid-cancel" class="fx-secondary" ?disabled=${page.busy}
        @click=${() => cancel(page, mine)}>${t('investor.sealed.cancel')}</button>` : nothing}
    </form>`;
}

async function place(page, event, l, mine) {
  event.preventDefault();
  const price = event.target.elements.price.value.trim();
  let sealedBid;
  try {
    sealedBid = sealedBidBody(price);
  } catch {
    page.refuse('investor.sealed.badPrice');
    return;
  }
  const me = page.client.participant;
  const path = mine ? `/bids/${mine.bidId}/amend` : `/listings/${l.listingId}/sealed-bids`;
  const answer = await page.write(path, sealedBid.body, mine ? 'investor.sealed.amended' : 'investor.sealed.placed', {},
    accepted => {
      const placed = (accepted.body?.events ?? []).find(e => e.type === 'SealedBidPlaced');
      if (placed) rememberSealed(me, placed.bidId, price, sealedBid.nonce);
      if (placed && mine) forgetSealed(me, mine.bidId);
    });
  if (answer) event.target.reset();
}

async function cancel(page, bid) {
  const answer = await page.write(`/bids/${bid.bidId}/cancel`, {}, 'investor.sealed.cancelled');
  if (answer) forgetSealed(page.client.participant, bid.bidId);
}
