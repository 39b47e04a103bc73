// "Onboarding": register a participant (POST /participants, PENDING until approved); its first key from a PEM public
// key file (read in the browser, publickey.js) and its approval, both maker-checker (POST /proposals with
// RegisterFirstKey, ApproveParticipant); an investor's qualification with its validity (SetQualification, maker-checker).
// Pending onboarding proposals are listed with their approval; the participants awaiting approval with their state.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { KeyFileProblem } from '../../keyfile.js';
import { StaffPage, ID, renderCheck, renderApproval, describeAction } from './common.js';
import { readPublicKeyPem } from './publickey.js';
import { isIsoDate } from '../../zoned.js';
import { readWindow, Pager, renderPager } from '../paging.js';

const ROLES = ['HOLDER', 'INVESTOR', 'STAFF', 'REGULATOR'];
const ONBOARDING = new Set(['ApproveParticipant', 'RegisterFirstKey', 'SetQualification']);
const NAME_MAX = 200;

class FxStaffOnboarding extends StaffPage {
  static properties = { ...StaffPage.properties, awaiting: { state: true }, proposals: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
    this.proposalPager = new Pager();
  }

  async load(minIndex) {
    const [participants, proposals] = await Promise.all([this.client.read('/participants?status=PENDING', { minIndex }),
      readWindow(this.client, '/proposals?status=PENDING', 'proposals', minIndex, { start: this.proposalPager.start })]);
    this.proposalsNext = proposals.nextAfter;
    this.awaiting = participants.participants ?? [];
    this.proposals = proposals.items.filter(p => ONBOARDING.has(p.action?.type));
  }

  value(id) {
    return (this.querySelector(`#${id}`)?.value ?? '').trim();
  }

  id(name, checks) {
    const value = this.value(name);
    if (!ID.test(value)) checks[name] = { key: 'staff.check.id', params: {} };
    return value;
  }

  done(checks) {
    this.checks = checks;
    return Object.keys(checks).length === 0;
  }

  register() {
    const checks = {};
    const participantId = this.id('onboard-id', checks);
    const name = this.value('onboard-name');
    if (!name || name.length > NAME_MAX) checks['onboard-name'] = { key: 'staff.check.required', params: {} };
    const roles = ROLES.filter(role => this.querySelector(`#onboard-role-${role}`)?.checked);
    if (roles.length === 0) checks['onboard-roles'] = { key: 'onboarding.check.roles', params: {} };
    const legalName = this.value('onboard-legal-name');
    const registrationNumber = this.value('onboard-registration');
    if (registrationNumber && !ID.test(registrationNumber)) checks['onboard-registration'] = { key: 'staff.check.id', params: {} };
    if (!this.done(checks)) return;
    this.write('/participants', {
      participantId, name, participantType: this.value('onboard-type'), roles,
      ...(legalName ? { legalName } : {}), ...(registrationNumber ? { registrationNumber } : {}),
    });
  }

  async firstKey() {
    const checks = {};
    const participantId = this.id('key-participant', checks);
    const keyId = this.id('key-id', checks);
    let key = null;
    const file = this.querySelector('#key-file')?.files?.[0];
    if (!file) {
      checks['key-file'] = { key: 'onboarding.check.keyFile', params: {} };
    } else {
      try {
        key = readPublicKeyPem(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        checks['key-file'] = { key: error instanceof KeyFileProblem ? error.reason : 'key.malformed', params: {} };
      }
    }
    if (!this.done(checks)) return;
    this.write('/proposals', { action: { type: 'RegisterFirstKey', participantId, keyId, ...key } });
  }

  approve() {
    const checks = {};
    const participantId = this.id('approve-participant', checks);
    if (this.done(checks)) this.write('/proposals', { action: { type: 'ApproveParticipant', participantId } });
  }

  qualify() {
    const checks = {};
    const participantId = this.id('qualify-participant', checks);
    const validUntil = this.value('qualify-until');
    if (!isIsoDate(validUntil)) checks['qualify-until'] = { key: 'staff.check.date', params: {} };
    if (!this.done(checks)) return;
    this.write('/proposals', { action: { type: 'SetQualification', participantId, status: this.value('qualify-status'), validUntil } });
  }

  check(name) {
    return renderCheck(this.checks[name], `${name}-problem`);
  }

  render() {
    if (!this.awaiting) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-staff" id="onboarding-page">
      <h1>${t('onboarding.title')}</h1>
      ${this.renderFreshness()}
      <p class="fx-intro">${t('onboarding.intro')}</p>
      ${this.renderOutcome()}
      ${this.renderPending()}
      <form class="fx-form" id="onboard-form" @submit=${e => { e.preventDefault(); this.register(); }}>
        <h2>${t('onboarding.registerTitle')}</h2>
        <label>${t('onboarding.id')}<input id="onboard-id">${this.check('onboard-id')}</label>
        <label>${t('onboarding.name')}<input id="onboard-name" maxlength="200">${this.check('onboard-name')}</label>
        <label>${t('onboarding.type')}<select id="onboard-type">
          <option value="INSTITUTION">${t('type.INSTITUTION')}</option><option value="INDIVIDUAL">${t('type.INDIVIDUAL')}</option></select></label>
        <fieldset><legend>${t('onboarding.roles')}</legend>${ROLES.map(role => html`<label class="fx-check">
          <input type="checkbox" id=${`onboard-role-${role}`}>${t(`role.${role}`)}</label>`)}${this.check('onboard-roles')}
          <p class="fx-hint">${t('onboarding.rolesHint')}</p></fieldset>
        <label>${t('onboarding.legalName')}<input id="onboard-legal-name" maxlength="200" placeholder=${t('onboarding.optional')}></label>
        <label>${t('onboarding.registration')}<input id="onboard-registration" placeholder=${t('onboarding.optional')}>
          ${this.check('onboard-registration')}</label>
        <button type="submit" id="onboard-submit">${t('onboarding.register')}</button>
      </form>
      <form class="fx-form" id="key-form" @submit=${e => { e.preventDefault(); this.firstKey(); }}>
        <h2>${t('onboarding.keyTitle')}</h2>
        <p class="fx-hint">${t('onboarding.keyHint')}</p>
        <label>${t('onboarding.id')}<input id="key-participant">${this.check('key-participant')}</label>
        <label>${t('onboarding.keyId')}<input id="key-id">${this.check('key-id')}</label>
        <label>${t('onboarding.keyFile')}<input type="file" id="key-file" accept=".pem">${this.check('key-file')}</label>
        <button type="submit" id="key-submit">${t('onboarding.proposeKey')}</button>
      </form>
      <form class="fx-form" id="approve-form" @submit=${e => { e.preventDefault(); this.approve(); }}>
        <h2>${t('onboarding.approveTitle')}</h2>
        <label>${t('onboarding.id')}<input id="approve-participant">${this.check('approve-participant')}</label>
        <button type="submit" id="approve-submit">${t('onboarding.proposeApproval')}</button>
      </form>
      <form class="fx-form" id="qualify-form" @submit=${e => { e.preventDefault(); this.qualify(); }}>
        <h2>${t('onboarding.qualifyTitle')}</h2>
        <label>${t('onboarding.id')}<input id="qualify-participant">${this.check('qualify-participant')}</label>
        <label>${t('onboarding.status')}<select id="qualify-status">
          <option value="QUALIFIED">${t('qualification.QUALIFIED')}</option>
          <option value="NOT_QUALIFIED">${t('qualification.NOT_QUALIFIED')}</option></select></label>
        <label>${t('onboarding.validUntil')}<input id="qualify-until" placeholder="yyyy-mm-dd">${this.check('qualify-until')}</label>
        <p class="fx-hint">${t('onboarding.validityHint')}</p>
        <button type="submit" id="qualify-submit">${t('onboarding.proposeQualification')}</button>
      </form>
    </section>`;
  }

  renderPending() {
    return html`<h2>${t('onboarding.pendingTitle')}</h2>
      ${this.proposals.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="onboarding-proposals">
        <tbody>${this.proposals.map(p => html`<tr id=${`onboarding-proposal-${p.proposalId}`}>
          <td>${p.proposalId}</td><td class="fx-text">${describeAction(p.action)}</td><td class="fx-text">${p.proposer}</td>
          <td>${renderApproval(this, p)}</td></tr>`)}</tbody></table>`}
      ${renderPager('onboarding-proposals', this.proposalPager, this.proposalsNext, () => this.refresh(0n))}
      ${this.awaiting.length === 0 ? nothing : html`<p id="onboarding-pending">${t('onboarding.awaiting', {
        participants: this.awaiting.map(p => p.participantId).join(', ') })}</p>`}`;
  }
}

addMessages({
  en: {
    'onboarding.title': 'Onboarding',
    'onboarding.intro': 'A participant is registered, then keyed and approved by two staff members (maker-checker); an investor also needs a qualification with its validity.',
    'onboarding.pendingTitle': 'Onboarding proposals awaiting a second staff member',
    'onboarding.awaiting': 'Registered, awaiting approval: {participants}',
    'onboarding.registerTitle': '1. Register a participant',
    'onboarding.id': 'Participant id',
    'onboarding.name': 'Name',
    'onboarding.type': 'Type',
    'onboarding.roles': 'Roles',
    'onboarding.rolesHint': 'Staff and regulator are never combined with holder or investor.',
    'onboarding.legalName': 'Legal name',
    'onboarding.registration': 'Registration number (unified social credit code or ID)',
    'onboarding.optional': 'optional',
    'onboarding.register': 'Register',
    'onboarding.keyTitle': '2. Its first key',
    'onboarding.keyHint': 'The participant’s public key file (PEM, -----BEGIN PUBLIC KEY-----), Ed25519 or SM2; it is read in this browser.',
    'onboarding.keyId': 'Key id',
    'onboarding.keyFile': 'Public key file (PEM)',
    'onboarding.proposeKey': 'Propose the key',
    'onboarding.approveTitle': '3. Approve the participant',
    'onboarding.proposeApproval': 'Propose approval',
    'onboarding.qualifyTitle': '4. Investor qualification',
    'onboarding.status': 'Decision',
    'onboarding.validUntil': 'Valid until (inclusive)',
    'onboarding.validityHint': 'A date in the platform zone, as yyyy-mm-dd.',
    'onboarding.proposeQualification': 'Propose the qualification',
    'onboarding.check.roles': 'Choose at least one role.',
    'onboarding.check.keyFile': 'Choose the public key file.',
    'staff.key.notPublicPem': 'This file holds no PEM public key (-----BEGIN PUBLIC KEY-----).',
  },
  'zh-CN': {
    'onboarding.title': '准入登记',
    'onboarding.intro': '参与者先登记，再由两名工作人员分别提议和复核其密钥与核准（双人复核）；投资者还须有带有效期的合格投资者资格。',
    'onboarding.pendingTitle': '待第二名工作人员复核的准入提议',
    'onboarding.awaiting': '已登记、待核准：{participants}',
    'onboarding.registerTitle': '1. 登记参与者',
    'onboarding.id': '参与者编号',
    'onboarding.name': '名称',
    'onboarding.type': '类型',
    'onboarding.roles': '角色',
    'onboarding.rolesHint': '工作人员和监管角色不得与持有人或投资者角色兼任。',
    'onboarding.legalName': '法定名称',
    'onboarding.registration': '登记号码（统一社会信用代码或身份证件号码）',
    'onboarding.optional': '选填',
    'onboarding.register': '登记',
    'onboarding.keyTitle': '2. 首个密钥',
    'onboarding.keyHint': '参与者的公钥文件（PEM，-----BEGIN PUBLIC KEY-----），Ed25519 或 SM2；在本浏览器中读取。',
    'onboarding.keyId': '密钥编号',
    'onboarding.keyFile': '公钥文件（PEM）',
    'onboarding.proposeKey': '提议登记密钥',
    'onboarding.approveTitle': '3. 核准参与者',
    'onboarding.proposeApproval': '提议核准',
    'onboarding.qualifyTitle': '4. 合格投资者资格',
    'onboarding.status': '认定结果',
    'onboarding.validUntil': '有效期至（含当日）',
    'onboarding.validityHint': '平台时区的日期，格式 yyyy-mm-dd。',
    'onboarding.proposeQualification': '提议认定资格',
    'onboarding.check.roles': '请至少选择一个角色。',
    'onboarding.check.keyFile': '请选择公钥文件。',
    'staff.key.notPublicPem': '该文件不含 PEM 公钥（-----BEGIN PUBLIC KEY-----）。',
  },
});

customElements.define('fx-staff-onboarding', FxStaffOnboarding);
