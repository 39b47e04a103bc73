// A table of a page's rows under its header keys, or the empty-list message as <id>-empty.
import { html } from 'lit';
import { t } from '../i18n.js';

/** A table {@code id} with its header keys (an empty key: an empty header), or the message {@code emptyKey}. */
export function table(id, headers, rows, emptyKey) {
  if (rows.length === 0) return html`<p id=${`${id}-empty`} class="fx-empty">${t(emptyKey)}</p>`;
  return html`<table class="fx-table" id=${id}><thead><tr>${headers.map(h => html`<th>${h ? t(h) : ''}</th>`)}</tr></thead>
    <tbody>${rows}</tbody></table>`;
}
