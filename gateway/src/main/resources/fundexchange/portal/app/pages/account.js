// "My account": the participant's own record, roles and qualification, from signed reads. The sample page that
// proves the plumbing: a PortalPage (portal-page.js) registered for every signed-in participant (pages/index.js),
// loaded when first opened like every page.
import { html, nothing } from 'lit';
import { t } from '../i18n.js';
import { time, date } from '../format.js';
import { PortalPage } from './portal-page.js';

class FxAccountPage extends PortalPage {
  static properties = {
    ...PortalPage.properties, record: { state: true }, qualification: { state: true }, loadedAt: { state: true },
  };

  /** An event about this participant: its approval, qualification, standing or keys. */
  relevant(entry) {
    const events = entry.kind === 'document' ? entry.data?.events ?? [] : entry.kind === 'event' ? [entry.data] : [];
    return events.some(event => event?.participantId === this.participant);
  }

  async load(minIndex) {
    const { client, session } = this.context;
    const id = encodeURIComponent(session.participant);
    this.record = await client.read(`/participants/${id}`, { minIndex });
    this.loadedAt = client.exchange.now();
    this.qualification = this.record.roles.includes('INVESTOR')
      ? await client.read(`/participants/${id}/qualification`, { minIndex }) : null;
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
