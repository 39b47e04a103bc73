// What the staff pages share: their base element (a PortalPage re-read when a document of the staff feed, which
// carries every document, holds events, and on ticks only when it shows the exchange's clock), journal times of
// indices (a registration's or listing's id is the index that submitted it; GET /audit/records gives its time, cached
// since it never changes), waiting times, the SHA-256 of a chosen document file (only the digest enters the journal),
// and maker-checker: who may approve a proposal (never its proposer, never a party to what it decides, as the engine
// refuses with 2009 and 1020).
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { sha256Hex } from '../../signing.js';
import { PortalPage } from '../portal-page.js';

export {
  amountProblem, wholeProblem, loadFunds, fundLabel, UNITS_SCALE, PRICE_SCALE,
} from '../holder/common.js';
export { renderCheck } from '../input.js';
export { waited } from '../ageing.js';

/** How many items of a queue the pages date (one audit read each, cached). */
export const DATED_ITEMS = 50;
/** The largest document a browser hashes (a court order, a pledge contract, a register). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
export const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const times = new Map();

/** A staff page: its outcome line is `holder-outcome`, as on the holder pages; {@code me} is the staff member. */
export class StaffPage extends PortalPage {
  static outcomeId = 'holder-outcome';

  get me() {
    return this.participant;
  }
}

/** The journal time (epoch ms) of each index, by index: from GET /audit/records, each read once per browser tab. */
export async function journalTimes(client, indices, minIndex) {
  const wanted = [...new Set(indices.map(String))].filter(index => !times.has(index)).slice(0, DATED_ITEMS);
  await Promise.all(wanted.map(async index => {
    const answer = await client.read(`/audit/records?fromIndex=${index}&toIndex=${index}&limit=1`, { minIndex });
    const record = (answer.records ?? [])[0];
    if (record) times.set(index, Number(record.time));
  }));
  return new Map(indices.map(index => [String(index), times.get(String(index))]));
}

/** The lower-case hex SHA-256 of a chosen file, or a {key} problem. */
export async function fileDigest(file) {
  if (!file) return { problem: { key: 'staff.document.missing', params: {} } };
  if (file.size > MAX_DOCUMENT_BYTES) return { problem: { key: 'staff.document.tooLarge', params: {} } };
  return { digest: await sha256Hex(new Uint8Array(await file.arrayBuffer())) };
}

/** The participants a sensitive action concerns (its parties): a staff member among them may not decide on it. */
export function partiesOf(action, freezes = new Map()) {
  const parties = [];
  if (action?.participantId) parties.push(action.participantId);
  if (action?.holder) parties.push(action.holder);
  if (action?.type === 'UnfreezeUnits' && freezes.get(String(action.freezeId))) parties.push(freezes.get(String(action.freezeId)).holder);
  return parties;
}

/**
 * Why {@code me} may not approve {@code proposal}: 'own' (its proposer), 'party' (it concerns {@code me}, or a key of
 * {@code me}), or null when it may.
 */
export function approvalBar(proposal, me, freezes) {
  if (proposal.proposer === me) return 'own';
  const action = proposal.action ?? {};
  if (partiesOf(action, freezes).includes(me)) return 'party';
  if (action.type === 'RevokeParticipantKey' && String(action.keyId ?? '').startsWith(`${me}-`)) return 'party';
  return null;
}

/** A sensitive action in one line, in the user's language. */
export function describeAction(action) {
  const a = action ?? {};
  const key = `staff.action.${a.type}`;
  const text = t(key, {
    participant: a.participantId ?? '', holder: a.holder ?? '', fund: a.fundCode ?? '', units: a.units ?? '',
    authority: a.authority ?? '', caseNumber: a.caseNumber ?? '', freeze: a.freezeId ?? '', keyId: a.keyId ?? '',
    name: a.name ?? '', value: a.value ?? '', status: a.status ?? '', validUntil: a.validUntil ?? '',
    trade: a.tradeId ?? '', reason: a.reason ?? '', year: a.year ?? '',
    holidays: (a.holidays ?? []).join(' ') || '—', workdays: (a.workdays ?? []).join(' ') || '—',
  });
  return text === key ? String(a.type) : text;
}

/** The approve button of a pending proposal, or why this staff member has none. */
export function renderApproval(page, proposal, freezes) {
  const bar = approvalBar(proposal, page.me, freezes);
  if (bar) {
    return html`<span class="fx-muted" data-bar=${bar} id=${`proposal-bar-${proposal.proposalId}`}>${t(`staff.proposal.bar.${bar}`)}</span>`;
  }
  return html`<button type="button" id=${`proposal-approve-${proposal.proposalId}`}
    @click=${() => page.write(`/proposals/${proposal.proposalId}/approve`, {})}>${t('staff.proposal.approve')}</button>`;
}

addMessages({
  en: {
    'staff.document.missing': 'Choose the document file: its SHA-256 is what the journal records.',
    'staff.document.tooLarge': 'This file is larger than 64 MiB.',
    'staff.document.digest': 'SHA-256 {digest}',
    'staff.proposal.approve': 'Approve (second staff member)',
    'staff.proposal.bar.own': 'Your proposal: another staff member approves it.',
    'staff.proposal.bar.party': 'It concerns you: you may not decide on it.',
    'staff.action.ApproveParticipant': 'Approve participant {participant}',
    'staff.action.SetQualification': 'Qualification of {participant}: {status} until {validUntil}',
    'staff.action.RegisterFirstKey': 'First key {keyId} of {participant}',
    'staff.action.SetPlatformParameter': 'Set parameter {name} to {value}',
    'staff.action.FailSettlement': 'Fail the settlement of trade {trade}',
    'staff.action.FreezeUnits': 'Freeze {units} units of {holder} in {fund} ({authority}, case {caseNumber})',
    'staff.action.UnfreezeUnits': 'Lift freeze {freeze}: {reason}',
    'staff.action.SuspendParticipant': 'Suspend {participant}: {reason}',
    'staff.action.ReinstateParticipant': 'Reinstate {participant}: {reason}',
    'staff.action.RevokeParticipantKey': 'Revoke key {keyId}: {reason}',
    'staff.action.RegisterReplacementKey': 'Replacement key {keyId} of {participant}',
    'staff.action.SetOfficialCalendar': 'Official calendar of {year}: holidays {holidays}; make-up working days {workdays}',
    'staff.check.id': 'Letters, digits, ".", "_" and "-" (at most 64).',
    'staff.check.required': 'Required.',
    'staff.check.date': 'Enter a date as yyyy-mm-dd.',
    'staff.fund': 'Fund',
    'custodyMode.FULL': 'Full register',
    'custodyMode.PARTIAL': 'Own lot',
    'staff.none': 'Nothing waits here.',
    'staff.submittedAt': 'Submitted',
    'staff.waiting': 'Waiting',
    'staff.timesIn': 'Times in {zone}; waiting times counted on the exchange’s clock.',
  },
  'zh-CN': {
    'staff.document.missing': '请选择文件：日志记录的是其 SHA-256 摘要。',
    'staff.document.tooLarge': '文件超过 64 MiB。',
    'staff.document.digest': 'SHA-256 {digest}',
    'staff.proposal.approve': '复核通过（第二名工作人员）',
    'staff.proposal.bar.own': '这是您的提议：须由另一名工作人员复核。',
    'staff.proposal.bar.party': '此事项涉及您本人：您不得作出决定。',
    'staff.action.ApproveParticipant': '核准参与者 {participant}',
    'staff.action.SetQualification': '{participant} 的合格投资者资格：{status}，有效期至 {validUntil}',
    'staff.action.RegisterFirstKey': '登记 {participant} 的首个密钥 {keyId}',
    'staff.action.SetPlatformParameter': '将参数 {name} 设为 {value}',
    'staff.action.FailSettlement': '认定成交 {trade} 交收失败',
    'staff.action.FreezeUnits': '冻结 {holder} 在 {fund} 的 {units} 份额（{authority}，案号 {caseNumber}）',
    'staff.action.UnfreezeUnits': '解除冻结 {freeze}：{reason}',
    'staff.action.SuspendParticipant': '暂停 {participant}：{reason}',
    'staff.action.ReinstateParticipant': '恢复 {participant}：{reason}',
    'staff.action.RevokeParticipantKey': '吊销密钥 {keyId}：{reason}',
    'staff.action.RegisterReplacementKey': '登记 {participant} 的替换密钥 {keyId}',
    'staff.action.SetOfficialCalendar': '{year} 年官方日历：节假日 {holidays}；调休工作日 {workdays}',
    'staff.check.id': '由字母、数字、“.”、“_”和“-”组成（最多 64 个字符）。',
    'staff.check.required': '必填。',
    'staff.check.date': '请按 yyyy-mm-dd 输入日期。',
    'staff.fund': '基金',
    'custodyMode.FULL': '全部名册托管',
    'custodyMode.PARTIAL': '部分份额托管',
    'staff.none': '暂无待办。',
    'staff.submittedAt': '提交时间',
    'staff.waiting': '已等待',
    'staff.timesIn': '时间均为 {zone} 时间；等待时长按平台时钟计算。',
  },
});
