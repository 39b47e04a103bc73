// "Transfer notices" (the HOLDER and INVESTOR roles, docs/rules.md "Consent and first refusal"): the notices naming the
// participant as a holder of the priority right (an investor that bought units is one) and, for the HOLDER role that
// sells, its own sales' notices, read-only; with the transferor, the named buyer, the
// terms and the deadline in the platform zone; the holder exercises (units at the listing's price, in the fund's lots)
// or waives. It sees its own answers and its own allotment only (CONTRACTS.md 12's exception). After an auction's close
// (rules version 6) the holder matches the clearing price or waives until the match deadline; it is never told the winner.
import { html, nothing } from 'lit';
import { t, addMessages, explainCode } from '../../i18n.js';
import { units, time } from '../../format.js';
import { fundMoney } from '../funds.js';
import { NoticePage, loadFunds, amountProblem, UNITS_SCALE, renderCheck } from './common.js';

class FxHolderNotices extends NoticePage {
  static properties = { ...NoticePage.properties, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
  }

  async load(minIndex) {
    await this.loadNotices(minIndex, loadFunds);
  }

  exercise(n) {
    const id = `holder-exercise-units-${n.listingId}`;
    const amount = (this.querySelector(`#${id}`)?.value ?? '').trim();
    const problem = amountProblem(amount, UNITS_SCALE);
    this.checks = problem ? { [id]: problem } : {};
    if (!problem) this.answer(n.listingId, 'EXERCISE', { units: amount });
  }

  render() {
    if (!this.notices) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const me = this.participant;
    const named = this.notices.filter(n => n.transferor !== me && n.manager !== me);
    const own = this.notices.filter(n => n.transferor === me);
    return html`<section class="fx-page fx-holder" id="holder-notices-page">
      <h1>${t('holderNotices.title')}</h1>
      <p class="fx-hint">${t('holderNotices.hint')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      ${named.length === 0 ? html`<p class="fx-empty" id="holder-notices-empty">${t('consent.none')}</p>`
        : named.map(n => html`<article class="fx-card" id=${`holder-notice-${n.listingId}`} data-status=${n.status}>
          ${this.renderTerms(n)}${this.renderMatch(n)}${this.renderAnswers(n)}
          ${n.status === 'OPEN' ? this.renderDecision(n) : n.match ? nothing : this.renderResolution(n)}
        </article>`)}
      ${this.sells || own.length > 0 ? html`<h2>${t('holderNotices.ownSales')}</h2>
      ${own.length === 0 ? html`<p class="fx-empty" id="holder-own-notices-empty">${t('consent.none')}</p>`
        : own.map(n => html`<article class="fx-card" id=${`holder-own-notice-${n.listingId}`} data-status=${n.status}>
          ${this.renderTerms(n)}${this.renderResolution(n)}</article>`)}` : nothing}
      ${this.renderPager('holder-notices')}
      <p class="fx-note">${t('consent.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  /** Whether the participant may list units (the HOLDER role): an investor only never has sales of its own. */
  get sells() {
    return this.context.session.roles.includes('HOLDER');
  }

  /** The clearing price of {@code n}'s auction in its fund's currency. */
  clearingPrice(n) {
    return fundMoney(n.match.clearingPrice, this.funds?.get(n.fundCode));
  }

  /**
   * An auction's match stage: the clearing price, the deadline and, once resolved, the match's result for the holder
   * (its own allotment, or why it was allotted nothing), in place of the consent stage's resolution.
   */
  renderMatch(n) {
    const m = n.match;
    if (!m) return nothing;
    const mine = m.resolution?.allocations?.find(a => a.holder === this.participant);
    return html`<p class="fx-note" id=${`holder-match-${n.listingId}`} data-status=${m.status}>
      ${t('holderNotices.match', { price: this.clearingPrice(n), units: units(m.units), by: time(m.matchBy, this.zone) })}</p>
      ${m.status === 'RESOLVED' ? html`<p id=${`holder-match-result-${n.listingId}`} data-allocated=${mine?.allocated ?? '0'}>
        ${t('holderNotices.matched', { units: units(mine?.allocated ?? '0') })}
        ${mine?.refusedCode ? t('holderNotices.matchRefused', { reason: explainCode(mine.refusedCode) }) : nothing}</p>`
        : nothing}`;
  }

  renderDecision(n) {
    const given = NoticePage.answersOf(n, this.participant);
    if (given.has('WAIVE') || given.has('EXERCISE')) {
      return html`<p class="fx-note" id=${`holder-answered-${n.listingId}`}>${t('holderNotices.answered')}</p>`;
    }
    const id = n.listingId;
    const lot = this.funds?.get(n.fundCode)?.minTransferUnits;
    return html`<form class="fx-form" id=${`holder-decision-${id}`} @submit=${e => { e.preventDefault(); this.exercise(n); }}>
      <p class="fx-hint">${n.match ? t('holderNotices.decideMatch', { units: units(n.units), price: this.clearingPrice(n) })
        : t('holderNotices.decide', { units: units(n.units) })}
        ${lot ? t('holderNotices.lot', { lot: units(lot) }) : nothing}</p>
      <label>${t('holderNotices.exerciseUnits')}<input id=${`holder-exercise-units-${id}`} inputmode="decimal" maxlength="24">
        ${renderCheck(this.checks[`holder-exercise-units-${id}`], `holder-exercise-units-${id}-problem`)}</label>
      <button type="submit" id=${`holder-exercise-${id}`} ?disabled=${this.busy}>${t('consent.answer.EXERCISE')}</button>
      <button type="button" class="fx-secondary" id=${`holder-waive-${id}`} ?disabled=${this.busy}
        @click=${() => this.answer(id, 'WAIVE')}>${t('holderNotices.waive')}</button>
    </form>`;
  }
}

addMessages({
  en: {
    'holderNotices.title': 'Transfer notices',
    'holderNotices.hint': 'Another holder of a fund you hold is selling: you hold a priority right to buy at the same price. Exercise it for some or all of the units, or waive it; silence at the deadline counts as a waiver. Several holders exercising share pro rata to their holdings, rounded to the fund’s lot.',
    'holderNotices.ownSales': 'Notices of your own sales',
    'holderNotices.answered': 'You have answered this notice.',
    'holderNotices.decide': 'Up to {units} units at the listing’s price.',
    'holderNotices.lot': 'In multiples of {lot} units (or the whole listing).',
    'holderNotices.exerciseUnits': 'Units to buy',
    'holderNotices.waive': 'Waive my priority right',
    'holderNotices.match': 'The auction closed at {price} for {units} units: you may match that price until {by}.',
    'holderNotices.matched': 'You were allotted {units} units.',
    'holderNotices.decideMatch': 'Match the clearing price {price} for up to {units} units; the winner buys what is left.',
    'holderNotices.matchRefused': 'Your match was refused: {reason}',
  },
  'zh-CN': {
    'holderNotices.title': '转让通知',
    'holderNotices.hint': '您所持基金的其他持有人正在转让：您享有以同等价格优先购买的权利。可就部分或全部份额行使，或放弃；截止时未答复视为放弃。多人行使的，按持有比例分配，并按基金的最小转让单位取整。',
    'holderNotices.ownSales': '您自己转让的通知',
    'holderNotices.answered': '您已答复此通知。',
    'holderNotices.decide': '最多 {units} 份额，按挂牌价格。',
    'holderNotices.lot': '须为 {lot} 份额的整数倍（或全部挂牌份额）。',
    'holderNotices.exerciseUnits': '购买份额',
    'holderNotices.waive': '放弃优先购买权',
    'holderNotices.match': '竞价已以 {price} 成交 {units} 份额：您可在 {by} 前按该价格行使优先购买权。',
    'holderNotices.matched': '您获分配 {units} 份额。',
    'holderNotices.decideMatch': '按成交价 {price} 行使，最多 {units} 份额；余下份额归竞得人。',
    'holderNotices.matchRefused': '您的行使未获受理：{reason}',
  },
});

customElements.define('fx-holder-notices', FxHolderNotices);
