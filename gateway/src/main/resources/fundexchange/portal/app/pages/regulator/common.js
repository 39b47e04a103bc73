// What the regulator pages share: a page base class (light DOM, language changes, a read that reports its failure to
// the shell's toast), tables, and times typed in the platform zone. Every read is signed (SignedClient.read) and
// passes the client's last write as minIndex.
import { LitElement, html } from 'lit';
import { t, onLocaleChange } from '../../i18n.js';
import { onFeed } from '../../live.js';
import './messages.js';

/**
 * A regulator page: {@code load()} reads what it shows, when the page opens, when the person asks (the page's
 * refresh button) and on each entry of the live feed when this browser reads one.
 */
export class RegulatorPage extends LitElement {
  static properties = { loaded: { state: true } };

  constructor() {
    super();
    this.loaded = false;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stops = [onLocaleChange(() => this.requestUpdate()),
      onFeed(entries => {
        if (entries.length > 0) this.refresh();
      })];
    this.refresh();
  }

  disconnectedCallback() {
    this.stops.forEach(stop => stop());
    super.disconnectedCallback();
  }

  get client() {
    return this.context.client;
  }

  get zone() {
    return this.client.exchange.zone;
  }

  /** Reads again; a refusal goes to the shell's toast. */
  async refresh() {
    try {
      await this.load();
      this.loaded = true;
    } catch (error) {
      this.context.report(error);
    }
  }

  async load() {
  }

  /** The page's refresh button. */
  renderRefresh(id) {
    return html`<button id=${id} type="button" class="fx-secondary" @click=${() => this.refresh()}>${t('regulator.refresh')}</button>`;
  }
}

/** A table, or the empty-list message. */
export function table(id, headers, rows, emptyKey) {
  if (rows.length === 0) return html`<p id=${`${id}-empty`} class="fx-empty">${t(emptyKey)}</p>`;
  return html`<table class="fx-table" id=${id}><thead><tr>${headers.map(h => html`<th>${t(h)}</th>`)}</tr></thead>
    <tbody>${rows}</tbody></table>`;
}

/** The first 12 hex digits of a digest, the whole in the title. */
export function shortHex(text) {
  const value = String(text ?? '');
  return html`<span class="fx-hex" title=${value}>${value.slice(0, 12)}</span>`;
}

/** A participant or fund id with its name, or the none sign. */
export function named(id, name) {
  if (!id) return t('app.none');
  return name ? html`${id} <span class="fx-muted">${name}</span>` : id;
}
