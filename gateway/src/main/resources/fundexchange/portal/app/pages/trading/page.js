// The base of every non-listed trading page (holder, investor and staff): light DOM, redrawn on a language change, read
// again on each page of the participant's live feed, and one write helper that signs and sends, shows the outcome
// (accepted, journaled and pending, or the refusal's code explained in the user's language) and then reads the page
// again with minIndex = the write's X-Journal-Index. Kept small: a page's script stays within the per-page budget.
import { LitElement, html, nothing } from 'lit';
import { t, explainCode, onLocaleChange } from '../../i18n.js';
import { ApiProblem } from '../../api.js';
import { onFeed, streaming } from '../../live.js';
import './messages.js';

const LONG_MAX = 9223372036854775807n;

/**
 * Why {@code text} is no positive amount the API takes at {@code scale} (digits, at most {@code scale} decimals,
 * fitting a long; never through a float), as a message; null when it is one.
 */
export function amountProblem(text, scale) {
  const match = new RegExp(`^(0|[1-9][0-9]*)(?:\\.([0-9]{1,${scale}}))?$`).exec(String(text ?? ''));
  if (!match) return t('otc.check.amount', { scale });
  const scaled = BigInt(match[1] + (match[2] ?? '').padEnd(scale, '0'));
  if (scaled > LONG_MAX) return t('otc.check.tooLarge');
  return scaled === 0n ? t('otc.check.positive') : null;
}

/** A form field's check message, or nothing. */
export function check(problem, id) {
  return problem ? html`<span class="fx-check-problem" id=${`${id}-check`}>${problem}</span>` : nothing;
}

export class TradingPage extends LitElement {
  static properties = { outcome: { state: true }, busy: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.outcome = null;
    this.busy = false;
    this.checks = {};
    this.writes = 0;
    this.loading = false;
    this.pending = null;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [onLocaleChange(() => this.requestUpdate()),
      onFeed((entries, index) => {
        if (entries.length > 0) this.refresh(BigInt(index));
      })];
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

  /** Reads the page's data at {@code minIndex} (BigInt, undefined: the client's last write). */
  async load() {
  }

  /** Loads the page at {@code minIndex} (0n: at the client's last write); overlapping refreshes collapse into one more. */
  async refresh(minIndex) {
    if (this.loading) {
      this.pending = this.pending === null || minIndex > this.pending ? minIndex : this.pending;
      return;
    }
    this.loading = true;
    try {
      await this.load(minIndex > this.client.lastIndex ? minIndex : undefined);
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

  /** Shows a problem found before anything was signed ({@code key}: its message), as a write that was not sent. */
  refuse(key, params = {}) {
    this.outcome = { state: 'unsent', key, params };
    this.writes++;
  }

  /**
   * Sends one signed write and shows its outcome ({@code successKey} with {@code params} when accepted); then reads the
   * page again at the write's journal index. Returns the answer, or null when it was refused or failed.
   */
  async write(path, body, successKey = 'otc.outcome.accepted', params = {}) {
    this.busy = true;
    this.outcome = { state: 'busy', key: 'otc.outcome.busy' };
    let answer = null;
    try {
      answer = await this.client.write(path, body);
      const index = String(answer.journalIndex);
      this.outcome = answer.status === 202
        ? { state: 'pending', key: 'otc.outcome.pending', params: { index } }
        : { state: 'accepted', key: successKey, params: { ...params, index }, index };
    } catch (error) {
      this.outcome = error instanceof ApiProblem
        ? { state: 'refused', code: error.code, server: error.message, requestId: error.requestId }
        : { state: 'failed', text: String(error?.message ?? error) };
    } finally {
      this.writes++;
      this.busy = false;
    }
    await this.refresh(answer ? answer.journalIndex : 0n);
    return answer;
  }

  /** The last write's outcome in a live region: data-writes counts writes, data-code is "ok" or the refusal's code. */
  renderOutcome(id) {
    const o = this.outcome;
    const ok = !o || o.state === 'accepted' || o.state === 'pending' || o.state === 'busy';
    const code = !o || o.state === 'busy' ? '' : o.code ?? (ok ? 'ok' : 'error');
    return html`<div id=${id} class=${`fx-trading-outcome${o ? ` fx-outcome ${ok ? 'fx-outcome-ok' : 'fx-outcome-bad'}` : ''}`}
      role="status" data-writes=${this.writes} data-code=${code} data-state=${o?.state ?? ''} title=${o?.server ?? ''}>
      <p>${!o ? '' : o.key ? t(o.key, o.params) : o.code ? explainCode(o.code) : o.text}</p>
      ${o?.code ? html`<p class="fx-outcome-detail">${t('toast.code', { code: o.code, requestId: o.requestId ?? '' })}</p>
        <p class="fx-outcome-detail">${t('toast.server', { message: o.server ?? '' })}</p>` : nothing}</div>`;
  }

  /** How the page stays current: the live stream, or re-reads after own writes only. */
  renderFreshness() {
    return html`<p class="fx-freshness">${t(streaming() ? 'otc.live.on' : 'otc.live.off')}</p>`;
  }
}
