// What the investor pages share: a page base class (light DOM, language changes, the live feed), one write helper that
// shows the outcome or the refusal explained and then re-reads at the write's journal index, the fund reference data,
// the exchange clock, and the tab-only memory of the investor's own sealed prices.
import { LitElement, html, nothing } from 'lit';
import { t, onLocaleChange, explainCode } from '../../i18n.js';
import { ApiProblem, Exchange } from '../../api.js';
import { onSessionChange } from '../../session.js';
import { money } from '../../format.js';
import { onFeed } from '../../live.js';
import './messages.js';

/** The roles that see the investor pages. */
export const INVESTOR = Object.freeze(['INVESTOR']);

/**
 * A page of the investor: {@code load(minIndex)} reads what it shows (its reads pass the client's last write as
 * minIndex, or the index a feed entry announced); it reloads on every entry of the participant's live feed.
 */
export class InvestorPage extends LitElement {
  static properties = { outcome: { state: true }, busy: { state: true } };

  constructor() {
    super();
    this.outcome = null;
    this.busy = false;
    this.loading = null;
    this.reloadAt = null;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [onLocaleChange(() => this.requestUpdate()),
      onFeed((entries, index) => {
        if (entries.length > 0) this.reload(BigInt(index));
      })];
    this.reload();
  }

  disconnectedCallback() {
    this.stops.forEach(stop => stop());
    super.disconnectedCallback();
  }

  get client() {
    return this.context.client;
  }

  /** Reads again (coalesced: one read in flight, then one more for whatever arrived meanwhile). */
  async reload(minIndex) {
    const wanted = minIndex === undefined ? 0n : BigInt(minIndex);
    if (this.loading) {
      this.reloadAt = this.reloadAt === null || wanted > this.reloadAt ? wanted : this.reloadAt;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        await this.load(wanted > this.client.lastIndex ? wanted : undefined);
      } catch (error) {
        this.context.report(error);
      }
    })();
    await this.loading;
    this.loading = null;
    if (this.reloadAt !== null) {
      const next = this.reloadAt;
      this.reloadAt = null;
      await this.reload(next);
    }
  }

  /** Reads the page's data; {@code minIndex} (BigInt) when a feed entry asks for more than the last write. */
  async load() {
  }

  /**
   * Sends one signed write (a JSON object, or an exact body text) and shows its outcome: accepted (with
   * {@code successKey}), pending, or the refusal's code explained in the user's language; then re-reads at the write's
   * journal index. {@code accepted(answer)} runs on an accepted answer before the re-read. Returns the answer, or null.
   */
  async write(path, body, successKey, params = {}, accepted = () => {}) {
    this.busy = true;
    this.outcome = null;
    try {
      const answer = await this.client.write(path, body);
      accepted(answer);
      this.outcome = answer.status === 202
        ? { ok: true, text: t('investor.outcome.pending', { index: answer.journalIndex }) }
        : { ok: true, text: t(successKey, params), index: answer.journalIndex };
      return answer;
    } catch (error) {
      this.outcome = error instanceof ApiProblem
        ? { ok: false, code: error.code, text: explainCode(error.code), server: error.message }
        : { ok: false, text: String(error.message ?? error) };
      return null;
    } finally {
      this.writes = (this.writes ?? 0) + 1;
      this.busy = false;
      await this.reload();
    }
  }

  /** The outcome of the last write, in a live region the tests and screen readers read. */
  renderOutcome(id) {
    const o = this.outcome ?? { ok: true, text: '' };
    const code = this.outcome ? o.code ?? (o.ok ? 'ok' : 'error') : '';
    return html`<p id=${id} class=${o.ok ? 'fx-outcome fx-ok' : 'fx-outcome fx-problem'} role="status"
      data-writes=${this.writes ?? 0} data-code=${code} title=${o.server ?? ''}>${o.text}${o.code ? html` <span class="fx-code">(${t('investor.outcome.code', { code: o.code })})</span>` : nothing}</p>`;
  }
}

/** A table, or the empty-list message. */
export function table(id, headers, rows, emptyKey) {
  if (rows.length === 0) return html`<p id=${`${id}-empty`} class="fx-empty">${t(emptyKey)}</p>`;
  return html`<table class="fx-table" id=${id}><thead><tr>${headers.map(h => html`<th>${t(h)}</th>`)}</tr></thead>
    <tbody>${rows}</tbody></table>`;
}

/** Every fund's reference data by code (a signed read: the list is small, and a page reads it with its own data). */
export async function fundsByCode(client, minIndex) {
  const answer = await client.read('/funds', minIndex === undefined ? {} : { minIndex });
  return new Map((answer.funds ?? []).map(fund => [fund.code, fund]));
}

/** Money in the fund's currency (CNY when the fund is unknown). */
export function fundMoney(text, fund) {
  return money(text, fund?.currency || 'CNY');
}

/**
 * Measures the exchange's clock again (unsigned GET /exchange): the countdowns and the signatures follow the server's
 * time, never the PC's alone.
 */
export async function resyncClock(client) {
  try {
    client.exchange = await Exchange.connect();
  } catch {
    // keep the last offset; the next signed request re-measures on a clock refusal
  }
}

/** Milliseconds as [-]h:mm:ss. */
export function duration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The listing id of a hash route {@code #/<page>/<id>}, or null. */
export function routeId() {
  const match = /^#\/[a-z][a-z0-9-]*\/([0-9]{1,19})$/.exec(location.hash);
  return match ? match[1] : null;
}

// The investor's own sealed prices: in this tab's sessionStorage only (never sent but in the signed bid itself, never
// in localStorage or IndexedDB), dropped at sign-out.
const SEALED = 'fx.sealed.';

/** Remembers the price and nonce of the caller's sealed bid {@code bidId}, in this tab. */
export function rememberSealed(participant, bidId, price, nonce) {
  sessionStorage.setItem(`${SEALED}${participant}.${bidId}`, JSON.stringify({ price, nonce }));
}

/** The remembered {price, nonce} of a sealed bid of the caller, or null. */
export function sealedOf(participant, bidId) {
  try {
    return JSON.parse(sessionStorage.getItem(`${SEALED}${participant}.${bidId}`) ?? 'null');
  } catch {
    return null;
  }
}

export function forgetSealed(participant, bidId) {
  sessionStorage.removeItem(`${SEALED}${participant}.${bidId}`);
}

onSessionChange(current => {
  if (current) return;
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(SEALED)) sessionStorage.removeItem(key);
  }
});

/** The {@code fundMoney} of a price with the fund's currency, or the none sign. */
export function priceOrNone(text, fund) {
  return text === undefined || text === null || text === '' ? t('app.none') : fundMoney(text, fund);
}
