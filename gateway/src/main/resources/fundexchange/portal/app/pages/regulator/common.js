// What the regulator pages share (their base element is PortalPage, live like every role's): tables, short digests
// and named ids. Every read is signed (SignedClient.read) at the page's minIndex.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { changes } from '../../live.js';
import './messages.js';

export { PortalPage } from '../portal-page.js';
export { table } from '../table.js';

/** Whether a feed entry is a document the audit index records: every one but a Tick that fired nothing (refusals too). */
export function audited(entry) {
  return entry?.kind === 'document' && (entry.data?.participant != null || changes(entry));
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
