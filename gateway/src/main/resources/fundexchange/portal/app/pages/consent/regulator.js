// "Transfer notices" (regulators and staff, read-only; docs/rules.md "Consent and first refusal"): every notice with
// who was notified (each holder of the right with its units at the notice, and the manager), who answered what and
// when (journal index and time in the platform zone), who stayed silent, and how it was resolved with the allotments.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units } from '../../format.js';
import { NoticePage, loadFunds } from './common.js';

class FxRegulatorNotices extends NoticePage {
  async load(minIndex) {
    await this.loadNotices(minIndex, loadFunds);
  }

  render() {
    if (!this.notices) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-regulator" id="regulator-notices-page">
      <h1>${t('oversightNotices.title')}</h1>
      <p class="fx-hint">${t('oversightNotices.hint')}</p>
      ${this.renderFreshness()}
      ${this.notices.length === 0 ? html`<p class="fx-empty" id="regulator-notices-empty">${t('consent.none')}</p>`
        : [...this.notices].reverse().map(n => html`<article class="fx-card" id=${`regulator-notice-${n.listingId}`} data-status=${n.status}>
          ${this.renderTerms(n)}
          <h3>${t('oversightNotices.notified')}</h3>
          ${this.renderRecipients(n)}
          <h3>${t('oversightNotices.answers')}</h3>
          ${this.renderAnswers(n)}
          ${this.renderResolution(n)}
        </article>`)}
      ${this.renderPager('regulator-notices')}
      <p class="fx-note">${t('consent.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  renderRecipients(n) {
    const recipients = n.recipients ?? [];
    if (recipients.length === 0) return html`<p class="fx-empty">${t('oversightNotices.nobody')}</p>`;
    return html`<table class="fx-table" id=${`notice-recipients-${n.listingId}`}>
      <thead><tr><th>${t('consent.who')}</th><th>${t('oversightNotices.role')}</th><th>${t('oversightNotices.unitsAtNotice')}</th>
        <th>${t('oversightNotices.requested')}</th><th>${t('oversightNotices.allocated')}</th></tr></thead>
      <tbody>${recipients.map(r => html`<tr data-participant=${r.participantId}>
        <td class="fx-text">${r.participantId}</td>
        <td>${t(r.participantId === n.manager ? 'oversightNotices.asManager' : 'oversightNotices.asHolder')}</td>
        <td>${r.unitsAtNotice ? units(r.unitsAtNotice) : '—'}</td><td>${r.requested ? units(r.requested) : '—'}</td>
        <td>${r.allocated ? units(r.allocated) : '—'}${r.refusedCode ? ` (${r.refusedCode})` : nothing}</td></tr>`)}</tbody></table>`;
  }
}

addMessages({
  en: {
    'oversightNotices.title': 'Transfer notices (consent and first refusal)',
    'oversightNotices.hint': 'Every notice a sale in a fund with transfer terms gave: who was notified, who answered what and when (from the journal), who stayed silent, and the outcome.',
    'oversightNotices.notified': 'Notified',
    'oversightNotices.answers': 'Answers',
    'oversightNotices.nobody': 'Nobody but the transferor.',
    'oversightNotices.role': 'As',
    'oversightNotices.asManager': 'manager',
    'oversightNotices.asHolder': 'holder of the right',
    'oversightNotices.unitsAtNotice': 'Units at the notice',
    'oversightNotices.requested': 'Asked',
    'oversightNotices.allocated': 'Allotted',
  },
  'zh-CN': {
    'oversightNotices.title': '转让通知（同意与优先购买）',
    'oversightNotices.hint': '设有转让条款的基金每次转让发出的通知：通知了谁、谁在何时作出何种答复（据日志）、谁未答复，以及结果。',
    'oversightNotices.notified': '已通知',
    'oversightNotices.answers': '答复',
    'oversightNotices.nobody': '除转让方外无其他人。',
    'oversightNotices.role': '身份',
    'oversightNotices.asManager': '管理人',
    'oversightNotices.asHolder': '优先购买权人',
    'oversightNotices.unitsAtNotice': '通知时份额',
    'oversightNotices.requested': '申请',
    'oversightNotices.allocated': '分配',
  },
});

customElements.define('fx-regulator-notices', FxRegulatorNotices);
