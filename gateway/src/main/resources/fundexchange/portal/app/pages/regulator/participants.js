// Regulator: every participant (GET /participants) with roles, approval status, qualification and its validity,
// filtered by role and status. Route: #/regulator-participants.
import { html } from 'lit';
import { t } from '../../i18n.js';
import { date } from '../../format.js';
import { PortalPage, table } from './common.js';

const ROLES = ['HOLDER', 'INVESTOR', 'STAFF', 'REGULATOR'];
const STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED'];

class FxRegulatorParticipants extends PortalPage {
  static properties = { ...PortalPage.properties, participants: { state: true } };

  constructor() {
    super();
    this.role = '';
    this.status = '';
  }

  async load(minIndex) {
    const params = new URLSearchParams();
    if (this.role) params.set('role', this.role);
    if (this.status) params.set('status', this.status);
    const query = params.toString();
    this.participants = (await this.client.read(`/participants${query ? `?${query}` : ''}`, { minIndex })).participants ?? [];
  }

  filter(name, value) {
    this[name] = value;
    this.refresh();
  }

  render() {
    if (!this.participants) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.participants.title')}</h1>
      ${this.renderFreshness()}
      <div class="fx-filters">
        <label>${t('regulator.participants.role')}<select id="participants-role" @change=${e => this.filter('role', e.target.value)}>
          <option value="">${t('regulator.all')}</option>
          ${ROLES.map(r => html`<option value=${r} ?selected=${r === this.role}>${t(`role.${r}`)}</option>`)}</select></label>
        <label>${t('regulator.participants.status')}<select id="participants-status" @change=${e => this.filter('status', e.target.value)}>
          <option value="">${t('regulator.all')}</option>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${s === this.status}>${t(`regulator.status.${s}`)}</option>`)}</select></label>
        ${this.renderRefresh('participants-refresh')}
      </div>
      ${table('participants-table', ['regulator.participants.id', 'regulator.participants.name',
        'regulator.participants.roles', 'regulator.participants.status', 'regulator.participants.qualification',
        'regulator.participants.reason'],
        this.participants.map(p => html`<tr id=${`participant-${p.participantId}`} data-status=${p.status}>
          <td>${p.participantId}</td><td>${p.name}${p.legalName ? html`<br><span class="fx-muted">${p.legalName}</span>` : ''}</td>
          <td>${(p.roles ?? []).map(r => t(`role.${r}`)).join(', ')}</td><td>${t(`regulator.status.${p.status}`)}</td>
          <td>${p.qualification ? html`${p.qualification}${p.qualifiedUntil ? html` <span class="fx-muted">${date(p.qualifiedUntil)}</span>` : ''}` : t('app.none')}</td>
          <td>${p.statusReason ?? t('app.none')}</td></tr>`),
        'regulator.participants.none')}
    </section>`;
  }
}

customElements.define('fx-regulator-participants', FxRegulatorParticipants);
