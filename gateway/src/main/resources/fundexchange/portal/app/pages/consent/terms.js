// "Transfer terms" (staff, docs/rules.md "Consent and first refusal"): a fund's terms now (GET
// /funds/{code}/transfer-terms) beside the defaults of its legal form, a proposal to set them (SetTransferTerms,
// maker-checker: what is left at "the legal form's default" takes it; the documents' SHA-256 from the chosen file),
// the open notices with a staff override by proposal with a reason (OverrideRofr), and the pending proposals of both
// kinds, approved here or on the work queues by a second staff member.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { ApiProblem } from '../../api.js';
import { StaffPage, renderCheck, renderApproval, loadFunds, fundLabel, fileDigest, wholeProblem } from '../staff/common.js';
import './words.js';

const TYPES = new Set(['SetTransferTerms', 'OverrideRofr']);
const DIGEST = /^[0-9a-f]{64}$/;
const AFFILIATION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}>[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The defaults of each legal form, as TransferTermsRules applies them (Partnership Enterprise Law art. 73, Company Law art. 84). */
export const DEFAULTS = Object.freeze({
  PARTNERSHIP: { consentRequired: true, consentOnSilence: 'REFUSAL', priority: 'MANAGER_FIRST_THEN_PRO_RATA', noticeDays: 30, matchDays: 30 },
  LLC: { consentRequired: false, consentOnSilence: 'CONSENT', priority: 'PRO_RATA', noticeDays: 30, matchDays: 30 },
  CONTRACTUAL: { consentRequired: true, consentOnSilence: 'REFUSAL', priority: 'NONE', noticeDays: 30, matchDays: 30 },
});

class FxStaffTerms extends StaffPage {
  static properties = { ...StaffPage.properties, funds: { state: true }, fund: { state: true }, terms: { state: true },
    managers: { state: true }, proposals: { state: true }, notices: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
  }

  async load(minIndex) {
    const [funds, managers, proposals, notices] = await Promise.all([loadFunds(this.client, minIndex),
      this.client.read('/participants?role=MANAGER', { minIndex }),
      this.client.read('/proposals?status=PENDING&limit=1000', { minIndex }),
      this.client.read('/notices?status=OPEN&limit=1000', { minIndex })]);
    this.funds = funds;
    this.fund = this.fund && funds.has(this.fund) ? this.fund : [...funds.keys()][0];
    this.managers = (managers.participants ?? []).map(p => p.participantId).sort();
    this.proposals = (proposals.proposals ?? []).filter(p => TYPES.has(p.action?.type));
    this.notices = notices.notices ?? [];
    const fund = this.fund;
    const terms = fund ? await this.readTerms(fund, minIndex) : null;
    this.showTerms(fund, terms);
  }

  /** Shows {@code terms} only if {@code fund} is still the one selected: an answer for a fund left meanwhile is dropped. */
  showTerms(fund, terms) {
    if (fund === this.fund) this.terms = terms;
  }

  async readTerms(code, minIndex) {
    try {
      return await this.client.read(`/funds/${encodeURIComponent(code)}/transfer-terms`, { minIndex });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * Selects fund {@code code} and reads the page through refresh, after any read on its way (whose answer for the fund
   * left is then dropped); no terms are shown until the chosen fund's come.
   */
  choose(code) {
    this.fund = code;
    this.terms = undefined;
    return this.refresh();
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  async propose() {
    const checks = {};
    const action = { type: 'SetTransferTerms', fundCode: this.fund };
    const choice = (id, field, map = v => v) => {
      const v = this.value(id);
      if (v) action[field] = map(v);
    };
    choice('terms-manager', 'manager');
    choice('terms-consent', 'consentRequired', v => v === 'true');
    choice('terms-silence', 'consentOnSilence');
    choice('terms-priority', 'priority');
    for (const [id, field] of [['terms-notice-days', 'noticeDays'], ['terms-match-days', 'matchDays']]) {
      const v = this.value(id);
      if (!v) continue;
      const problem = wholeProblem(v, 365);
      if (problem || Number(v) < 1) checks[id] = problem ?? { key: 'terms.check.days', params: {} };
      else action[field] = Number(v);
    }
    const affiliates = this.value('terms-affiliates');
    if (affiliates) {
      const pairs = affiliates.split(',').map(p => p.trim()).filter(Boolean);
      if (pairs.every(p => AFFILIATION.test(p))) {
        action.affiliates = pairs.map(p => ({ holder: p.split('>')[0], affiliate: p.split('>')[1] }));
      } else checks['terms-affiliates'] = { key: 'terms.check.affiliates', params: {} };
    }
    const file = this.querySelector('#terms-document')?.files?.[0];
    const typed = this.value('terms-digest').toLowerCase();
    if (file) {
      const { digest, problem } = await fileDigest(file);
      if (problem) checks['terms-digest'] = problem;
      else action.documentDigest = digest;
    } else if (DIGEST.test(typed)) action.documentDigest = typed;
    else checks['terms-digest'] = { key: 'staff.document.missing', params: {} };
    this.checks = checks;
    if (Object.keys(checks).length === 0) this.write('/proposals', { action });
  }

  override() {
    const reason = this.value('override-reason');
    const exercisedBy = this.value('override-exercised-by');
    this.checks = reason ? {} : { 'override-reason': { key: 'staff.check.required', params: {} } };
    if (!reason) return;
    const action = { type: 'OverrideRofr', listingId: Number(this.value('override-listing')),
      decision: this.value('override-decision'), reason };
    if (exercisedBy && action.decision === 'EXERCISED') action.exercisedBy = exercisedBy;
    this.write('/proposals', { action });
  }

  check(name) {
    return renderCheck(this.checks[name], `${name}-problem`);
  }

  describe(a) {
    return a.type === 'SetTransferTerms' ? t('terms.proposal.set', { fund: a.fundCode, manager: a.manager ?? '—' })
      : t('terms.proposal.override', { listing: a.listingId, decision: t(`terms.decision.${a.decision}`), reason: a.reason });
  }

  render() {
    if (!this.proposals) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const fund = this.funds.get(this.fund);
    const defaults = DEFAULTS[fund?.legalForm];
    return html`<section class="fx-page fx-staff" id="staff-terms-page">
      <h1>${t('terms.title')}</h1>
      <p class="fx-hint">${t('terms.hint')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <label>${t('staff.fund')}<select id="terms-fund" @change=${e => this.choose(e.target.value)}>
        ${[...this.funds.keys()].map(code => html`<option value=${code} ?selected=${code === this.fund}>${fundLabel(this.funds, code)}</option>`)}
      </select></label>
      <h2>${t('terms.current')}</h2>
      ${this.terms === undefined ? html`<p class="fx-busy" id="terms-current-loading">${t('app.loading')}</p>`
        : this.terms ? this.renderTermsTable('terms-current', this.terms)
        : html`<p class="fx-empty" id="terms-current-empty">${t('terms.noneSet')}</p>`}
      <h2>${t('terms.defaults', { form: fund ? t(`terms.form.${fund.legalForm}`) : '' })}</h2>
      ${defaults ? this.renderTermsTable('terms-defaults', defaults) : nothing}
      <form class="fx-form" id="terms-form" @submit=${e => { e.preventDefault(); this.propose(); }}>
        <h2>${t('terms.proposeTitle')}</h2>
        <label>${t('consent.manager')}<select id="terms-manager"><option value="">${t('terms.noManager')}</option>
          ${this.managers.map(id => html`<option value=${id} ?selected=${id === this.terms?.manager}>${id}</option>`)}</select></label>
        <label>${t('consent.consent')}<select id="terms-consent"><option value="">${t('terms.default')}</option>
          <option value="true">${t('consent.consentRequired')}</option><option value="false">${t('consent.consentNotRequired')}</option></select></label>
        <label>${t('terms.silence')}<select id="terms-silence"><option value="">${t('terms.default')}</option>
          <option value="CONSENT">${t('terms.silence.CONSENT')}</option><option value="REFUSAL">${t('terms.silence.REFUSAL')}</option></select></label>
        <label>${t('consent.priority')}<select id="terms-priority"><option value="">${t('terms.default')}</option>
          ${['MANAGER_FIRST_THEN_PRO_RATA', 'PRO_RATA', 'NONE'].map(p => html`<option value=${p}>${t(`consent.priority.${p}`)}</option>`)}</select></label>
        <label>${t('terms.noticeDays')}<input id="terms-notice-days" inputmode="numeric" maxlength="3" placeholder="30">${this.check('terms-notice-days')}</label>
        <label>${t('terms.matchDays')}<input id="terms-match-days" inputmode="numeric" maxlength="3" placeholder="30">${this.check('terms-match-days')}</label>
        <label>${t('terms.affiliates')}<input id="terms-affiliates" maxlength="2000" placeholder="Holder-01>Holder-09">${this.check('terms-affiliates')}</label>
        <label>${t('terms.document')}<input type="file" id="terms-document"></label>
        <label>${t('terms.digest')}<input id="terms-digest" maxlength="64">${this.check('terms-digest')}</label>
        <button type="submit" id="terms-submit" ?disabled=${this.busy}>${t('terms.propose')}</button>
      </form>
      <h2>${t('terms.pending')}</h2>
      ${this.proposals.length === 0 ? html`<p class="fx-empty" id="terms-proposals-empty">${t('staff.none')}</p>`
        : html`<table class="fx-table" id="terms-proposals"><tbody>${this.proposals.map(p => html`<tr id=${`terms-proposal-${p.proposalId}`}>
          <td>${p.proposalId}</td><td class="fx-text">${this.describe(p.action)}</td><td class="fx-text">${p.proposer}</td>
          <td>${renderApproval(this, p)}</td></tr>`)}</tbody></table>`}
      <form class="fx-form" id="override-form" @submit=${e => { e.preventDefault(); this.override(); }}>
        <h2>${t('terms.overrideTitle')}</h2>
        <p class="fx-hint">${t('terms.overrideHint')}</p>
        ${this.notices.length === 0 ? html`<p class="fx-empty" id="override-empty">${t('consent.none')}</p>` : html`
          <label>${t('consent.listing')}<select id="override-listing">${this.notices.map(n => html`<option value=${n.listingId}>
            ${n.listingId} · ${fundLabel(this.funds, n.fundCode)} · ${n.transferor}</option>`)}</select></label>
          <label>${t('terms.decision')}<select id="override-decision">
            <option value="WAIVED">${t('terms.decision.WAIVED')}</option><option value="EXERCISED">${t('terms.decision.EXERCISED')}</option></select></label>
          <label>${t('terms.exercisedBy')}<input id="override-exercised-by" maxlength="64"></label>
          <label>${t('terms.reason')}<input id="override-reason" maxlength="500">${this.check('override-reason')}</label>
          <button type="submit" id="override-submit" ?disabled=${this.busy}>${t('terms.propose')}</button>`}
      </form>
    </section>`;
  }

  renderTermsTable(id, terms) {
    return html`<dl class="fx-facts" id=${id}>
      ${terms.manager !== undefined ? html`<dt>${t('consent.manager')}</dt><dd class="fx-text">${terms.manager ?? '—'}</dd>` : nothing}
      <dt>${t('consent.consent')}</dt><dd data-field="consent">${t(terms.consentRequired ? 'consent.consentRequired' : 'consent.consentNotRequired')}</dd>
      <dt>${t('terms.silence')}</dt><dd data-field="silence">${t(`terms.silence.${terms.consentOnSilence}`)}</dd>
      <dt>${t('consent.priority')}</dt><dd data-field="priority">${t(`consent.priority.${terms.priority}`)}</dd>
      <dt>${t('terms.noticeDays')}</dt><dd data-field="notice-days">${terms.noticeDays}</dd>
      <dt>${t('terms.matchDays')}</dt><dd>${terms.matchDays}</dd>
      ${terms.affiliates?.length ? html`<dt>${t('terms.affiliates')}</dt><dd class="fx-text">${terms.affiliates.join(', ')}</dd>` : nothing}
      ${terms.documentDigest ? html`<dt>${t('terms.digest')}</dt><dd class="fx-text">${terms.documentDigest}</dd>` : nothing}
    </dl>`;
  }
}

addMessages({
  en: {
    'terms.title': 'Transfer terms',
    'terms.hint': 'Set a fund’s consent and first-refusal terms from its documents: a proposal, approved by a second staff member. A field left at the default takes the default of the fund’s legal form. Terms cannot change while a sale of the fund is live.',
    'terms.current': 'Terms in force',
    'terms.noneSet': 'No terms set: sales of this fund give no notice.',
    'terms.defaults': 'Defaults of the legal form ({form})',
    'terms.form.PARTNERSHIP': 'limited partnership (Partnership Enterprise Law art. 73)',
    'terms.form.LLC': 'company form (Company Law 2023 art. 84)',
    'terms.form.CONTRACTUAL': 'contractual fund',
    'terms.proposeTitle': 'Propose terms',
    'terms.noManager': 'no manager',
    'terms.default': 'the legal form’s default',
    'terms.silence': 'A consent not given by the deadline counts as',
    'terms.silence.CONSENT': 'consent',
    'terms.silence.REFUSAL': 'refusal',
    'terms.noticeDays': 'Notice period (days)',
    'terms.matchDays': 'Match period after an auction (days)',
    'terms.affiliates': 'Exempt affiliates (holder>affiliate, comma-separated)',
    'terms.document': 'Fund documents',
    'terms.digest': 'or their SHA-256',
    'terms.check.days': '1 to 365 days.',
    'terms.check.affiliates': 'Pairs of participant ids as holder>affiliate, separated by commas.',
    'terms.propose': 'Propose (maker)',
    'terms.pending': 'Pending proposals',
    'terms.proposal.set': 'Transfer terms of {fund} (manager {manager})',
    'terms.proposal.override': 'Override the notice of listing {listing}: {decision} ({reason})',
    'terms.overrideTitle': 'Override a notice',
    'terms.overrideHint': 'Only with a reason and a second staff member: “waived” lets the listing go on as if every holder waived and the manager consented; “exercised” cancels it (a holder bought off the exchange).',
    'terms.decision': 'Decision',
    'terms.decision.WAIVED': 'waived',
    'terms.decision.EXERCISED': 'exercised off the exchange',
    'terms.exercisedBy': 'Exercised by (optional)',
    'terms.reason': 'Reason',
  },
  'zh-CN': {
    'terms.title': '转让条款',
    'terms.hint': '根据基金文件设定同意与优先购买条款：提出提议，由第二名工作人员复核。保留“默认”的项目按基金组织形式的默认值。基金有进行中的转让时不得变更条款。',
    'terms.current': '现行条款',
    'terms.noneSet': '尚未设定条款：该基金的转让不发出通知。',
    'terms.defaults': '组织形式默认值（{form}）',
    'terms.form.PARTNERSHIP': '有限合伙（合伙企业法第七十三条）',
    'terms.form.LLC': '公司制（公司法第八十四条）',
    'terms.form.CONTRACTUAL': '契约型基金',
    'terms.proposeTitle': '提出条款',
    'terms.noManager': '无管理人',
    'terms.default': '组织形式默认值',
    'terms.silence': '截止时未答复的同意视为',
    'terms.silence.CONSENT': '同意',
    'terms.silence.REFUSAL': '不同意',
    'terms.noticeDays': '通知期限（日）',
    'terms.matchDays': '拍卖后跟价期限（日）',
    'terms.affiliates': '豁免关联方（持有人>关联方，逗号分隔）',
    'terms.document': '基金文件',
    'terms.digest': '或其 SHA-256',
    'terms.check.days': '1 至 365 日。',
    'terms.check.affiliates': '请以“持有人>关联方”的形式输入参与者编号，逗号分隔。',
    'terms.propose': '提出（经办）',
    'terms.pending': '待复核提议',
    'terms.proposal.set': '{fund} 的转让条款（管理人 {manager}）',
    'terms.proposal.override': '覆盖挂牌 {listing} 的通知：{decision}（{reason}）',
    'terms.overrideTitle': '覆盖转让通知',
    'terms.overrideHint': '须说明理由并经第二名工作人员复核：“已放弃”视同全部持有人放弃且管理人同意，挂牌继续；“已行使”则撤销挂牌（持有人已在场外购买）。',
    'terms.decision': '决定',
    'terms.decision.WAIVED': '已放弃',
    'terms.decision.EXERCISED': '已在场外行使',
    'terms.exercisedBy': '行使人（可选）',
    'terms.reason': '理由',
  },
});

customElements.define('fx-staff-terms', FxStaffTerms);
