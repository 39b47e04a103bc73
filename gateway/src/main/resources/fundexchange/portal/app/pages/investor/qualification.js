// Investor: its qualification (GET /participants/{id}/qualification): status and validity, every record, and the
// platform's thresholds in force. Route: #/investor-qualification.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { date } from '../../format.js';
import { PortalPage, INVESTOR, table } from './common.js';

class FxInvestorQualification extends PortalPage {
  static properties = { ...PortalPage.properties, view: { state: true } };

  async load(minIndex) {
    const id = encodeURIComponent(this.client.participant);
    this.view = await this.client.read(`/participants/${id}/qualification`, minIndex === undefined ? {} : { minIndex });
  }

  render() {
    const v = this.view;
    if (!v) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const none = t('app.none');
    return html`<section class="fx-page fx-investor">
      <h1>${t('investor.qualification.title')}</h1>
      <dl class="fx-fields">
        <dt>${t('investor.qualification.status')}</dt>
        <dd id="qualification-status" data-status=${v.qualification ?? ''}>${v.qualification ? t(`qualification.${v.qualification}`) : none}</dd>
        <dt>${t('investor.qualification.until')}</dt><dd id="qualification-until">${v.qualifiedUntil ? date(v.qualifiedUntil) : none}</dd>
      </dl>
      <h2>${t('investor.qualification.records')}</h2>
      ${table('qualification-records', ['investor.qualification.index', 'investor.qualification.decision',
        'investor.qualification.until', 'investor.qualification.basis', 'investor.qualification.category',
        'investor.qualification.verifiedBy'],
        (v.records ?? []).map(r => html`<tr><td>${r.sourceIndex}</td><td>${t(`qualification.${r.status}`)}</td>
          <td>${r.validUntil ? date(r.validUntil) : none}</td><td>${r.basis ?? none}</td>
          <td>${r.deemedCategory ?? none}</td><td>${r.verifiedBy ?? none}</td></tr>`), 'investor.qualification.noRecords')}
      <h2>${t('investor.qualification.thresholds')}</h2>
      ${v.thresholds ? table('qualification-thresholds', ['investor.qualification.parameter', 'investor.qualification.value'],
        Object.entries(v.thresholds).sort(([a], [b]) => a.localeCompare(b))
          .map(([name, value]) => html`<tr><td><code>${name}</code></td><td>${value}</td></tr>`), 'app.none') : nothing}
    </section>`;
  }
}

customElements.define('fx-investor-qualification', FxInvestorQualification);
