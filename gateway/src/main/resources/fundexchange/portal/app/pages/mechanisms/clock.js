// The ascending clock auction (Japanese) in the portal: its names, its refusals' texts, the holder's form fields and
// body (its own terms, ClockListing), the holder's rows and bids note, the investor's rows, and the investor's "stay
// in" panel. The clock's round and price come from the listing read (termsRead, as of termsReadAt). index.js looks it
// up.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { time } from '../../format.js';
import { ascendingAuction } from './auction.js';

/** The clock as the gateway read it: the round running then and its price; undefined when not shown (not OPEN). */
const clockOf = l => (l.termsRead && l.termsRead.round !== undefined ? l.termsRead : undefined);

/** When the next round begins, by the listing's own clock terms; undefined past the window or without terms. */
function nextRoundAt(l) {
  const clock = clockOf(l);
  const roundMs = l.terms?.roundMs;
  if (!clock || !(roundMs > 0)) return undefined;
  const next = l.startsAt + (clock.round + 1) * roundMs;
  return next < l.endsAt ? next : undefined;
}

export const clock = ascendingAuction({
  code: 'CLOCK',
  names: {
    en: { holder: 'Clock auction', investor: 'Clock auction (ascending)', dataroom: 'clock auction' },
    'zh-CN': { holder: '日式拍卖（升价时钟）', investor: '日式拍卖（升价时钟）', dataroom: '日式拍卖' },
  },
  /** Its own refusals (ClockTerms.Refusal), which the index registers as code.<n>. */
  codes: {
    en: {
      4200: 'That round is not the one running now.',
      4201: 'Your price is not this round\'s clock price.',
      4202: 'Only bidders who stayed in the previous round may bid in this one.',
      4203: 'You already stay in this round.',
    },
    'zh-CN': {
      4200: '该轮次不是当前进行中的轮次。',
      4201: '您的价格不是本轮的时钟价格。',
      4202: '只有留在上一轮的出价人才能在本轮出价。',
      4203: '您已留在本轮。',
    },
  },

  /** After the starting price and reserve: the increment per round, the round length, the window. */
  ownFields: f => html`
      ${f.field('listing-clock-increment', 'listings.clockIncrement', '', 'listings.hint.price')}
      ${f.field('listing-round', 'listings.round', '', 'listings.hint.roundSeconds')}
      ${f.times}`,

  /** Its own terms only (the engine refuses the released auctions' flat fields beside them). */
  ownBody(body, input) {
    const increment = input.amount('listing-clock-increment', input.PRICE_SCALE);
    const roundMs = input.seconds('listing-round');
    if (roundMs === undefined) input.problem('listing-round', 'holder.check.required');
    body.terms = { type: 'ClockListing', increment, roundMs };
  },

  holderRows(l, { row, money }) {
    const clock = clockOf(l);
    return html`${l.terms ? html`${row('listings.clockIncrement', money(l.terms.increment), 'listing-clock-increment-value')}
        ${row('listings.round', String(l.terms.roundMs / 1000), 'listing-round-value')}` : nothing}
      ${clock ? row('listings.clockRound', t('listings.clockRoundValue', { round: clock.round + 1,
        price: clock.roundPrice ? money(clock.roundPrice) : t('app.none') }), 'listing-clock-round') : nothing}`;
  },

  holderBidsNote: () => html`<p class="fx-note" id="listing-clock-note">${t('listings.clockNote')}</p>`,

  /** The list and the page show the round's price as read; the page re-reads when the next round begins. */
  priceNow: l => clockOf(l)?.roundPrice,
  changesAt: nextRoundAt,

  /** The round length (the increment, an amount in the fund's currency, is the panel's). */
  investorRows(l, field) {
    return l.terms ? field('investor.clock.roundLength', String(l.terms.roundMs / 1000), 'listing-clock-round-length') : nothing;
  },

  /**
   * The clock as read (its round, shown from 1, its price and increment), the "stay in" form while bidding runs, then
   * the bids (open prices by pseudonym).
   */
  investorPanel(page, l, fund, { fundMoney, bidding }) {
    const clock = clockOf(l);
    const zone = page.client.exchange.zone;
    const next = nextRoundAt(l);
    return html`<div id="clock-panel">
        ${clock ? html`
          <p><span>${t('investor.clock.round')}</span> <strong id="clock-round" data-round=${String(clock.round)}>${clock.round + 1}</strong>
            · <span>${t('investor.clock.price')}</span> <strong id="clock-price" data-price=${clock.roundPrice ?? ''}>${clock.roundPrice ? fundMoney(clock.roundPrice, fund) : t('app.none')}</strong></p>
          <p id="clock-read-at" class="fx-muted">${t('investor.clock.readAt', { at: time(l.termsReadAt, zone) })}</p>
          ${next ? html`<p id="clock-next-round" data-next-round=${String(next)}>${t('investor.clock.nextRound')}: ${time(next, zone)}</p>` : nothing}` : nothing}
        ${l.terms ? html`<p><span>${t('investor.clock.increment')}</span> <strong id="clock-increment" data-increment=${l.terms.increment}>${fundMoney(l.terms.increment, fund)}</strong></p>` : nothing}
        <p class="fx-muted">${t('investor.clock.explain')}</p>
        ${bidding && clock?.roundPrice && page.client.exchange.now() >= l.startsAt ? html`
          <form class="fx-form" id="clock-stay-form" @submit=${e => stayIn(page, e, l, clock)}>
            <button id="clock-stay-submit" ?disabled=${page.busy}>${t('investor.clock.stay', { price: fundMoney(clock.roundPrice, fund) })}</button>
          </form>` : nothing}
      </div>
      ${page.renderBids(l, fund, 'app.none')}`;
  },
});

/** A bid at the round's clock price that stays in that round (ClockBid); the engine refuses any other price. */
async function stayIn(page, event, l, clock) {
  event.preventDefault();
  const body = { price: clock.roundPrice, terms: { type: 'ClockBid', round: clock.round } };
  await page.write(`/listings/${l.listingId}/bids`, body, 'investor.clock.stayed', { round: clock.round + 1 });
}

addMessages({
  en: {
    'listings.clockIncrement': 'Price increase per round',
    'listings.round': 'Round length (seconds)',
    'listings.hint.roundSeconds': 'Whole seconds, at most a day.',
    'listings.clockRound': 'Round now',
    'listings.clockRoundValue': 'round {round} at {price}',
    'listings.clockNote': 'A bid stays in a round only while that round runs and only at its clock price; a bidder who misses a round is out. Bids bind; at the end the highest bid wins at its own price if it reaches your reserve.',
    'investor.clock.increment': 'Price increase per round',
    'investor.clock.roundLength': 'Round length (seconds)',
    'investor.clock.round': 'Round',
    'investor.clock.price': 'clock price per unit',
    'investor.clock.readAt': 'as read at {at}; a bid the exchange receives once the next round has begun is refused: bid again at the new price',
    'investor.clock.nextRound': 'Next round (price rises)',
    'investor.clock.explain': 'The price rises every round. To stay in, bid each round at its price; a bidder who misses a round is out, and a newcomer may enter only in the round the bidding opened in. At the end the highest bid wins at its own price. Bids are binding.',
    'investor.clock.stay': 'Stay in this round at {price}',
    'investor.clock.stayed': 'You stay in round {round}.',
  },
  'zh-CN': {
    'listings.clockIncrement': '每轮加价幅度',
    'listings.round': '每轮时长（秒）',
    'listings.hint.roundSeconds': '整数秒，不超过一天。',
    'listings.clockRound': '当前轮次',
    'listings.clockRoundValue': '第 {round} 轮，价格 {price}',
    'listings.clockNote': '出价仅能在某轮进行期间、按该轮时钟价格留在该轮；错过一轮的出价人即出局。出价具有约束力；结束时最高出价若达到您的保留价，按其本身价格成交。',
    'investor.clock.increment': '每轮加价幅度',
    'investor.clock.roundLength': '每轮时长（秒）',
    'investor.clock.round': '轮次',
    'investor.clock.price': '每份时钟价格',
    'investor.clock.readAt': '读取于 {at}；平台收到出价时若下一轮已开始，该出价将被拒绝，请按新价格重新出价',
    'investor.clock.nextRound': '下一轮（价格上升）',
    'investor.clock.explain': '价格每轮上升。每轮按该轮价格出价即留在拍卖中；错过一轮即出局，新出价人只能在竞价开始的那一轮加入。结束时最高出价按其本身价格成交。出价具有约束力。',
    'investor.clock.stay': '以 {price} 留在本轮',
    'investor.clock.stayed': '您已留在第 {round} 轮。',
  },
});
