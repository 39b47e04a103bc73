// The English auction's investor half: the bids (open prices), the bid form and its words. Only the investor's
// listing page loads it (index.js's investorPanel), so the holder's and staff's pages load no investor code.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { scaled, unscaled } from '../investor/decimal.js';

/** The English auction's investor panel: the bids (open prices), and the bid form while bidding runs. */
export function investorPanel(page, l, fund, { fundMoney, bidding }) {
  return html`${page.renderBids(l, fund, 'app.none')}
    ${bidding ? form(page, l, fund, fundMoney) : nothing}`;
}

/** The lowest acceptable bid: the starting price, or the highest bid plus the increment. */
function minimumBid(page, l) {
  let best = null;
  for (const b of page.bids) {
    const price = b.status === 'ACTIVE' || b.status === 'WON' ? scaled(b.price, 4) : null;
    if (price !== null && (best === null || price > best)) best = price;
  }
  return best === null ? l.startingPrice : unscaled(best + (scaled(l.minIncrement, 4) ?? 0n), 4);
}

function form(page, l, fund, fundMoney) {
  const minimum = minimumBid(page, l);
  return html`<form class="fx-form" id="english-bid-form" @submit=${e => placeBid(page, e, l)}>
      <label>${t('investor.english.price')}
        <input id="english-bid-price" name="price" inputmode="decimal" autocomplete="off" required
          placeholder=${minimum} pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,4})?"></label>
      <p class="fx-muted" id="english-bid-minimum">${t('investor.english.minimum', { price: fundMoney(minimum, fund) })}</p>
      <p class="fx-muted">${t('investor.english.binding')}</p>
      <button id="english-bid-submit" ?disabled=${page.busy}>${t('investor.english.submit')}</button>
    </form>`;
}

async function placeBid(page, event, l) {
  event.preventDefault();
  const price = event.target.elements.price.value.trim();
  const answer = await page.write(`/listings/${l.listingId}/bids`, { price }, 'investor.english.placed', { price });
  if (answer) event.target.reset();
}

addMessages({
  en: {
    'investor.english.price': 'Your bid per unit',
    'investor.english.minimum': 'At least {price}.',
    'investor.english.binding': 'Bids are binding and cannot be withdrawn.',
    'investor.english.submit': 'Place bid',
    'investor.english.placed': 'Your bid of {price} is placed.',
  },
  'zh-CN': {
    'investor.english.price': '您的每份出价',
    'investor.english.minimum': '不低于 {price}。',
    'investor.english.binding': '出价具有约束力，不可撤回。',
    'investor.english.submit': '出价',
    'investor.english.placed': '您的出价 {price} 已提交。',
  },
});
