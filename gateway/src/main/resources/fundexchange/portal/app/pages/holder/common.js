// What the holder pages share: the base element (light DOM, language, live refresh, the write-then-re-read cycle),
// input checks in the API's grammar (amounts as strings, never through a float), times typed in the platform zone,
// fund names, and the outcome of a write shown in the user's language.
import { LitElement, html, nothing } from 'lit';
import { t, explainCode, onLocaleChange, addMessages } from '../../i18n.js';
import { ApiProblem } from '../../api.js';
import { onFeed, streaming } from '../../live.js';

const LONG_MAX = 9223372036854775807n;
export const UNITS_SCALE = 2;
export const PRICE_SCALE = 4;

/**
 * Why {@code text} is no amount the API takes at {@code scale} (docs/api.md, Input rules), as {key, params}; null when
 * it is one. Positive amounts only: every amount a holder enters must be above zero.
 */
export function amountProblem(text, scale) {
  const value = String(text ?? '');
  const match = new RegExp(`^(0|[1-9][0-9]*)(?:\\.([0-9]{1,${scale}}))?$`).exec(value);
  if (!match) return { key: 'holder.check.amount', params: { scale } };
  const scaled = BigInt(match[1] + (match[2] ?? '').padEnd(scale, '0'));
  if (scaled > LONG_MAX) return { key: 'holder.check.tooLarge', params: {} };
  if (scaled === 0n) return { key: 'holder.check.positive', params: {} };
  return null;
}

/** Why {@code text} is no whole number from 0 to {@code max} (milliseconds, counts), or null. */
export function wholeProblem(text, max) {
  const value = String(text ?? '');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(value) || BigInt(value) > BigInt(max)) {
    return { key: 'holder.check.whole', params: { max } };
  }
  return null;
}

export { zonedToEpoch, epochToZoned } from '../../zoned.js';

/** Every fund by code (GET /funds), read at {@code minIndex}. */
export async function loadFunds(client, minIndex) {
  const answer = await client.read('/funds', { minIndex });
  return new Map((answer.funds ?? []).map(fund => [fund.code, fund]));
}

/** "CODE · short name" for a fund code (the code alone when the fund is unknown). */
export function fundLabel(funds, code) {
  const fund = funds?.get(code);
  return fund ? `${code} · ${fund.shortName}` : code;
}

/** The ids a write's event document names first (listingId, orderId, tradeId …), for the outcome line. */
function subject(document) {
  for (const event of document?.events ?? []) {
    for (const field of ['listingId', 'orderId', 'custodyId']) {
      if (event[field] !== undefined) return t(`holder.outcome.${field}`, { id: event[field] });
    }
  }
  return '';
}

/**
 * A holder page: rendered into the light DOM (portal.css), redrawn on a language change, refreshed when the live
 * stream brings one of the participant's feed entries ({@link #relevant}), and after each own write.
 * Subclasses implement {@code load(minIndex)} and {@code render()}.
 */
export class HolderPage extends LitElement {
  static properties = { outcome: { state: true }, loading: { state: true } };

  constructor() {
    super();
    this.outcome = null;
    this.loading = false;
    this.pending = null;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [
      onLocaleChange(() => this.requestUpdate()),
      onFeed(entries => {
        if (entries.some(entry => this.relevant(entry))) this.refresh(BigInt(entries.at(-1).sourceIndex));
      }),
    ];
    this.refresh(0n);
  }

  disconnectedCallback() {
    this.stops.forEach(stop => stop());
    super.disconnectedCallback();
  }

  get client() {
    return this.context.client;
  }

  get participant() {
    return this.context.session.participant;
  }

  get zone() {
    return this.client.exchange.zone;
  }

  /** Whether a feed entry from the live stream changes what this page shows (default: any event). */
  relevant(entry) {
    return entry.kind !== 'outcome';
  }

  /** Loads the page at {@code minIndex} (0n: at once); overlapping refreshes collapse into one more load. */
  async refresh(minIndex) {
    if (this.loading) {
      this.pending = this.pending === null || minIndex > this.pending ? minIndex : this.pending;
      return;
    }
    this.loading = true;
    try {
      await this.load(minIndex > 0n ? minIndex : undefined);
    } catch (error) {
      this.context.report(error);
    } finally {
      this.loading = false;
    }
    if (this.pending !== null) {
      const next = this.pending;
      this.pending = null;
      await this.refresh(next);
    }
  }

  /**
   * Sends a signed write, shows its outcome (accepted with its journal index, pending, or the refusal's code explained
   * in the user's language), then re-reads the page with minIndex = the write's X-Journal-Index.
   */
  async write(path, body) {
    this.outcome = { state: 'busy' };
    let index = 0n;
    try {
      const answer = await this.client.write(path, body);
      index = answer.journalIndex;
      this.outcome = answer.status === 202
        ? { state: 'pending', index }
        : { state: 'accepted', index, subject: subject(answer.body) };
    } catch (error) {
      index = this.client.lastIndex;
      this.outcome = error instanceof ApiProblem
        ? { state: 'refused', code: error.code, message: error.message, requestId: error.requestId }
        : { state: 'failed', message: String(error?.message ?? error) };
    }
    await this.refresh(index);
    return this.outcome.state === 'accepted' || this.outcome.state === 'pending';
  }

  /** The last write's outcome, for the page to place above its lists. */
  renderOutcome() {
    const o = this.outcome;
    if (!o) return nothing;
    if (o.state === 'busy') return html`<p id="holder-outcome" class="fx-outcome" data-state="busy">${t('holder.outcome.busy')}</p>`;
    if (o.state === 'accepted' || o.state === 'pending') {
      return html`<p id="holder-outcome" class="fx-outcome fx-outcome-ok" role="status" data-state=${o.state}
        data-index=${String(o.index)}>${t(`holder.outcome.${o.state}`, { index: String(o.index) })}
        ${o.subject ? html` · <span>${o.subject}</span>` : nothing}</p>`;
    }
    if (o.state === 'refused') {
      return html`<div id="holder-outcome" class="fx-outcome fx-outcome-bad" role="alert" data-state="refused"
        data-code=${String(o.code)}><p>${explainCode(o.code)}</p>
        <p class="fx-outcome-detail">${t('toast.code', { code: o.code, requestId: o.requestId ?? '' })}</p>
        <p class="fx-outcome-detail">${t('toast.server', { message: o.message ?? '' })}</p></div>`;
    }
    return html`<p id="holder-outcome" class="fx-outcome fx-outcome-bad" role="alert" data-state="failed">${o.message}</p>`;
  }

  /** A line saying how the page stays current: the live stream, or re-reads after own writes only. */
  renderFreshness() {
    return html`<p class="fx-freshness" id="holder-freshness">${t(streaming() ? 'holder.live.on' : 'holder.live.off')}</p>`;
  }

  /** A form field's check message, or nothing. */
  static renderCheck(problem, id) {
    return problem ? html`<span class="fx-check-problem" id=${id}>${t(problem.key, problem.params)}</span>` : nothing;
  }
}

addMessages({
  en: {
    'holder.check.amount': 'Enter a number with at most {scale} decimals, digits only (e.g. 1000.50).',
    'holder.check.tooLarge': 'This amount is too large.',
    'holder.check.positive': 'Enter an amount above zero.',
    'holder.check.whole': 'Enter a whole number from 0 to {max}.',
    'holder.check.time': 'Enter a time as yyyy-mm-dd hh:mm.',
    'holder.check.required': 'Required.',
    'holder.check.id': 'Letters, digits, ".", "_" and "-" (at most 64).',
    'holder.outcome.busy': 'Sending your signed request…',
    'holder.outcome.accepted': 'Accepted by the exchange (journal index {index}).',
    'holder.outcome.pending': 'Journaled at index {index}; the decision is not in yet. This page re-reads when it is.',
    'holder.outcome.listingId': 'listing {id}',
    'holder.outcome.orderId': 'order {id}',
    'holder.outcome.custodyId': 'custody registration {id}',
    'holder.live.on': 'Live: this page refreshes when the exchange reports an event of yours.',
    'holder.live.off': 'Not live: this page refreshes after your own actions; reload it to see others’.',
    'holder.refresh': 'Refresh',
    'holder.fund': 'Fund',
    'holder.none': 'Nothing to show.',
    'holder.timesIn': 'Times in {zone}',
    'listingStatus.PENDING_APPROVAL': 'Awaiting approval',
    'listingStatus.OPEN': 'Open',
    'listingStatus.EXECUTED': 'Executed',
    'listingStatus.CANCELLED': 'Cancelled',
    'listingStatus.EXPIRED': 'Expired',
    'mechanism.NEGOTIATED': 'Negotiated',
    'mechanism.ENGLISH': 'English auction',
    'mechanism.SEALED': 'Sealed-bid auction',
    'mechanism.DUTCH': 'Dutch auction',
    'orderStatus.OPEN': 'Open',
    'orderStatus.FILLED': 'Filled',
    'orderStatus.CANCELLED': 'Cancelled',
    'side.BUY': 'Buy',
    'side.SELL': 'Sell',
    'transferStatus.PENDING_SETTLEMENT': 'Awaiting settlement',
    'transferStatus.SETTLED': 'Settled',
    'transferStatus.FAILED': 'Failed',
    'bidStatus.ACTIVE': 'Active',
    'bidStatus.CANCELLED': 'Cancelled',
    'bidStatus.WON': 'Won',
    'bidStatus.LOST': 'Lost',
    'bidStatus.PASSED_OVER': 'Passed over',
  },
  'zh-CN': {
    'holder.check.amount': '请输入数字，最多 {scale} 位小数，只含数字（例如 1000.50）。',
    'holder.check.tooLarge': '金额过大。',
    'holder.check.positive': '请输入大于零的数额。',
    'holder.check.whole': '请输入 0 至 {max} 之间的整数。',
    'holder.check.time': '请按 yyyy-mm-dd hh:mm 输入时间。',
    'holder.check.required': '必填。',
    'holder.check.id': '由字母、数字、“.”、“_”和“-”组成（最多 64 个字符）。',
    'holder.outcome.busy': '正在发送已签名的请求…',
    'holder.outcome.accepted': '平台已受理（日志序号 {index}）。',
    'holder.outcome.pending': '已记入日志（序号 {index}），处理结果尚未产生；产生后本页将重新读取。',
    'holder.outcome.listingId': '挂牌 {id}',
    'holder.outcome.orderId': '委托 {id}',
    'holder.outcome.custodyId': '托管登记 {id}',
    'holder.live.on': '实时：平台报告与您相关的事件时，本页自动刷新。',
    'holder.live.off': '非实时：本页在您自己的操作后刷新；如需查看他人操作，请重新加载。',
    'holder.refresh': '刷新',
    'holder.fund': '基金',
    'holder.none': '暂无内容。',
    'holder.timesIn': '时间均为 {zone} 时间',
    'listingStatus.PENDING_APPROVAL': '待审核',
    'listingStatus.OPEN': '挂牌中',
    'listingStatus.EXECUTED': '已成交',
    'listingStatus.CANCELLED': '已撤销',
    'listingStatus.EXPIRED': '已过期',
    'mechanism.NEGOTIATED': '协议转让',
    'mechanism.ENGLISH': '英式拍卖',
    'mechanism.SEALED': '密封竞价',
    'mechanism.DUTCH': '降价拍卖（荷式拍卖）',
    'orderStatus.OPEN': '未成交',
    'orderStatus.FILLED': '已成交',
    'orderStatus.CANCELLED': '已撤单',
    'side.BUY': '买入',
    'side.SELL': '卖出',
    'transferStatus.PENDING_SETTLEMENT': '待交收',
    'transferStatus.SETTLED': '已交收',
    'transferStatus.FAILED': '交收失败',
    'bidStatus.ACTIVE': '有效',
    'bidStatus.CANCELLED': '已撤销',
    'bidStatus.WON': '中标',
    'bidStatus.LOST': '未中标',
    'bidStatus.PASSED_OVER': '未获采纳',
  },
});
