// The one base of every portal page: its reads, writes and outcomes (docs/portal.md, "Page structure").
import { LitElement, html, nothing } from 'lit';
import { t, explainCode, onLocaleChange } from '../i18n.js';
import { ApiProblem } from '../api.js';
import { onFeed, streaming, changes } from '../live.js';

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

  /** Whether the page shows the exchange's clock: then ticks and heartbeats redraw it. */
  static clock = false;
  /** The id of the outcome line {@link #renderOutcome} draws when the page names none. */
  static outcomeId = 'page-outcome';

  constructor() {
    super();
    this.outcome = null; // {state: busy|accepted|pending|refused|failed|unsent, ...}
    this.busy = false; // a write is on its way
    this.checks = {}; // form field -> its problem
    this.loading = false; // a read is on its way
    this.loaded = false; // a read has succeeded
    this.writes = 0;
    this.pending = null; // the highest minIndex asked for while a read was on its way
    this.reading = null; // the read on its way, a promise
    this.queued = null; // the read that follows it, a promise
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

  /** Whether a feed entry changes what this page shows (default: an event, or a document with events). */
  relevant(entry) {
    return changes(entry);
  }

  /** A feed page ({@code entries}, {@code cursor}) or a heartbeat (no entries) from the live stream. */
  hear(entries, cursor) {
    const settled = entries.some(entry => this.settle(entry));
    if (settled || entries.some(entry => this.relevant(entry))) this.refresh(BigInt(cursor));
    else if (this.constructor.clock) this.tick();
  }

  /**
   * Whether {@code entry} is the outcome of this page's write that was answered 202 (pending), matched by its request
   * id (an outcome entry of one's own feed, or the document of the oversight feed); then the outcome line shows it.
   */
  settle(entry) {
    const o = this.outcome;
    const data = entry?.data;
    if (o?.state !== 'pending' || !o.requestId || data?.clientRequestId !== o.requestId) return false;
    if (entry.kind === 'document' ? data.participant !== this.participant : entry.kind !== 'outcome') return false;
    const result = data.outcome ?? {};
    const refused = result.status === 'REJECTED' || (result.status === 'DUPLICATE' && result.reason != null);
    const index = String(entry.sourceIndex);
    this.outcome = refused
      ? { state: 'refused', code: result.code, message: result.message ?? result.reason ?? '', requestId: o.requestId }
      : { state: 'accepted', index, key: o.key, params: { ...o.params, index },
        subject: o.key === 'page.outcome.accepted' ? subject(data) : '' };
    this.writes++;
    return true;
  }

  /** The exchange's clock moved (a tick or a heartbeat): a page that shows it redraws. */
  tick() {
    this.now = this.client.exchange.now();
  }

  /**
   * Reads the page at {@code minIndex} (0n: the client's last write); overlapping refreshes collapse into one more.
   * Resolves when a read that began after this call has completed (the queued one, if a read was on its way).
   */
  refresh(minIndex = 0n) {
    const wanted = BigInt(minIndex);
    if (this.reading === null) return this.read(wanted);
    this.pending = this.pending === null || wanted > this.pending ? wanted : this.pending;
    this.queued ??= this.reading.then(() => {
      const next = this.pending;
      this.pending = null;
      this.queued = null;
      return this.read(next);
    });
    return this.queued;
  }

  /** One read at {@code wanted}; problems go to the shell's report. */
  read(wanted) {
    const reading = (async () => {
      this.loading = true;
      try {
        await this.load(wanted > this.client.lastIndex ? wanted : undefined);
        this.loaded = true;
      } catch (error) {
        this.context.report(error);
      } finally {
        this.loading = false;
      }
    })();
    this.reading = reading;
    return reading.then(() => {
      if (this.reading === reading) this.reading = null;
    });
  }

  /** Shows a problem found before anything was signed ({@code key}: its message) as a write that was not sent. */
  refuse(key, params = {}) {
    this.outcome = { state: 'unsent', key, params };
    this.writes++;
  }

  /**
   * Sends one signed write and shows its outcome ({@code successKey} with {@code params} when accepted, after
   * {@code accepted(answer)}); then reads the page again at the client's last index. Returns the answer, or null.
   * {@code options}: the client's (clientRequestId).
   */
  async write(path, body, successKey = 'page.outcome.accepted', params = {}, accepted = () => {}, options = {}) {
    this.busy = true;
    this.outcome = { state: 'busy' };
    let answer = null;
    try {
      answer = await this.client.write(path, body, options);
      accepted(answer);
      const index = String(answer.journalIndex);
      this.outcome = answer.status === 202 ? { state: 'pending', index, requestId: answer.requestId, key: successKey, params } : {
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

  /** The last write's outcome in a live region, with data-writes, data-state, data-code and data-index. */
  renderOutcome(id = this.constructor.outcomeId) {
    const o = this.outcome;
    const ok = !o || o.state === 'busy' || o.state === 'accepted' || o.state === 'pending';
    const code = !o || o.state === 'busy' ? '' : o.code ?? (ok ? 'ok' : 'error');
    return html`<div id=${id} role=${ok ? 'status' : 'alert'}
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
        return html`<p>${explainCode(o.code, o.message)}</p>
          <p class="fx-outcome-detail">${t('toast.code', { code: o.code, requestId: o.requestId ?? '' })}</p>
          <p class="fx-outcome-detail">${t('toast.server', { message: o.message ?? '' })}</p>`;
      case 'unsent': return html`<p>${t(o.key, o.params)}</p>`;
      default: return html`<p>${o.message}</p>`;
    }
  }

  /** How the page stays current: the live stream, or re-reads after one's own actions only. */
  renderFreshness() {
    return html`<p class="fx-freshness" id="page-freshness">${t(streaming() ? 'page.live.on' : 'page.live.off')}</p>`;
  }

  /** A button that reads the page again. */
  renderRefresh(id) {
    return html`<button id=${id} type="button" class="fx-secondary" @click=${() => this.refresh()}>${t('page.refresh')}</button>`;
  }
}
