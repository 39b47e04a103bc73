// The one base of every portal page (docs/portal.md, "Page structure"): rendered into the light DOM (portal.css),
// redrawn on a language change, read with load(minIndex) when it opens, after each own write and whenever the live
// stream brings a feed entry the page says concerns it (relevant(entry)); a page that shows the exchange's clock also
// redraws on the stream's ticks and heartbeats. One write helper signs and sends, shows the outcome (accepted,
// journaled and pending, or the refusal {code, message, requestId} explained in the user's language) and reads the page
// again at the write's X-Journal-Index. A role's own module adds only what is truly its own.
import { LitElement, html, nothing } from 'lit';
import { t, explainCode, onLocaleChange, addMessages } from '../i18n.js';
import { ApiProblem } from '../api.js';
import { onFeed, streaming, changes } from '../live.js';
import { renderCheck } from './input.js';

/** The ids a write's event document names first (listing, order, custody registration), for the outcome line. */
function subject(document) {
  for (const event of document?.events ?? []) {
    for (const field of ['listingId', 'orderId', 'custodyId']) {
      if (event[field] !== undefined) return t(`page.outcome.${field}`, { id: event[field] });
    }
  }
  return '';
}

export class PortalPage extends LitElement {
  static properties = {
    outcome: { state: true }, busy: { state: true }, checks: { state: true }, loading: { state: true },
    loaded: { state: true }, now: { state: true },
  };

  /** Whether the page shows the exchange's clock (waiting times, countdowns): then ticks and heartbeats redraw it. */
  static clock = false;
  /** The id of the outcome line {@link #renderOutcome} draws when the page names none. */
  static outcomeId = 'page-outcome';

  constructor() {
    super();
    this.outcome = null; // {state: busy|accepted|pending|refused|failed|unsent, ...}
    this.busy = false; // a write is on its way
    this.checks = {}; // form field -> its problem ({key, params} or a message)
    this.loading = false; // a read is on its way
    this.loaded = false; // a read has succeeded
    this.now = 0; // the exchange's clock at the last read or tick (epoch ms)
    this.writes = 0;
    this.pending = null;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [onLocaleChange(() => this.requestUpdate()), onFeed((entries, cursor) => this.hear(entries, cursor))];
    this.refresh();
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

  /** Reads what the page shows, every read at {@code minIndex} (BigInt; undefined: the client's last write). */
  async load() {
  }

  /**
   * Whether a feed entry of the live stream changes what this page shows. By default every entry that reports a change
   * (docs/api.md, Feeds): an event, or a document with events; never an outcome of one's own request, a refusal or a
   * Tick that fired nothing.
   */
  relevant(entry) {
    return changes(entry);
  }

  /** A feed page ({@code entries}, {@code cursor}) or a heartbeat (no entries) from the live stream. */
  hear(entries, cursor) {
    if (entries.some(entry => this.relevant(entry))) this.refresh(BigInt(cursor));
    else if (this.constructor.clock) this.tick();
  }

  /** The exchange's clock moved (a tick or a heartbeat): a page that shows it redraws. */
  tick() {
    this.now = this.client.exchange.now();
  }

  /** Reads the page at {@code minIndex} (0n: the client's last write); overlapping refreshes collapse into one more. */
  async refresh(minIndex = 0n) {
    const wanted = BigInt(minIndex);
    if (this.loading) {
      this.pending = this.pending === null || wanted > this.pending ? wanted : this.pending;
      return;
    }
    this.loading = true;
    try {
      await this.load(wanted > this.client.lastIndex ? wanted : undefined);
      this.loaded = true;
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

  /** Shows a problem found before anything was signed ({@code key}: its message) as a write that was not sent. */
  refuse(key, params = {}) {
    this.outcome = { state: 'unsent', key, params };
    this.writes++;
  }

  /**
   * Sends one signed write (a JSON object, or an exact body text) and shows its outcome: accepted ({@code successKey}
   * with {@code params} and the journal index), journaled and pending, or the refusal's code explained in the user's
   * language; {@code accepted(answer)} runs on an accepted answer first. Then reads the page again at the write's
   * journal index (after a refusal: the refusal's own, or the client's last). Returns the answer, or null.
   */
  async write(path, body, successKey = 'page.outcome.accepted', params = {}, accepted = () => {}) {
    this.busy = true;
    this.outcome = { state: 'busy' };
    let answer = null;
    try {
      answer = await this.client.write(path, body);
      accepted(answer);
      const index = String(answer.journalIndex);
      this.outcome = answer.status === 202 ? { state: 'pending', index } : {
        state: 'accepted', index, key: successKey, params: { ...params, index },
        subject: successKey === 'page.outcome.accepted' ? subject(answer.body) : '',
      };
    } catch (error) {
      answer = null;
      this.outcome = error instanceof ApiProblem
        ? { state: 'refused', code: error.code, message: error.message, requestId: error.requestId }
        : { state: 'failed', message: String(error?.message ?? error) };
    } finally {
      this.writes++;
      this.busy = false;
    }
    await this.refresh();
    return answer;
  }

  /**
   * The last write's outcome in a live region (there before the first write): data-writes counts the writes,
   * data-state is the outcome's state, data-code "ok" or the refusal's code ("error" when it failed otherwise),
   * data-index the journal index of an accepted or pending write; the server's message is its title.
   */
  renderOutcome(id = this.constructor.outcomeId) {
    const o = this.outcome;
    const ok = !o || o.state === 'busy' || o.state === 'accepted' || o.state === 'pending';
    const code = !o || o.state === 'busy' ? '' : o.code ?? (ok ? 'ok' : 'error');
    return html`<div id=${id} role="status"
      class=${`fx-page-outcome${o ? ` fx-outcome ${ok ? 'fx-outcome-ok' : 'fx-outcome-bad'}` : ''}`}
      data-writes=${this.writes} data-state=${o?.state ?? ''} data-code=${code} data-index=${o?.index ?? ''}
      title=${o?.state === 'refused' ? o.message ?? '' : ''}>${o ? PortalPage.outcomeText(o) : nothing}</div>`;
  }

  static outcomeText(o) {
    switch (o.state) {
      case 'busy': return html`<p>${t('page.outcome.busy')}</p>`;
      case 'pending': return html`<p>${t('page.outcome.pending', { index: o.index })}</p>`;
      case 'accepted':
        return html`<p>${t(o.key, o.params)}${o.subject ? html` · <span>${o.subject}</span>` : nothing}</p>`;
      case 'refused':
        return html`<p>${explainCode(o.code)}</p>
          <p class="fx-outcome-detail">${t('toast.code', { code: o.code, requestId: o.requestId ?? '' })}</p>
          <p class="fx-outcome-detail">${t('toast.server', { message: o.message ?? '' })}</p>`;
      case 'unsent': return html`<p>${t(o.key, o.params)}</p>`;
      default: return html`<p>${o.message}</p>`;
    }
  }

  /** A line saying how the page stays current: the live stream, or re-reads after one's own actions only. */
  renderFreshness() {
    return html`<p class="fx-freshness" id="page-freshness">${t(streaming() ? 'page.live.on' : 'page.live.off')}</p>`;
  }

  /** A button that reads the page again. */
  renderRefresh(id) {
    return html`<button id=${id} type="button" class="fx-secondary" @click=${() => this.refresh()}>${t('page.refresh')}</button>`;
  }

  /** A form field's check message ({key, params} or a message), or nothing. */
  static renderCheck(problem, id) {
    return renderCheck(problem, id);
  }
}

addMessages({
  en: {
    'page.outcome.busy': 'Sending your signed request…',
    'page.outcome.accepted': 'Accepted by the exchange (journal index {index}).',
    'page.outcome.pending': 'Journaled at index {index}; the decision is not in yet. This page reads again when it is.',
    'page.outcome.listingId': 'listing {id}',
    'page.outcome.orderId': 'order {id}',
    'page.outcome.custodyId': 'custody registration {id}',
    'page.live.on': 'Live: this page refreshes when the exchange journals something it shows.',
    'page.live.off': 'Not live: this page refreshes after your own actions; reload it to see others’.',
    'page.refresh': 'Refresh',
  },
  'zh-CN': {
    'page.outcome.busy': '正在发送已签名的请求…',
    'page.outcome.accepted': '平台已受理（日志序号 {index}）。',
    'page.outcome.pending': '已记入日志（序号 {index}），处理结果尚未产生；产生后本页将重新读取。',
    'page.outcome.listingId': '挂牌 {id}',
    'page.outcome.orderId': '委托 {id}',
    'page.outcome.custodyId': '托管登记 {id}',
    'page.live.on': '实时：平台记入与本页内容相关的事项时，本页自动刷新。',
    'page.live.off': '非实时：本页在您自己的操作后刷新；如需查看他人操作，请重新加载。',
    'page.refresh': '刷新',
  },
});
