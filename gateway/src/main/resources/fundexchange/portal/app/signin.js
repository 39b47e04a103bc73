// <fx-signin>: open a key file (plain or PBES2-encrypted PKCS#8 PEM), import it non-extractable, verify it by a signed
// read of the participant's own record, and start the session; or unlock a key remembered on this device; or use the
// local signing agent (SM2 keys), which holds the key and signs each request after its person confirms it there.
import { LitElement, html, nothing } from 'lit';
import { t, onLocaleChange } from './i18n.js';
import { Exchange, SignedClient } from './api.js';
import { readPem, decryptPkcs8, importSigningKey, idsFromFileName, wipe, KeyFileProblem } from './keyfile.js';
import { remember, remembered, unlock, forget } from './keystore.js';
import { signIn } from './session.js';
import { LocalSigner, SignerProblem, allowedSignerOrigins } from './signer.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

class FxSignin extends LitElement {
  static properties = {
    encrypted: { state: true }, rememberKey: { state: true }, busy: { state: true }, problem: { state: true },
    stored: { state: true }, mode: { state: true },
  };

  constructor() {
    super();
    this.encrypted = false;
    this.rememberKey = false;
    this.busy = false;
    this.problem = '';
    this.stored = [];
    this.mode = 'file';
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopLocale = onLocaleChange(() => this.requestUpdate());
    this.loadRemembered();
  }

  disconnectedCallback() {
    this.stopLocale();
    super.disconnectedCallback();
  }

  async loadRemembered() {
    try {
      this.stored = await remembered();
    } catch {
      this.stored = [];
    }
  }

  field(id) {
    return this.querySelector(`#${id}`);
  }

  async fileChosen(event) {
    const file = event.target.files[0];
    if (!file) return;
    const ids = idsFromFileName(file.name);
    if (ids.participant && !this.field('signin-participant').value) this.field('signin-participant').value = ids.participant;
    if (ids.keyId && !this.field('signin-key-id').value) this.field('signin-key-id').value = ids.keyId;
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const pem = readPem(bytes);
      this.encrypted = pem.encrypted;
      wipe(pem.der);
      this.problem = '';
    } catch (e) {
      this.problem = e instanceof KeyFileProblem ? e.reason : 'key.malformed';
    } finally {
      wipe(bytes);
    }
  }

  async submit(event) {
    event.preventDefault();
    if (this.mode === 'signer') return this.submitSigner();
    const participant = this.field('signin-participant').value.trim();
    const keyId = this.field('signin-key-id').value.trim();
    const file = this.field('signin-file').files[0];
    if (!ID.test(participant) || !ID.test(keyId)) return this.fail('signin.invalidId');
    if (!file) return this.fail('signin.fileMissing');
    const devicePassphrase = this.rememberKey ? this.field('signin-device-passphrase')?.value ?? '' : '';
    if (this.rememberKey && devicePassphrase.length < 8) return this.fail('signin.shortPassphrase');
    this.busy = true;
    this.problem = '';
    const bytes = new Uint8Array(await file.arrayBuffer());
    let pkcs8;
    try {
      const pem = readPem(bytes);
      if (pem.encrypted) {
        this.encrypted = true;
        pkcs8 = await decryptPkcs8(pem.der, this.field('signin-passphrase')?.value ?? '');
        wipe(pem.der);
      } else {
        pkcs8 = pem.der;
      }
      if (this.rememberKey) await remember(participant, keyId, pkcs8, devicePassphrase);
      const { algorithm, key } = await importSigningKey(pkcs8);
      await this.verify(participant, keyId, algorithm, key, this.rememberKey);
    } catch (e) {
      this.handle(e);
    } finally {
      wipe(bytes);
      wipe(pkcs8);
      this.busy = false;
    }
  }

  /** Signs in through the local signing agent: its identity, then the usual signed read, confirmed at the agent. */
  async submitSigner() {
    const tokenField = this.field('signin-signer-token');
    if (!tokenField) return this.fail('signin.signerNone');
    const token = tokenField.value.trim();
    if (!token) return this.fail('signin.signerTokenMissing');
    this.busy = true;
    this.problem = '';
    try {
      const signer = await LocalSigner.connect(this.field('signin-signer-address').value, token);
      const { participant, keyId, algorithm, platformId } = signer.identity;
      await this.verify(participant, keyId, algorithm, signer, false, platformId);
    } catch (e) {
      this.handle(e);
    } finally {
      this.busy = false;
    }
  }

  async unlockStored(entry, index) {
    this.busy = true;
    this.problem = '';
    try {
      const passphrase = this.field(`signin-unlock-${index}`).value;
      const { algorithm, key } = await unlock(entry.participant, entry.keyId, passphrase);
      await this.verify(entry.participant, entry.keyId, algorithm, key, false);
    } catch (e) {
      this.handle(e);
    } finally {
      this.busy = false;
    }
  }

  async forgetStored(entry) {
    await forget(entry.participant, entry.keyId);
    await this.loadRemembered();
  }

  /** A signed read of the participant's own record proves the key; only then does the session start. */
  async verify(participant, keyId, algorithm, key, forgetOnFailure, platformId) {
    try {
      const exchange = await Exchange.connect();
      if (platformId !== undefined && platformId !== exchange.platformId) throw new SignerProblem('signer.otherPlatform');
      const client = new SignedClient(exchange, participant, keyId, algorithm, key);
      const record = await client.read(`/participants/${encodeURIComponent(participant)}`);
      signIn(client, record);
    } catch (e) {
      if (forgetOnFailure) await forget(participant, keyId);
      throw e;
    }
  }

  fail(reason) {
    this.problem = reason;
  }

  handle(error) {
    if (error instanceof KeyFileProblem || error instanceof SignerProblem) {
      this.problem = error.reason;
    } else {
      this.dispatchEvent(new CustomEvent('fx-problem', { detail: error, bubbles: true }));
    }
  }

  render() {
    return html`<section class="fx-signin">
      <h1>${t('signin.title')}</h1>
      <p class="fx-intro">${t(this.mode === 'signer' ? 'signin.signerIntro' : 'signin.intro')}</p>
      <form id="signin-form" @submit=${this.submit}>
        <fieldset class="fx-mode"><legend>${t('signin.mode')}</legend>
          <label class="fx-check"><input id="signin-mode-file" type="radio" name="signin-mode" .checked=${this.mode === 'file'}
            @change=${() => { this.mode = 'file'; this.problem = ''; }}>${t('signin.mode.file')}</label>
          <label class="fx-check"><input id="signin-mode-signer" type="radio" name="signin-mode" .checked=${this.mode === 'signer'}
            @change=${() => { this.mode = 'signer'; this.problem = ''; }}>${t('signin.mode.signer')}</label></fieldset>
        ${this.mode === 'signer' ? this.renderSigner() : this.renderKeyFile()}
        <button id="signin-submit" type="submit" ?disabled=${this.busy}>${t('signin.submit')}</button>
        ${this.busy ? html`<p id="signin-busy" class="fx-busy">${t(this.mode === 'signer' ? 'signin.signerConfirm' : 'signin.verifying')}</p>` : nothing}
        ${this.problem ? html`<p id="signin-problem" class="fx-problem" role="alert">${t(this.problem)}</p>` : nothing}
      </form>
      ${this.mode === 'file' && this.stored.length ? html`<h2>${t('signin.remembered')}</h2>
        <ul class="fx-remembered">${this.stored.map((entry, index) => html`<li>
          <span>${entry.participant} · ${entry.keyId}</span>
          <input id=${`signin-unlock-${index}`} type="password" aria-label=${t('signin.unlockPassphrase', { keyId: entry.keyId })}>
          <button type="button" ?disabled=${this.busy} @click=${() => this.unlockStored(entry, index)}>${t('signin.unlock')}</button>
          <button type="button" @click=${() => this.forgetStored(entry)}>${t('signin.forget')}</button></li>`)}</ul>`
        : nothing}
    </section>`;
  }

  renderKeyFile() {
    return html`
      <label>${t('signin.keyFile')}<input id="signin-file" type="file" accept=".pem,.key" @change=${this.fileChosen}></label>
      <label>${t('signin.participant')}<input id="signin-participant" autocomplete="off" spellcheck="false"></label>
      <label>${t('signin.keyId')}<input id="signin-key-id" autocomplete="off" spellcheck="false"></label>
      ${this.encrypted ? html`<label>${t('signin.passphrase')}
        <input id="signin-passphrase" type="password" autocomplete="off"></label>` : nothing}
      <label class="fx-check"><input id="signin-remember" type="checkbox" .checked=${this.rememberKey}
        @change=${e => { this.rememberKey = e.target.checked; }}>${t('signin.remember')}</label>
      ${this.rememberKey ? html`<label>${t('signin.devicePassphrase')}
        <input id="signin-device-passphrase" type="password" autocomplete="new-password"></label>` : nothing}`;
  }

  /** The agent's address (one the operator allowed, which the page's CSP lets it reach) and the token it printed. */
  renderSigner() {
    const origins = allowedSignerOrigins();
    if (origins.length === 0) return html`<p id="signin-signer-none" class="fx-problem">${t('signin.signerNone')}</p>`;
    return html`
      <label>${t('signin.signerAddress')}<input id="signin-signer-address" autocomplete="off" spellcheck="false"
        .value=${origins[0]}></label>
      <p class="fx-hint" id="signin-signer-allowed">${t('signin.signerAllowed', { origins: origins.join(', ') })}</p>
      <label>${t('signin.signerToken')}<input id="signin-signer-token" type="password" autocomplete="off"></label>`;
  }
}

customElements.define('fx-signin', FxSignin);
