// The ascending clock auction (Japanese) in the portal: its names, its refusals' texts, the holder's form fields and
// body (its own terms, ClockListing), the holder's and the investor's rows, and the investor's "stay in" panel. The
// clock's round and price come from the listing read (termsRead, as of termsReadAt). index.js looks it up.
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
      ${clock ? row('listings.clockRound', roundText(clock), 'listing-clock-round') : nothing}`;
  },

  /** The list and the page show the round's price as read; the page re-reads when the next round begins. */
  priceNow: l => clockOf(l)?.roundPrice,
  changesAt: nextRoundAt,

  investorRows(l, field) {
    return l.terms ? html`${field('investor.clock.increment', l.terms.increment, 'listing-clock-increment')}
      ${field('investor.clock.roundLength', String(l.terms.roundMs / 1000), 'listing-clock-round-length')}` : nothing;
  },

  /** The bids (open prices by pseudonym), the round running as read, and the "stay in" form while bidding runs. */
  investorPanel(page, l, fund, { fundMoney, bidding }) {
    const clock = clockOf(l);
    const zone = page.client.exchange.zone;
    const next = nextRoundAt(l);
    return html`${page.renderBids(l, fund, 'app.none')}
      <div id="clock-panel">
        ${clock ? html`
          <p><span>${t('investor.clock.round')}</span> <strong id="clock-round" data-round=${String(clock.round)}>${clock.round + 1}</strong>
            · <span>${t('investor.clock.price')}</span> <strong id="clock-price" data-price=${clock.roundPrice ?? ''}>${clock.roundPrice ? fundMoney(clock.roundPrice, fund) : t('app.none')}</strong></p>
          <p id="clock-read-at" class="fx-muted">${t('investor.clock.readAt', { at: time(l.termsReadAt, zone) })}</p>
          ${next ? html`<p id="clock-next-round" data-next-round=${String(next)}>${t('investor.clock.nextRound')}: ${time(next, zone)}</p>` : nothing}` : nothing}
        <p class="fx-muted">${t('investor.clock.explain')}</p>
        ${bidding && clock?.roundPrice && page.client.exchange.now() >= l.startsAt ? html`
          <form class="fx-form" id="clock-stay-form" @submit=${e => stayIn(page, e, l, clock)}>
            <button id="clock-stay-submit" ?disabled=${page.busy}>${t('investor.clock.stay', { price: fundMoney(clock.roundPrice, fund) })}</button>
          </form>` : nothing}
      </div>`;
  },
});

/** "Round n at price p", rounds counted from 1 for people (the engine's from 0). */
function roundText(clock) {
  return t('listings.clockRoundValue', { round: clock.round + 1, price: clock.roundPrice ?? '' });
}

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
    'investor.clock.increment': 'Price increase per round',
    'investor.clock.roundLength': 'Round length (seconds)',
    'investor.clock.round': 'Round',
    'investor.clock.price': 'clock price per unit',
    'investor.clock.readAt': 'as read at {at}; the round is the one running when the exchange receives your bid',
    'investor.clock.nextRound': 'Next round (price rises)',
    'investor.clock.explain': 'The price rises every round. To stay in, bid each round at its price; a bidder who misses a round is out. At the end the highest bid wins at its own price. Bids are binding.',
    'investor.clock.stay': 'Stay in this round at {price}',
    'investor.clock.stayed': 'You stay in round {round}.',
  },
  'zh-CN': {
    'listings.clockIncrement': '每轮加价幅度',
    'listings.round': '每轮时长（秒）',
    'listings.hint.roundSeconds': '整数秒，不超过一天。',
    'listings.clockRound': '当前轮次',
    'listings.clockRoundValue': '第 {round} 轮，价格 {price}',
    'investor.clock.increment': '每轮加价幅度',
    'investor.clock.roundLength': '每轮时长（秒）',
    'investor.clock.round': '轮次',
    'investor.clock.price': '每份时钟价格',
    'investor.clock.readAt': '读取于 {at}；以平台收到您出价时进行中的轮次为准',
    'investor.clock.nextRound': '下一轮（价格上升）',
    'investor.clock.explain': '价格每轮上升。每轮按该轮价格出价即留在拍卖中；错过一轮即出局。结束时最高出价按其本身价格成交。出价具有约束力。',
    'investor.clock.stay': '以 {price} 留在本轮',
    'investor.clock.stayed': '您已留在第 {round} 轮。',
  },
});
