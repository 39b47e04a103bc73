// The Dutch (descending-price) auction in the portal: its names, its refusals' texts, the holder's form fields and
// body, the holder's detail rows, the investor's clock and acceptance form, and its words. The listing pages look it
// up (index.js).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { time, units } from '../../format.js';
import { auctionBody } from './auction.js';

export const dutch = Object.freeze({
  code: 'DUTCH',
  names: {
    en: { holder: 'Dutch auction', investor: 'Dutch auction', dataroom: 'Dutch auction' },
    'zh-CN': { holder: '降价拍卖（荷式拍卖）', investor: '降价拍卖（荷式拍卖）', dataroom: '降价拍卖' },
  },
  /** Its own refusals (DutchClock.Refusal), which the index registers as code.<n>. */
  codes: {
    en: {
      4030: 'The clock price is above the most you would pay.',
      4031: 'The auction has fewer units left.',
    },
    'zh-CN': {
      4030: '时钟价格高于您愿付的最高价格。',
      4031: '该拍卖剩余份额不足。',
    },
  },
  auction: true,
  /** The investor's page reads no bids: each acceptance trades at once. */
  readsBids: false,
  /** Each acceptance locks its share of the deposit, not the whole (BidDeposits.forTrade). */
  depositHint: 'investor.dutch.deposit',

  /** The holder's form: starting price, floor, decrement, step, window. */
  holderFields(f) {
    return html`
      ${f.field('listing-starting-price', 'listings.startingPrice', '', 'listings.hint.price')}
      ${f.field('listing-reserve-price', 'listings.floorPrice', '', 'listings.hint.price')}
      ${f.field('listing-min-increment', 'listings.decrement', '', 'listings.hint.price')}
      ${f.field('listing-step', 'listings.step', '', 'listings.hint.seconds')}
      ${f.times}`;
  },

  holderBody(body, input) {
    auctionBody(body, input, 'DUTCH', () => {
      body.reservePrice = input.amount('listing-reserve-price', input.PRICE_SCALE);
      body.minIncrement = input.amount('listing-min-increment', input.PRICE_SCALE);
      body.stepMs = input.seconds('listing-step');
      if (body.stepMs === undefined) input.problem('listing-step', 'holder.check.required');
    });
  },

  /** The holder's detail rows beyond the common auction terms: the step, the units left, the clock. */
  holderRows(l, { row, money }) {
    return html`${row('listings.step', String(l.stepMs / 1000), 'listing-step-value')}
      ${row('listings.unitsLeft', units(l.unitsLeft), 'listing-units-left')}
      ${l.clockPrice ? row('listings.clockPrice', money(l.clockPrice), 'listing-clock-price') : nothing}`;
  },

  /** The list shows the clock as read; the investor's page re-reads at the next step. */
  priceNow: l => l.clockPrice,
  changesAt: l => l.nextStepAt,

  /** The clock as the gateway read it (in the platform zone), and the acceptance form while it runs. */
  investorPanel(page, l, fund, { fundMoney }) {
    const zone = page.client.exchange.zone;
    return html`<div id="dutch-clock">
      ${l.clockPrice !== undefined ? html`
        <p><span>${t('investor.dutch.clock')}</span> <strong id="dutch-clock-price" data-clock=${l.clockPrice}>${fundMoney(l.clockPrice, fund)}</strong>
          <span id="dutch-clock-at" class="fx-muted" data-clock-at=${String(l.clockAt)}>${t('investor.dutch.indicative', { at: time(l.clockAt, zone) })}</span></p>
        <p id="dutch-next-step" data-next-step=${String(l.nextStepAt)}>${l.nextStepAt ? html`${t('investor.dutch.nextStep')}: ${time(l.nextStepAt, zone)}`
          : t('investor.dutch.atFloor')}</p>` : nothing}
      <p><span>${t('investor.dutch.left')}</span> <strong id="dutch-units-left">${units(l.unitsLeft)}</strong></p>
      ${l.clockPrice !== undefined && page.client.exchange.now() >= l.startsAt ? html`
        <form class="fx-form" id="dutch-accept-form" @submit=${e => accept(page, e, l)}>
          <p id="dutch-lot" data-lot=${fund?.minTransferUnits ?? ''}>${fund?.minTransferUnits && Number(fund.minTransferUnits) > 0
            ? t('investor.dutch.lot', { lot: units(fund.minTransferUnits) }) : t('investor.dutch.noLot')}</p>
          <label>${t('investor.dutch.units')}
            <input id="dutch-units" name="units" inputmode="decimal" required pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,2})?"></label>
          <label>${t('investor.dutch.maxPrice')}
            <input id="dutch-max-price" name="price" inputmode="decimal" required .value=${l.clockPrice}
              pattern="(0|[1-9][0-9]*)(\\.[0-9]{1,4})?"></label>
          <p class="fx-muted">${t('investor.dutch.explain')}</p>
          <button id="dutch-accept-submit" ?disabled=${page.busy}>${t('investor.dutch.submit')}</button>
        </form>` : nothing}
    </div>`;
  },
});

async function accept(page, event, l) {
  event.preventDefault();
  const body = { price: event.target.elements.price.value.trim(), units: event.target.elements.units.value.trim() };
  const answer = await page.write(`/listings/${l.listingId}/bids`, body, 'investor.dutch.accepted', { units: body.units });
  if (answer) event.target.reset();
}

addMessages({
  en: {
    'listings.floorPrice': 'Floor price per unit (your reserve)',
    'listings.decrement': 'Price decrement per step',
    'listings.step': 'Step length (seconds)',
    'listings.unitsLeft': 'Units left',
    'listings.clockPrice': 'Clock price now',
    'investor.dutch.clock': 'Clock price per unit now',
    'investor.dutch.nextStep': 'Next step down',
    'investor.dutch.indicative': 'indicative, as read at {at}; you pay the clock at the time the exchange receives your acceptance',
    'investor.dutch.lot': 'Lot: {lot} units; buy a multiple of it.',
    'investor.dutch.noLot': 'This fund has no lot: any number of units.',
    'investor.dutch.atFloor': 'The clock no longer falls.',
    'investor.dutch.left': 'Units left',
    'investor.dutch.units': 'Units to buy (a multiple of the lot)',
    'investor.dutch.maxPrice': 'The most you pay per unit',
    'investor.dutch.explain': 'You buy at once at the clock price when the exchange receives your acceptance; if the clock is then above your price, nothing is bought.',
    'investor.dutch.submit': 'Buy at the clock',
    'investor.dutch.accepted': 'You bought {units} units.',
    'investor.dutch.deposit': 'This auction asks a deposit of {amount} for the whole lot: each acceptance needs its share for the units it takes (rounded down to the fen, never more than the trade) available in your cash account, locked and held for that acceptance\'s trade at once, applied to the price when you pay.',
  },
  'zh-CN': {
    'listings.floorPrice': '每份底价（您的保留价）',
    'listings.decrement': '每步降价幅度',
    'listings.step': '每步时长（秒）',
    'listings.unitsLeft': '剩余份额',
    'listings.clockPrice': '当前时钟价格',
    'investor.dutch.clock': '当前每份时钟价格',
    'investor.dutch.nextStep': '下次降价时间',
    'investor.dutch.indicative': '参考价，读取于 {at}；成交按平台收到您应价时的时钟价格',
    'investor.dutch.lot': '最小转让单位：{lot} 份；请按其整数倍购买。',
    'investor.dutch.noLot': '该基金无最小转让单位：任意份额均可。',
    'investor.dutch.atFloor': '时钟价格不再下降。',
    'investor.dutch.left': '剩余份额',
    'investor.dutch.units': '购买份额（最小转让单位的整数倍）',
    'investor.dutch.maxPrice': '您愿付的最高每份价格',
    'investor.dutch.explain': '平台收到您的应价时按当时的时钟价格立即成交；若届时时钟价格高于您的价格，则不成交。',
    'investor.dutch.submit': '按时钟价格购买',
    'investor.dutch.accepted': '您已购买 {units} 份。',
    'investor.dutch.deposit': '本拍卖整批须缴纳保证金 {amount}：每次应价须在资金账户中有可用的、按所受让份额折算的保证金（按分向下取整，不超过成交金额），应价时即冻结并作为该笔成交的保证金，付款时抵作价款。',
  },
});
