// "Consent queue" (the MANAGER role, docs/rules.md "Consent and first refusal"): the open transfer notices of the
// manager's funds, each with its terms and deadline, and the answers the manager may give: consent or refuse (when
// consent is required), attest the other partners' notice and waivers with the evidence's SHA-256 (PARTIAL custody),
// and exercise or waive its own priority right (the manager first, after its consent answer). A sale to which the
// manager is a party, as seller or named buyer, shows no decision at all and says why (CONTRACTS.md 18; the engine
// refuses with 6002). Resolved notices follow, read-only. In an auction's match stage (rules version 6) the consent
// stage is over, however it ended (an answer, silence, staff's override): the page shows the clearing price and the
// match deadline and offers only the manager's first priority, at the clearing price.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { sha256Hex } from '../../signing.js';
import { units, time } from '../../format.js';
import { fundMoney } from '../funds.js';
import { NoticePage, loadFunds, amountProblem, UNITS_SCALE, renderCheck } from './common.js';

const DIGEST = /^[0-9a-f]{64}$/;

class FxManagerNotices extends NoticePage {
  static properties = { ...NoticePage.properties, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
  }

  async load(minIndex) {
    await this.loadNotices(minIndex, loadFunds);
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  exercise(n) {
    const id = `manager-exercise-units-${n.listingId}`;
    const amount = this.value(id);
    const problem = amountProblem(amount, UNITS_SCALE);
    this.checks = problem ? { [id]: problem } : {};
    if (!problem) this.answer(n.listingId, 'EXERCISE', { units: amount });
  }

  async attest(n) {
    const id = `manager-attest-digest-${n.listingId}`;
    const file = this.querySelector(`#manager-attest-file-${n.listingId}`)?.files?.[0];
    const digest = file ? await sha256Hex(new Uint8Array(await file.arrayBuffer())) : this.value(id).toLowerCase();
    this.checks = DIGEST.test(digest) ? {} : { [id]: { key: 'manager.check.digest', params: {} } };
    if (DIGEST.test(digest)) this.answer(n.listingId, 'ATTEST_WAIVERS', { evidenceDigest: digest });
  }

  render() {
    if (!this.notices) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const mine = this.notices.filter(n => n.manager === this.participant);
    const open = mine.filter(n => n.status === 'OPEN');
    const resolved = mine.filter(n => n.status !== 'OPEN');
    return html`<section class="fx-page fx-manager" id="manager-notices-page">
      <h1>${t('manager.title')}</h1>
      <p class="fx-hint">${t('manager.hint')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <h2>${t('manager.open')}</h2>
      ${open.length === 0 ? html`<p class="fx-empty" id="manager-open-empty">${t('consent.none')}</p>`
        : open.map(n => this.renderNotice(n))}
      <h2>${t('manager.resolved')}</h2>
      ${resolved.length === 0 ? html`<p class="fx-empty" id="manager-resolved-empty">${t('consent.none')}</p>`
        : resolved.map(n => html`<article class="fx-card" id=${`manager-notice-${n.listingId}`} data-status=${n.status}>
          ${this.renderTerms(n)}${this.renderAnswers(n)}${this.renderResolution(n)}</article>`)}
      ${this.renderPager('manager-notices')}
      <p class="fx-note">${t('consent.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  renderNotice(n) {
    return html`<article class="fx-card" id=${`manager-notice-${n.listingId}`} data-status=${n.status}>
      ${this.renderTerms(n)}${this.renderMatch(n)}${this.renderAnswers(n)}${this.renderDecisions(n)}</article>`;
  }

  /** An auction's match stage: the clearing price (in the fund's currency), the units and the match deadline. */
  renderMatch(n) {
    const m = n.match;
    if (!m) return nothing;
    return html`<p class="fx-note" id=${`manager-match-${n.listingId}`} data-status=${m.status}>${t('manager.match', {
      price: fundMoney(m.clearingPrice, this.funds?.get(n.fundCode)), units: units(m.units),
      by: time(m.matchBy, this.zone) })}</p>`;
  }

  /** What the manager may still answer; a party to the sale gets none, with the reason. */
  renderDecisions(n) {
    const me = this.participant;
    if (n.transferor === me || n.buyer === me) {
      return html`<p class="fx-muted" id=${`manager-party-${n.listingId}`} data-bar="party">${t(n.transferor === me
        ? 'manager.bar.seller' : 'manager.bar.buyer')}</p>`;
    }
    const given = NoticePage.answersOf(n, me);
    // In the match stage the consent stage has resolved, whoever answered it (or silence, or staff's override).
    const consentDue = !n.match && n.consentRequired && !given.has('CONSENT') && !given.has('REFUSE');
    const attestDue = !n.match && n.attestationRequired && !given.has('ATTEST_WAIVERS');
    // An auction's first priority is exercised only by matching after its close (rules version 6).
    const priorityDue = n.priority === 'MANAGER_FIRST_THEN_PRO_RATA' && !(n.matchAfterClose && !n.match)
      && !given.has('WAIVE') && !given.has('EXERCISE');
    if (!consentDue && !attestDue && !priorityDue) {
      return html`<p class="fx-note" id=${`manager-done-${n.listingId}`}>${t('manager.done')}</p>`;
    }
    const busy = this.busy;
    const id = n.listingId;
    return html`<div class="fx-actions" id=${`manager-actions-${id}`}>
      ${consentDue ? html`<div class="fx-row"><button type="button" id=${`manager-consent-${id}`} ?disabled=${busy}
          @click=${() => this.answer(id, 'CONSENT')}>${t('manager.consent')}</button>
        <button type="button" class="fx-danger" id=${`manager-refuse-${id}`} ?disabled=${busy}
          @click=${() => this.answer(id, 'REFUSE')}>${t('manager.refuse')}</button></div>` : nothing}
      ${attestDue ? html`<form class="fx-form" id=${`manager-attest-${id}`} @submit=${e => { e.preventDefault(); this.attest(n); }}>
        <p class="fx-hint">${t('manager.attestHint')}</p>
        <label>${t('manager.evidenceFile')}<input type="file" id=${`manager-attest-file-${id}`}></label>
        <label>${t('manager.evidenceDigest')}<input id=${`manager-attest-digest-${id}`} maxlength="64">
          ${renderCheck(this.checks[`manager-attest-digest-${id}`], `manager-attest-digest-${id}-problem`)}</label>
        <button type="submit" id=${`manager-attest-submit-${id}`} ?disabled=${busy}>${t('consent.answer.ATTEST_WAIVERS')}</button>
      </form>` : nothing}
      ${priorityDue ? html`<form class="fx-form" id=${`manager-priority-${id}`} @submit=${e => { e.preventDefault(); this.exercise(n); }}>
        <p class="fx-hint">${t(n.match ? 'manager.priorityMatch'
          : consentDue ? 'manager.priorityAfterConsent' : 'manager.priorityHint')}</p>
        <label>${t('manager.exerciseUnits')}<input id=${`manager-exercise-units-${id}`} inputmode="decimal" maxlength="24">
          ${renderCheck(this.checks[`manager-exercise-units-${id}`], `manager-exercise-units-${id}-problem`)}</label>
        <button type="submit" id=${`manager-exercise-${id}`} ?disabled=${busy || consentDue}>${t('consent.answer.EXERCISE')}</button>
        <button type="button" class="fx-secondary" id=${`manager-waive-${id}`} ?disabled=${busy || consentDue}
          @click=${() => this.answer(id, 'WAIVE')}>${t('manager.waive')}</button>
      </form>` : nothing}
    </div>`;
  }
}

addMessages({
  en: {
    'manager.title': 'Consent queue',
    'manager.hint': 'Transfer notices of your funds: consent or refuse a sale, attest the other partners’ notice and waivers where the fund is in partial custody, and exercise or waive your own priority right. Each answer is signed and final; silence at the deadline counts as the fund’s terms say.',
    'manager.open': 'Open notices',
    'manager.resolved': 'Resolved notices',
    'manager.bar.seller': 'You are the seller in this sale: you may not decide on it. Consent comes from the deadline or a staff override.',
    'manager.bar.buyer': 'You are the named buyer in this sale: you may not decide on it. Consent comes from the deadline or a staff override.',
    'manager.done': 'You have given every answer due from you.',
    'manager.consent': 'Consent to the transfer',
    'manager.refuse': 'Refuse consent',
    'manager.attestHint': 'The fund is in partial custody: attest that the other partners were notified and waived, with the evidence document (only its SHA-256 is journaled).',
    'manager.evidenceFile': 'Evidence document',
    'manager.evidenceDigest': 'or its SHA-256',
    'manager.check.digest': 'Choose the file or enter its SHA-256 (64 hex digits).',
    'manager.priorityHint': 'Your priority right (the manager first): exercise units at the listing’s price, or waive.',
    'manager.priorityAfterConsent': 'Your priority right: give your consent answer first (you would become a buyer).',
    'manager.exerciseUnits': 'Units to buy',
    'manager.waive': 'Waive the priority right',
    'manager.match': 'The auction closed at {price} for {units} units: your first priority may match it, at the clearing price, until {by}.',
    'manager.priorityMatch': 'Your priority right (the manager first): exercise units at the clearing price, or waive.',
  },
  'zh-CN': {
    'manager.title': '同意事项队列',
    'manager.hint': '您所管理基金的转让通知：同意或不同意转让；基金为部分托管时，见证其他合伙人已获通知并放弃；行使或放弃您自己的优先购买权。每项答复均经签名且不可更改；截止时未答复的，按基金条款处理。',
    'manager.open': '进行中的通知',
    'manager.resolved': '已结束的通知',
    'manager.bar.seller': '您是本次转让的卖方，不得对其作出决定；同意将按截止期限或工作人员覆盖确定。',
    'manager.bar.buyer': '您是本次转让的指定受让方，不得对其作出决定；同意将按截止期限或工作人员覆盖确定。',
    'manager.done': '您应作出的答复均已完成。',
    'manager.consent': '同意转让',
    'manager.refuse': '不同意',
    'manager.attestHint': '该基金为部分托管：请见证其他合伙人已获通知并放弃，附证明文件（日志仅记录其 SHA-256）。',
    'manager.evidenceFile': '证明文件',
    'manager.evidenceDigest': '或其 SHA-256',
    'manager.check.digest': '请选择文件或输入其 SHA-256（64 位十六进制）。',
    'manager.priorityHint': '您的优先购买权（管理人优先）：以挂牌价格行使部分份额，或放弃。',
    'manager.priorityAfterConsent': '您的优先购买权：请先作出同意答复（行使将使您成为买方）。',
    'manager.exerciseUnits': '购买份额',
    'manager.waive': '放弃优先购买权',
    'manager.match': '竞价已以 {price} 成交 {units} 份额：您可在 {by} 前按竞价成交价优先行使购买权。',
    'manager.priorityMatch': '您的优先购买权（管理人优先）：按竞价成交价行使部分份额，或放弃。',
  },
});

customElements.define('fx-manager-notices', FxManagerNotices);
