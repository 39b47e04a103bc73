// The sealed auction's investor half: the bids, the sealed bid form (the price sealed in this browser under a fresh
// nonce) and its words. Only the investor's listing page loads it (index.js's investorPanel), so the holder's and
// staff's pages load no investor code.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
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

addMessages({
  en: {
    'investor.sealed.explain': 'Nobody sees a sealed price before the close, the exchange included. Your price is sealed in this browser with a fresh random nonce; this tab alone remembers it for you.',
    'investor.sealed.price': 'Your sealed price per unit',
    'investor.sealed.newPrice': 'New sealed price per unit',
    'investor.sealed.submit': 'Place sealed bid',
    'investor.sealed.amend': 'Replace my sealed bid',
    'investor.sealed.cancel': 'Cancel my sealed bid',
    'investor.sealed.placed': 'Your sealed bid is placed.',
    'investor.sealed.amended': 'Your sealed bid is replaced.',
    'investor.sealed.cancelled': 'Your sealed bid is cancelled.',
    'investor.sealed.yours': 'Your sealed price: {price} (shown only to you, in this tab)',
    'investor.sealed.notInThisTab': 'You hold a sealed bid here; its price was entered in another tab and is not shown.',
    'investor.sealed.badPrice': 'A price is a number with at most 4 decimals, e.g. 1.2500.',
  },
  'zh-CN': {
    'investor.sealed.explain': '结标前任何人（包括平台）都看不到密封价格。您的价格在本浏览器中用新的随机数密封，只有本标签页为您记住它。',
    'investor.sealed.price': '您的每份密封价格',
    'investor.sealed.newPrice': '新的每份密封价格',
    'investor.sealed.submit': '提交密封出价',
    'investor.sealed.amend': '替换我的密封出价',
    'investor.sealed.cancel': '撤销我的密封出价',
    'investor.sealed.placed': '您的密封出价已提交。',
    'investor.sealed.amended': '您的密封出价已替换。',
    'investor.sealed.cancelled': '您的密封出价已撤销。',
    'investor.sealed.yours': '您的密封价格：{price}（仅您可见，仅保存在本标签页）',
    'investor.sealed.notInThisTab': '您在此有一笔密封出价；其价格是在另一个标签页输入的，此处不显示。',
    'investor.sealed.badPrice': '价格为最多 4 位小数的数字，例如 1.2500。',
  },
});
