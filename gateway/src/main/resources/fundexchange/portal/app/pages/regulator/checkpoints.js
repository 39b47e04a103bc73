// Regulator: the journaled checkpoints (GET /audit/checkpoints) and their verification in this browser: the exchange
// key's signature over the checkpoint message (FXCP1, docs/audit.md; Ed25519 through WebCrypto, the key from
// GET /exchange) and the chain head against the audit index's link at the checkpoint's chain index
// (GET /audit/records). Route: #/regulator-checkpoints.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time } from '../../format.js';
import { utf8 } from '../../signing.js';
import { PortalPage, table, shortHex, audited } from './common.js';

/** The text the exchange's key signs in a checkpoint (fundexchange.signing.CheckpointMessage). */
export function checkpointMessage(c) {
  return ['FXCP1', c.keyId, String(c.chainIndex), c.chainHead, String(c.signedAt)].join('\n');
}

function base64Bytes(text) {
  const binary = atob(text);
  return Uint8Array.from(binary, ch => ch.charCodeAt(0));
}

/** VALID, INVALID, or UNCHECKED (a key or algorithm this browser cannot check). */
async function signatureStatus(c, keys) {
  const key = keys.find(k => k.keyId === c.keyId);
  if (!key || key.algorithm !== 'ED25519') return 'UNCHECKED';
  try {
    const publicKey = await crypto.subtle.importKey('spki', base64Bytes(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, base64Bytes(c.signature), utf8(checkpointMessage(c)));
    return ok ? 'VALID' : 'INVALID';
  } catch {
    return 'UNCHECKED';
  }
}

/** MATCHES, DIFFERS, or PENDING (the audit index has not reached the chain index). */
async function chainStatus(client, c) {
  const answer = await client.read(`/audit/records?fromIndex=${c.chainIndex}&toIndex=${c.chainIndex}&limit=1`);
  const record = (answer.records ?? [])[0];
  if (!record) return 'PENDING';
  return record.link === c.chainHead ? 'MATCHES' : 'DIFFERS';
}

class FxRegulatorCheckpoints extends PortalPage {
  static properties = { ...PortalPage.properties, rows: { state: true }, recorded: { state: true } };

  /**
   * A document that records a checkpoint; while a row's chain is PENDING (the audit index behind its chain index),
   * any document the audit index records, which may be the one it waits for.
   */
  relevant(entry) {
    if (entry.kind === 'document' && (entry.data?.events ?? []).some(event => event.type === 'CheckpointRecorded')) return true;
    return (this.rows ?? []).some(row => row.chain === 'PENDING') && audited(entry);
  }

  async load(minIndex) {
    const answer = await this.client.read('/audit/checkpoints', { minIndex });
    const keys = (await (await fetch('/exchange', { cache: 'no-store', credentials: 'omit' })).json()).exchangeKeys ?? [];
    const rows = [];
    for (const entry of answer.checkpoints ?? []) {
      const c = entry.checkpoint;
      rows.push({ ...entry, signature: await signatureStatus(c, keys), chain: await chainStatus(this.client, c) });
    }
    this.rows = rows.reverse();
  }

  /** Asks the exchange to sign and journal its chain head now (POST /audit/checkpoints). */
  async checkpointNow() {
    try {
      const answer = await this.client.write('/audit/checkpoints', {});
      this.recorded = answer.body?.status === 'UP_TO_DATE' ? t('regulator.checkpoints.upToDate')
        : t('regulator.checkpoints.recorded', { index: answer.body?.sourceIndex ?? answer.journalIndex });
      await this.refresh();
    } catch (error) {
      this.context.report(error);
    }
  }

  render() {
    if (!this.rows) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.checkpoints.title')}</h1>
      ${this.renderFreshness()}
      <p class="fx-intro">${t('regulator.checkpoints.intro')}</p>
      <div class="fx-actions">
        <button id="checkpoint-now" type="button" @click=${() => this.checkpointNow()}>${t('regulator.checkpoints.now')}</button>
        ${this.renderRefresh('checkpoints-refresh')}
      </div>
      ${this.recorded ? html`<p id="checkpoint-outcome" class="fx-outcome fx-outcome-ok" role="status">${this.recorded}</p>` : nothing}
      ${table('checkpoints-table', ['regulator.checkpoints.index', 'regulator.checkpoints.time',
        'regulator.checkpoints.chainIndex', 'regulator.checkpoints.chainHead', 'regulator.checkpoints.key',
        'regulator.checkpoints.signature', 'regulator.checkpoints.chain'],
        this.rows.map(r => html`<tr id=${`checkpoint-${r.sourceIndex}`} data-signature=${r.signature} data-chain=${r.chain}>
          <td>${r.sourceIndex}</td><td>${time(r.time, this.zone)}</td><td>${r.checkpoint.chainIndex}</td>
          <td>${shortHex(r.checkpoint.chainHead)}</td><td>${r.checkpoint.keyId}</td>
          <td class=${r.signature === 'INVALID' ? 'fx-problem' : ''}>${t(`regulator.checkpoints.signature.${r.signature}`)}</td>
          <td class=${r.chain === 'DIFFERS' ? 'fx-problem' : ''}>${t(`regulator.checkpoints.chain.${r.chain}`)}</td></tr>`),
        'regulator.checkpoints.none')}
    </section>`;
  }
}

customElements.define('fx-regulator-checkpoints', FxRegulatorCheckpoints);
