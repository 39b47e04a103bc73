// "My account": the participant's own record, roles and qualification, from signed reads. The sample page that
// proves the plumbing; a page is a custom element with a `context` ({session, client, report}) and a registerPage call.
import { LitElement, html, nothing } from 'lit';
import { t, onLocaleChange } from '../i18n.js';
import { registerPage } from '../router.js';
import { time, date } from '../format.js';

class FxAccountPage extends LitElement {
  static properties = { record: { state: true }, qualification: { state: true }, loadedAt: { state: true } };

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.stopLocale = onLocaleChange(() => this.requestUpdate());
    this.load();
  }

  disconnectedCallback() {
    this.stopLocale();
    super.disconnectedCallback();
  }

  async load() {
    const { client, session } = this.context;
    const id = encodeURIComponent(session.participant);
    try {
      this.record = await client.read(`/participants/${id}`);
      this.loadedAt = client.exchange.now();
      this.qualification = this.record.roles.includes('INVESTOR')
        ? await client.read(`/participants/${id}/qualification`) : null;
    } catch (error) {
      this.context.report(error);
    }
  }

  render() {
    const record = this.record;
    if (!record) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const { client, session } = this.context;
    const investor = record.roles.includes('INVESTOR');
    const row = (key, value, id) => html`<dt>${t(key)}</dt><dd id=${id ?? nothing}>${value ?? t('app.none')}</dd>`;
    return html`<section class="fx-page fx-account">
      <h1>${t('account.title')}</h1>
      <dl class="fx-fields">
        ${row('account.participant', record.participantId, 'account-participant')}
        ${row('account.name', record.name, 'account-name')}
        ${row('account.type', t(`type.${record.participantType}`), 'account-type')}
        ${row('account.roles', record.roles.map(role => t(`role.${role}`)).join(' · '), 'account-roles')}
        ${row('account.status', t(`status.${record.status}`), 'account-status')}
        ${investor && record.qualification
          ? row('account.qualification', t(`qualification.${record.qualification}`), 'account-qualification') : nothing}
        ${investor && record.qualifiedUntil
          ? row('account.qualifiedUntil', date(record.qualifiedUntil), 'account-qualified-until') : nothing}
        ${record.legalName ? row('account.legalName', record.legalName) : nothing}
        ${record.registrationNumber ? row('account.registrationNumber', record.registrationNumber) : nothing}
        ${row('account.keyId', session.keyId, 'account-key-id')}
        ${row('account.platform', client.exchange.platformId, 'account-platform')}
        ${row('account.serverTime', time(this.loadedAt, client.exchange.zone), 'account-server-time')}
      </dl>
      ${this.qualification ? this.renderRecords(this.qualification.records ?? []) : nothing}
    </section>`;
  }

  renderRecords(records) {
    return html`<h2>${t('account.records')}</h2>
      ${records.length === 0 ? html`<p>${t('account.noRecords')}</p>` : html`<table class="fx-table" id="account-records">
        <thead><tr><th>${t('account.recordIndex')}</th><th>${t('account.recordStatus')}</th>
          <th>${t('account.recordValidUntil')}</th><th>${t('account.recordBasis')}</th></tr></thead>
        <tbody>${records.map(r => html`<tr><td>${r.sourceIndex}</td><td>${t(`qualification.${r.status}`)}</td>
          <td>${r.validUntil ? date(r.validUntil) : t('app.none')}</td><td>${r.basis ?? t('app.none')}</td></tr>`)}</tbody>
      </table>`}`;
  }
}

customElements.define('fx-account-page', FxAccountPage);
registerPage({ id: 'account', titleKey: 'nav.account', tag: 'fx-account-page', roles: null, order: 10 });
