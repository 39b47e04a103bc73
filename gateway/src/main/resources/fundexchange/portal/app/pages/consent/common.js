// What the consent pages share (issue 20, docs/rules.md "Consent and first refusal"): the notices a participant may
// read (GET /notices, paged; shaped by the exchange as the participant's feed shows them), a notice's terms and
// deadline in the platform zone, its answers with their journal times, its resolution, and the signed answer
// (POST /listings/{id}/notice/answers, AnswerTransferNotice).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, time } from '../../format.js';
import { PortalPage } from '../portal-page.js';
import { fundLabel, fundMoney } from '../funds.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import './words.js';

export { loadFunds, fundLabel } from '../funds.js';
export { amountProblem, UNITS_SCALE, renderCheck } from '../input.js';

/** The feed events that change a notice page. */
const NOTICE_EVENTS = new Set(['TransferNoticeIssued', 'TransferNoticeAnswered', 'TransferNoticeResolved', 'ListingCancelled',
  'ListingOpened', 'TradeExecuted', 'AuctionAwardedConditionally', 'AuctionMatchResolved']);

/** A page of notices: a paged window of GET /notices (status OPEN, RESOLVED or both), re-read when a notice changes. */
export class NoticePage extends PortalPage {
  static outcomeId = 'notice-outcome';
  static properties = { ...PortalPage.properties, notices: { state: true }, funds: { state: true },
    nextAfter: { state: true } };

  constructor() {
    super();
    this.pager = new Pager();
  }

  relevant(entry) {
    return entry.kind === 'document' || NOTICE_EVENTS.has(entry.data?.type);
  }

  /** The query of the notices this page lists (besides after and limit). */
  get noticeQuery() {
    return '';
  }

  async loadNotices(minIndex, loadFunds) {
    const [funds, window] = await Promise.all([loadFunds(this.client, minIndex),
      readWindow(this.client, `/notices${this.noticeQuery}`, 'notices', minIndex, { start: this.pager.start })]);
    this.funds = funds;
    this.notices = window.items;
    this.nextAfter = window.nextAfter;
  }

  renderPager(id) {
    return renderPager(id, this.pager, this.nextAfter, () => this.refresh(), this.notices?.length);
  }

  /** Sends an answer to the notice of {@code listingId}. */
  answer(listingId, answer, extra = {}) {
    return this.write(`/listings/${listingId}/notice/answers`, { answer, ...extra }, 'consent.outcome.answered',
      { listing: listingId, answer: t(`consent.answer.${answer}`) });
  }

  /** The notice's terms: fund, transferor, named buyer, units, price, deadline (platform zone), consent and priority. */
  renderTerms(n) {
    const fund = this.funds?.get(n.fundCode);
    return html`<dl class="fx-facts" id=${`notice-terms-${n.listingId}`}>
      <dt>${t('consent.listing')}</dt><dd>${n.listingId}</dd>
      <dt>${t('consent.fund')}</dt><dd class="fx-text">${fundLabel(this.funds, n.fundCode)}</dd>
      <dt>${t('consent.transferor')}</dt><dd class="fx-text" data-field="transferor">${n.transferor}</dd>
      <dt>${t('consent.buyer')}</dt><dd class="fx-text" data-field="buyer">${n.buyer ?? t(n.matchAfterClose ? 'consent.noBuyer' : 'consent.buyerWithheld')}</dd>
      <dt>${t('consent.units')}</dt><dd data-field="units">${units(n.units)}</dd>
      <dt>${t('consent.price')}</dt><dd data-field="price">${fundMoney(n.price, fund)}</dd>
      <dt>${t('consent.manager')}</dt><dd class="fx-text">${n.manager ?? '—'}</dd>
      <dt>${t('consent.consent')}</dt><dd>${t(n.consentRequired ? 'consent.consentRequired' : 'consent.consentNotRequired')}</dd>
      <dt>${t('consent.priority')}</dt><dd>${t(`consent.priority.${n.priority}`)}</dd>
      ${n.attestationRequired ? html`<dt>${t('consent.attestation')}</dt><dd>${t('consent.attestationRequired')}</dd>` : nothing}
      <dt>${t('consent.issuedAt')}</dt><dd>${n.issuedAt == null ? '—' : time(n.issuedAt, this.zone)}</dd>
      <dt>${t('consent.answerBy')}</dt><dd data-field="answer-by">${time(n.answerBy, this.zone)}</dd>
      <dt>${t('consent.status')}</dt><dd data-field="status">${t(`consent.status.${n.status}`)}
        ${n.listingStatus ? html` · <span data-field="listing-status">${t(`listingStatus.${n.listingStatus}`)}</span>` : nothing}</dd>
    </dl>`;
  }

  /** The answers shown (one's own; oversight every one), with their journal index and time. */
  renderAnswers(n) {
    if (n.answers.length === 0) return html`<p class="fx-empty" id=${`notice-answers-${n.listingId}-empty`}>${t('consent.noAnswers')}</p>`;
    return html`<table class="fx-table" id=${`notice-answers-${n.listingId}`}>
      <thead><tr><th>${t('consent.who')}</th><th>${t('consent.answer')}</th><th>${t('consent.units')}</th>
        <th>${t('consent.answeredAt')}</th><th>${t('consent.index')}</th></tr></thead>
      <tbody>${n.answers.map(a => html`<tr data-participant=${a.participant} data-answer=${a.answer}>
        <td class="fx-text">${a.participant}</td><td>${t(`consent.answer.${a.answer}`)}</td>
        <td>${a.units ? units(a.units) : '—'}</td>
        <td>${a.answeredAt == null ? '—' : time(a.answeredAt, this.zone)}</td><td>${a.index}</td></tr>`)}</tbody></table>`;
  }

  /** The resolution: consent outcome, allotments shown, units left for the named buyer. */
  renderResolution(n) {
    const r = n.resolution;
    if (!r) return nothing;
    return html`<div class="fx-resolution" id=${`notice-resolution-${n.listingId}`} data-consent=${r.consent}>
      <p>${t('consent.resolved', { outcome: t(`consent.outcome.${r.consent}`), left: units(r.unitsLeft),
        at: r.resolvedAt == null ? '—' : time(r.resolvedAt, this.zone), index: r.index })}</p>
      ${(r.allocations ?? []).length === 0 ? nothing : html`<ul>${r.allocations.map(a => html`<li data-holder=${a.holder}
        data-allocated=${a.allocated}>${t('consent.allotment', { holder: a.holder, requested: units(a.requested),
          allocated: units(a.allocated) })}${a.refusedCode ? ` (${a.refusedCode})` : ''}</li>`)}</ul>`}
      ${r.silent?.length ? html`<p>${t('consent.silent', { who: r.silent.join(', ') })}</p>` : nothing}
    </div>`;
  }

  /** The answers {@code me} gave to {@code n}. */
  static answersOf(n, me) {
    return new Set(n.answers.filter(a => a.participant === me).map(a => a.answer));
  }
}

addMessages({
  en: {
    'consent.fund': 'Fund',
    'consent.transferor': 'Transferor (seller)',
    'consent.buyer': 'Named buyer',
    'consent.noBuyer': 'none named',
    'consent.buyerWithheld': 'not shown to holders of the right',
    'consent.units': 'Units',
    'consent.price': 'Price per unit',
    'consent.attestation': 'Attestation',
    'consent.attestationRequired': 'the manager attests the other partners’ notice and waivers',
    'consent.issuedAt': 'Notified',
    'consent.answerBy': 'Answer by',
    'consent.status': 'Status',
    'consent.status.OPEN': 'open',
    'consent.status.RESOLVED': 'resolved',
    'consent.noAnswers': 'No answer shown.',
    'consent.who': 'Who',
    'consent.answer': 'Answer',
    'consent.answeredAt': 'Answered',
    'consent.index': 'Journal index',
    'consent.answer.CONSENT': 'Consent',
    'consent.answer.REFUSE': 'Refuse',
    'consent.answer.WAIVE': 'Waive',
    'consent.answer.EXERCISE': 'Exercise',
    'consent.answer.ATTEST_WAIVERS': 'Attest the waivers',
    'consent.outcome.answered': 'Your answer to listing {listing} ({answer}) is journaled at index {index}.',
    'consent.outcome.NOT_REQUIRED': 'no consent needed',
    'consent.outcome.GIVEN': 'consent given',
    'consent.outcome.GIVEN_BY_SILENCE': 'consent given by silence',
    'consent.outcome.OVERRIDDEN': 'overridden by staff',
    'consent.outcome.REFUSED': 'consent refused',
    'consent.outcome.REFUSED_BY_SILENCE': 'consent refused by silence',
    'consent.outcome.NOT_ATTESTED': 'not attested',
    'consent.resolved': 'Resolved {at} (index {index}): {outcome}; {left} units left for the named buyer.',
    'consent.allotment': '{holder}: asked {requested}, allotted {allocated}',
    'consent.silent': 'Silent (counted as the terms say): {who}',
    'consent.timesIn': 'Times in {zone}; a notice’s period counts calendar days of journal time.',
    // what became of the listing (the seller and oversight are told): holder/common.js's words, which oversight lacks
    'listingStatus.PENDING_APPROVAL': 'Awaiting approval',
    'listingStatus.OPEN': 'Open',
    'listingStatus.EXECUTED': 'Executed',
    'listingStatus.CANCELLED': 'Cancelled',
    'listingStatus.EXPIRED': 'Expired',
  },
  'zh-CN': {
    'consent.fund': '基金',
    'consent.transferor': '转让方（卖方）',
    'consent.buyer': '指定受让方',
    'consent.noBuyer': '未指定',
    'consent.buyerWithheld': '不向优先购买权人披露',
    'consent.units': '份额',
    'consent.price': '每份额价格',
    'consent.attestation': '见证',
    'consent.attestationRequired': '由管理人见证其他合伙人的通知与放弃',
    'consent.issuedAt': '通知时间',
    'consent.answerBy': '答复截止',
    'consent.status': '状态',
    'consent.status.OPEN': '进行中',
    'consent.status.RESOLVED': '已结束',
    'consent.noAnswers': '暂无可显示的答复。',
    'consent.who': '答复人',
    'consent.answer': '答复',
    'consent.answeredAt': '答复时间',
    'consent.index': '日志序号',
    'consent.answer.CONSENT': '同意',
    'consent.answer.REFUSE': '不同意',
    'consent.answer.WAIVE': '放弃',
    'consent.answer.EXERCISE': '行使',
    'consent.answer.ATTEST_WAIVERS': '见证放弃',
    'consent.outcome.answered': '您对挂牌 {listing} 的答复（{answer}）已记入日志，序号 {index}。',
    'consent.outcome.NOT_REQUIRED': '无需同意',
    'consent.outcome.GIVEN': '已同意',
    'consent.outcome.GIVEN_BY_SILENCE': '逾期未答复视为同意',
    'consent.outcome.OVERRIDDEN': '工作人员已覆盖',
    'consent.outcome.REFUSED': '不同意',
    'consent.outcome.REFUSED_BY_SILENCE': '逾期未答复视为不同意',
    'consent.outcome.NOT_ATTESTED': '未见证',
    'consent.resolved': '已于 {at} 结束（序号 {index}）：{outcome}；余 {left} 份额留给指定受让方。',
    'consent.allotment': '{holder}：申请 {requested}，分配 {allocated}',
    'consent.silent': '未答复（按条款处理）：{who}',
    'consent.timesIn': '时间均为 {zone} 时间；通知期限按日志时间的自然日计算。',
    'listingStatus.PENDING_APPROVAL': '待审核',
    'listingStatus.OPEN': '挂牌中',
    'listingStatus.EXECUTED': '已成交',
    'listingStatus.CANCELLED': '已撤销',
    'listingStatus.EXPIRED': '已过期',
  },
});
