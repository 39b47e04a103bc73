// What the data-room pages share (docs/portal.md, "Data room"; docs/api.md, "Data room"): the room's read
// (GET /listings/{id}/data-room, 404 when the caller may not see it), the tables of its documents, NDA acceptances and
// access log (times in the platform zone), the watermarked viewer (OpenDocument answers the PDF, shown from a blob URL)
// and the words of every data-room page in English and Chinese.
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { time, decimal } from '../../format.js';
import { ApiProblem } from '../../api.js';
import { PortalPage } from '../portal-page.js';
import { table } from '../table.js';
import { readWindow } from '../paging.js';

export const KINDS = ['NDA', 'PARTNERSHIP_AGREEMENT', 'QUARTERLY_REPORT', 'CAPITAL_ACCOUNT_STATEMENT', 'CONSENT_LETTER',
  'APPRAISAL_REPORT', 'OTHER'];
/** The access-log and acceptance rows one read answers at most (DataRoomReads.MAX_ROWS). */
export const LOG_ROWS = 1000;
/** The largest upload (the PDF policy's 20 MiB). */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** A listing's or offer's number as the API takes it. */
export const SUBJECT = /^[1-9][0-9]{0,18}$/;

/** The room of {@code subject} read at {@code minIndex} (after {@code after} for its logs), or null when it is hidden (404). */
export async function readRoom(client, subject, minIndex, after) {
  const path = `/listings/${subject}/data-room${after ? `?after=${after}` : ''}`;
  try {
    return await client.read(path, minIndex === undefined ? {} : { minIndex });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** The most windows readAll follows (a holder's rooms are not cut off in practice; a looping server is). */
export const MAX_PAGES = 50;

/**
 * Every item of a paged list, following nextAfter window after window (a holder's rooms are not cut off), stopping
 * after MAX_PAGES windows or where nextAfter does not advance.
 */
export async function readAll(client, path, field, minIndex) {
  const items = [];
  let start;
  for (let page = 0; page < MAX_PAGES; page++) {
    const window = await readWindow(client, path, field, minIndex, { start });
    items.push(...window.items);
    const next = window.nextAfter;
    if (next === undefined || next === start) break;
    start = next;
  }
  return { items };
}

/** A problem of a request that is not a journaled write (the upload), as a page's outcome. */
export function problemOutcome(error) {
  return error instanceof ApiProblem
    ? { state: 'refused', code: error.code, message: error.message, requestId: error.requestId }
    : { state: 'failed', message: String(error?.message ?? error) };
}

/** The NDA the room publishes now (the highest version), or undefined. */
export function currentNda(room) {
  return (room?.documents ?? []).filter(d => d.kind === 'NDA').sort((a, b) => b.ndaVersion - a.ndaVersion)[0];
}

/** A document's kind for people. */
export function kind(k) {
  return t(`dataroom.kind.${k}`);
}

/**
 * A data-room page: a PortalPage that opens documents (a signed OpenDocument, journaled in the access log) and shows
 * the watermarked PDF it is answered with in a frame of its own blob URL.
 */
export class DataRoomPage extends PortalPage {
  static properties = { ...PortalPage.properties, viewer: { state: true } };
  static outcomeId = 'room-outcome';

  constructor() {
    super();
    this.viewer = null; // {url, title, documentId}
    this.viewerBlob = null;
  }

  disconnectedCallback() {
    this.closeViewer();
    super.disconnectedCallback();
  }

  relevant(entry) {
    return entry.kind !== 'outcome';
  }

  /**
   * Opens document {@code documentId} ({@code title}): the exchange journals the opening and answers the PDF
   * watermarked for this participant. A 202 (decided later) is sent again with the same request id, which the gateway
   * answers with the same opening's bytes.
   */
  async openDocument(documentId, title, listingId) {
    const requestId = `portal-${crypto.randomUUID()}`;
    // A fund document is opened in a named room (rules version 6); a room's own needs no name.
    const body = listingId === undefined ? {} : { listingId: Number(listingId) };
    const open = () => this.write(`/documents/${documentId}/open`, body, 'dataroom.opened', { title }, () => {},
      { clientRequestId: requestId });
    let answer = await open();
    if (answer?.status === 202) answer = await open();
    if (answer?.status === 200 && answer.body instanceof Blob) {
      this.closeViewer();
      this.viewerBlob = answer.body.type === 'application/pdf' ? answer.body : new Blob([answer.body], { type: 'application/pdf' });
      this.viewer = { url: URL.createObjectURL(this.viewerBlob), title, documentId };
    }
  }

  /**
   * Uploads the form's PDF (PUT /documents), then registers its digest with {@code register(stored, kind, title)}, which
   * returns the registration's path, body, message key and parameters: two requests, the second journaled. Kind and title
   * are taken at submit, and {@code register} closes over the room or fund chosen then, so a choice changed during the
   * upload does not redirect the document. Field checks are shown on {@code idPrefix}-file and {@code idPrefix}-title.
   */
  async uploadPdf(event, idPrefix, register) {
    event.preventDefault();
    const form = event.target.elements;
    const file = form.file.files?.[0];
    const chosenKind = form.kind.value;
    const title = form.title.value.trim();
    const checks = {};
    if (!file || file.size === 0 || file.size > MAX_PDF_BYTES) checks[`${idPrefix}-file`] = { key: 'dataroom.check.file' };
    if (!title || title.length > 200) checks[`${idPrefix}-title`] = { key: 'dataroom.check.title' };
    this.checks = checks;
    if (Object.keys(checks).length) return;
    if (typeof this.client.key?.signCanonical === 'function') {
      this.refuse('dataroom.check.agent');
      return;
    }
    this.busy = true;
    this.outcome = { state: 'busy' };
    let stored;
    try {
      stored = (await this.client.upload('/documents', await file.arrayBuffer(), 'application/pdf')).body;
    } catch (error) {
      this.outcome = problemOutcome(error);
      this.writes++;
      this.busy = false;
      return;
    }
    this.busy = false;
    // The form is cleared once the bytes are stored, before the registration.
    event.target.reset();
    const registration = register(stored, chosenKind, title);
    await this.write(registration.path, registration.body, registration.message, registration.params);
  }

  closeViewer() {
    if (this.viewer) URL.revokeObjectURL(this.viewer.url);
    this.viewer = null;
    this.viewerBlob = null;
  }

  /** The viewer: the watermarked copy, and what protects it (the watermark and the access log, not the browser). */
  renderViewer() {
    if (!this.viewer) return nothing;
    return html`<section class="fx-panel" id="room-viewer" data-document=${this.viewer.documentId}>
      <h2>${t('dataroom.viewer.title', { title: this.viewer.title })}</h2>
      <p class="fx-note" id="room-viewer-controls">${t('dataroom.viewer.controls')}</p>
      <iframe id="room-viewer-frame" class="fx-pdf" src=${this.viewer.url} title=${this.viewer.title}></iframe>
      <button type="button" class="fx-secondary" id="room-viewer-close" @click=${() => this.closeViewer()}>
        ${t('dataroom.viewer.close')}</button>
    </section>`;
  }
}

/** The room's documents as the holder, staff and regulators see them (whole), each with an Open button if {@code open}. */
export function documentsTable(room, zone, open) {
  const rows = (room.documents ?? []).map(d => html`<tr id=${`room-document-${d.documentId}`} data-document=${d.documentId}
      data-kind=${d.kind}>
    <td>${d.documentId}</td><td>${kind(d.kind)}${d.ndaVersion ? ` v${d.ndaVersion}` : ''}${d.fundCode
      ? html` <span class="fx-muted" data-fund-document=${d.fundCode}>${t('dataroom.fundDocument', { by: d.registeredBy })}</span>`
      : nothing}</td><td>${d.title}</td>
    <td>${decimal(String(d.size))}</td><td>${d.pages}</td><td class="fx-digest"><code>${d.digest}</code></td>
    <td>${time(d.registeredAt, zone)}</td>
    <td>${open ? html`<button type="button" class="fx-secondary" id=${`room-open-${d.documentId}`}
      @click=${() => open(d)}>${t('dataroom.open')}</button>` : nothing}</td></tr>`);
  return table('room-documents', ['dataroom.document', 'dataroom.kind', 'dataroom.docTitle', 'dataroom.size',
    'dataroom.pages', 'dataroom.digest', 'dataroom.registeredAt', ''], rows, 'dataroom.documents.none');
}

/** Who accepted which NDA version, when. */
export function acceptancesTable(room, zone) {
  const rows = (room.ndaAcceptances ?? []).map(a => html`<tr data-index=${a.sourceIndex}>
    <td>${a.sourceIndex}</td><td data-investor=${a.investor}>${a.investor}</td><td>v${a.version}</td>
    <td>${time(a.acceptedAt, zone)}</td></tr>`);
  return table('room-acceptances', ['dataroom.index', 'dataroom.investor', 'dataroom.ndaVersion', 'dataroom.acceptedAt'],
    rows, 'dataroom.acceptances.none');
}

/** Who opened what, when: every journaled opening (DocumentOpened). */
export function accessLogTable(room, zone) {
  const titles = new Map((room.documents ?? []).map(d => [d.documentId, d]));
  const rows = (room.accessLog ?? []).map(o => {
    const d = titles.get(o.documentId);
    return html`<tr data-index=${o.sourceIndex} data-viewer=${o.viewer} data-document=${o.documentId}>
      <td>${o.sourceIndex}</td><td>${o.viewer}</td>
      <td>${d ? `${d.title} (${kind(d.kind)})` : o.documentId}</td><td>${time(o.openedAt, zone)}</td></tr>`;
  });
  return table('room-access-log', ['dataroom.index', 'dataroom.viewer', 'dataroom.document', 'dataroom.openedAt'], rows,
    'dataroom.accessLog.none');
}

/**
 * The holder's and oversight's view of a room: its directed investors, NDA acceptances and access log, with a note
 * and a next-page button when a log holds more rows than one read answers ({@code next(after)}).
 */
export function renderOversight(room, zone, next) {
  // Both logs are complete up to nextAfter (the API cuts them at one index), so it is the next read's after.
  const full = room.nextAfter !== undefined && room.nextAfter !== null;
  const last = room.nextAfter;
  return html`<h2>${t('dataroom.directed.title')}</h2>
    <p id="room-directed">${(room.directedTo ?? []).length ? room.directedTo.join(', ') : t('dataroom.directed.everyone')}</p>
    <h2>${t('dataroom.acceptances.title')}</h2>
    ${acceptancesTable(room, zone)}
    <h2>${t('dataroom.accessLog.title')}</h2>
    <p class="fx-note">${t('dataroom.accessLog.explain', { zone })}</p>
    ${accessLogTable(room, zone)}
    ${full ? html`<p class="fx-note" id="room-log-more">${t('dataroom.accessLog.more')}
      <button type="button" id="room-log-next" @click=${() => next(last)}>${t('paging.next')}</button></p>` : nothing}`;
}

addMessages({
  en: {
    'dataroom.nav.holder': 'Data rooms',
    'dataroom.nav.investor': 'Data rooms',
    'dataroom.nav.oversight': 'Data-room access log',
    'dataroom.subject': 'Listing or offer',
    'dataroom.subject.none': 'You have no open or pending listing or open offer.',
    'dataroom.subject.choose': 'Choose…',
    'dataroom.subject.number': 'Listing or offer number',
    'dataroom.subject.show': 'Show',
    'dataroom.check.subject': 'Enter a listing or offer number.',
    'dataroom.check.file': 'Choose a PDF file of at most 20 MiB.',
    'dataroom.check.title': 'Enter a title (at most 200 characters).',
    'dataroom.check.investors': 'Investor ids: letters, digits, ".", "_" and "-", separated by spaces or commas (at most 200).',
    'dataroom.check.agent': 'A local signing agent signs JSON requests only: upload documents with a key the browser holds, or with the client library.',
    'dataroom.holder.intro': 'The data room of a listing or offer you hold: upload PDF documents and register them with their kind and title; a document of kind NDA publishes a new NDA version, which investors must accept before they may open the other documents. You may name the investors who may see the room. The access log shows who accepted which NDA and who opened what, when.',
    'dataroom.investor.intro': 'What a buyer may read grows step by step: the teaser, then the NDA, then the data room. Read the NDA, accept it with your signature, then open the documents.',
    'dataroom.oversight.intro': 'The data room of any listing or offer: its documents, the investors it is directed to, who accepted which NDA version, and every opening (the access log). Every row is a journaled command, whole in audit bundles.',
    'dataroom.upload.title': 'Upload and register a document',
    'dataroom.upload.explain': 'PDF only, at most 20 MiB and 500 pages, without scripts, attachments, forms or encryption. The file is checked and stored first, then registered in the journal by its SHA-256. Choose the kind NDA to publish the NDA.',
    'dataroom.upload.file': 'PDF file',
    'dataroom.upload.kind': 'Kind',
    'dataroom.upload.docTitle': 'Title',
    'dataroom.upload.submit': 'Upload and register',
    'dataroom.uploading': 'Uploading and checking the PDF…',
    'dataroom.registered': 'Document “{title}” registered at index {index}.',
    'dataroom.direct.title': 'Directed disclosure',
    'dataroom.direct.explain': 'Name the investors who may see this room at all, separated by spaces or commas; leave empty to open it to every investor who may see the listing or offer.',
    'dataroom.direct.investors': 'Investors',
    'dataroom.direct.submit': 'Save the directed investors',
    'dataroom.directed': 'The room’s investors are saved (index {index}).',
    'dataroom.directed.title': 'Directed to',
    'dataroom.directed.everyone': 'Every investor who may see the listing or offer.',
    'dataroom.acceptances.title': 'NDA acceptances',
    'dataroom.acceptances.none': 'No investor has accepted an NDA yet.',
    'dataroom.accessLog.title': 'Access log',
    'dataroom.accessLog.explain': 'Every opening is a signed, journaled command; times in {zone}.',
    'dataroom.accessLog.none': 'Nobody has opened a document yet.',
    'dataroom.accessLog.more': 'The log holds more rows than one page shows.',
    'dataroom.documents.title': 'Documents',
    'dataroom.documents.none': 'No documents yet.',
    'dataroom.document': 'Document',
    'dataroom.kind': 'Kind',
    'dataroom.docTitle': 'Title',
    'dataroom.size': 'Bytes',
    'dataroom.pages': 'Pages',
    'dataroom.digest': 'SHA-256',
    'dataroom.registeredAt': 'Registered',
    'dataroom.index': 'Index',
    'dataroom.investor': 'Investor',
    'dataroom.viewer': 'Viewer',
    'dataroom.ndaVersion': 'NDA version',
    'dataroom.acceptedAt': 'Accepted',
    'dataroom.openedAt': 'Opened',
    'dataroom.open': 'Open',
    'dataroom.opened': '“{title}” opened (index {index}); your opening is in the access log.',
    'dataroom.viewer.title': 'Viewing: {title}',
    'dataroom.viewer.controls': 'This copy carries a watermark on every page naming you, the listing and the time of your opening, and your opening is in the access log the holder and the regulator read. A browser cannot be stopped from saving or photographing what it shows: the watermark and the access log are the controls.',
    'dataroom.viewer.close': 'Close the viewer',
    'dataroom.teaser.title': 'Teaser',
    'dataroom.teaser.listing': 'Listing {id}: {fund}, {units} units, {mechanism}',
    'dataroom.teaser.offer': 'Offer {id}: {fund}, {units} units at {price}',
    'dataroom.teaser.none': 'No open listing or offer you may see.',
    'dataroom.room.hidden': 'This listing or offer has no data room open to you.',
    'dataroom.nda.title': 'Non-disclosure agreement',
    'dataroom.nda.none': 'The holder has not published an NDA yet; the documents open only under an NDA.',
    'dataroom.nda.current': 'NDA version {version}: “{title}”. Read it, then accept it: your acceptance is signed and journaled.',
    'dataroom.nda.read': 'Read the NDA',
    'dataroom.nda.accept': 'Accept NDA version {version}',
    'dataroom.nda.accepted': 'You accepted NDA version {version}.',
    'dataroom.ndaAccepted': 'NDA version {version} accepted (index {index}).',
    'dataroom.locked': 'Accept the current NDA to open this document.',
    'dataroom.kind.NDA': 'NDA',
    'dataroom.kind.PARTNERSHIP_AGREEMENT': 'Partnership agreement',
    'dataroom.kind.QUARTERLY_REPORT': 'Quarterly report',
    'dataroom.kind.CAPITAL_ACCOUNT_STATEMENT': 'Capital account statement',
    'dataroom.kind.CONSENT_LETTER': 'Consent letter',
    'dataroom.kind.APPRAISAL_REPORT': 'Appraisal report',
    'dataroom.kind.OTHER': 'Other',
    'dataroom.fundDocument': '(fund document, registered by {by})',
  },
  'zh-CN': {
    'dataroom.nav.holder': '资料室',
    'dataroom.nav.investor': '资料室',
    'dataroom.nav.oversight': '资料室查阅记录',
    'dataroom.subject': '挂牌或报价',
    'dataroom.subject.none': '您没有挂牌中或待审核的挂牌，也没有有效的非挂牌报价。',
    'dataroom.subject.choose': '请选择…',
    'dataroom.subject.number': '挂牌或报价编号',
    'dataroom.subject.show': '查看',
    'dataroom.check.subject': '请输入挂牌或报价编号。',
    'dataroom.check.file': '请选择不超过 20 MiB 的 PDF 文件。',
    'dataroom.check.title': '请输入标题（最多 200 个字符）。',
    'dataroom.check.investors': '投资者编号由字母、数字、“.”、“_”和“-”组成，以空格或逗号分隔（最多 200 个）。',
    'dataroom.check.agent': '本地签名程序只签署 JSON 请求：请使用浏览器持有的密钥或客户端库上传文件。',
    'dataroom.holder.intro': '您所持挂牌或报价的资料室：上传 PDF 文件并登记其类型和标题；类型为保密协议的文件发布新版保密协议，投资者须先签署接受，方可查阅其他文件。您可以指定可查看资料室的投资者。查阅记录显示谁接受了哪一版保密协议、谁在何时查阅了哪份文件。',
    'dataroom.investor.intro': '买方可阅读的内容逐步增加：先是项目简介，然后是保密协议，最后是资料室。请阅读保密协议，签名接受后再查阅文件。',
    'dataroom.oversight.intro': '任一挂牌或报价的资料室：其文件、定向披露的投资者、谁接受了哪一版保密协议，以及每一次查阅（查阅记录）。每一行都是已记入日志的签名指令，完整收录于审计包。',
    'dataroom.upload.title': '上传并登记文件',
    'dataroom.upload.explain': '仅限 PDF，不超过 20 MiB 和 500 页，不得含脚本、附件、表单或加密。文件先经检查并存储，再以其 SHA-256 摘要记入日志。选择“保密协议”类型即发布保密协议。',
    'dataroom.upload.file': 'PDF 文件',
    'dataroom.upload.kind': '类型',
    'dataroom.upload.docTitle': '标题',
    'dataroom.upload.submit': '上传并登记',
    'dataroom.uploading': '正在上传并检查 PDF…',
    'dataroom.registered': '文件“{title}”已登记，日志序号 {index}。',
    'dataroom.direct.title': '定向披露',
    'dataroom.direct.explain': '列出可查看本资料室的投资者，以空格或逗号分隔；留空则向所有可查看该挂牌或报价的投资者开放。',
    'dataroom.direct.investors': '投资者',
    'dataroom.direct.submit': '保存定向投资者',
    'dataroom.directed': '资料室的投资者已保存（日志序号 {index}）。',
    'dataroom.directed.title': '定向披露对象',
    'dataroom.directed.everyone': '所有可查看该挂牌或报价的投资者。',
    'dataroom.acceptances.title': '保密协议签署记录',
    'dataroom.acceptances.none': '尚无投资者接受保密协议。',
    'dataroom.accessLog.title': '查阅记录',
    'dataroom.accessLog.explain': '每次查阅都是已签名并记入日志的指令；时间均为 {zone} 时间。',
    'dataroom.accessLog.none': '尚无人查阅文件。',
    'dataroom.accessLog.more': '记录超过一页。',
    'dataroom.documents.title': '文件',
    'dataroom.documents.none': '暂无文件。',
    'dataroom.document': '文件',
    'dataroom.kind': '类型',
    'dataroom.docTitle': '标题',
    'dataroom.size': '字节',
    'dataroom.pages': '页数',
    'dataroom.digest': 'SHA-256 摘要',
    'dataroom.registeredAt': '登记时间',
    'dataroom.index': '日志序号',
    'dataroom.investor': '投资者',
    'dataroom.viewer': '查阅人',
    'dataroom.ndaVersion': '保密协议版本',
    'dataroom.acceptedAt': '接受时间',
    'dataroom.openedAt': '查阅时间',
    'dataroom.open': '打开',
    'dataroom.opened': '已打开“{title}”（日志序号 {index}）；本次查阅已记入查阅记录。',
    'dataroom.viewer.title': '正在查阅：{title}',
    'dataroom.viewer.controls': '本副本每页均带有水印，注明您的身份、挂牌编号和查阅时间；您的查阅已记入持有人和监管机构可见的查阅记录。浏览器无法阻止保存或拍摄其显示的内容：水印和查阅记录才是管控手段。',
    'dataroom.viewer.close': '关闭查看器',
    'dataroom.teaser.title': '项目简介',
    'dataroom.teaser.listing': '挂牌 {id}：{fund}，{units} 份，{mechanism}',
    'dataroom.teaser.offer': '报价 {id}：{fund}，{units} 份，单价 {price}',
    'dataroom.teaser.none': '没有您可查看的挂牌或报价。',
    'dataroom.room.hidden': '该挂牌或报价没有向您开放的资料室。',
    'dataroom.nda.title': '保密协议',
    'dataroom.nda.none': '持有人尚未发布保密协议；文件仅在保密协议下开放。',
    'dataroom.nda.current': '保密协议第 {version} 版：“{title}”。请先阅读再接受：您的接受将签名并记入日志。',
    'dataroom.nda.read': '阅读保密协议',
    'dataroom.nda.accept': '接受保密协议第 {version} 版',
    'dataroom.nda.accepted': '您已接受保密协议第 {version} 版。',
    'dataroom.ndaAccepted': '已接受保密协议第 {version} 版（日志序号 {index}）。',
    'dataroom.locked': '接受当前保密协议后方可打开此文件。',
    'dataroom.kind.NDA': '保密协议',
    'dataroom.kind.PARTNERSHIP_AGREEMENT': '合伙协议',
    'dataroom.kind.QUARTERLY_REPORT': '季度报告',
    'dataroom.kind.CAPITAL_ACCOUNT_STATEMENT': '资本账户报表',
    'dataroom.kind.CONSENT_LETTER': '同意函',
    'dataroom.kind.APPRAISAL_REPORT': '评估报告',
    'dataroom.kind.OTHER': '其他',
    'dataroom.fundDocument': '（基金文件，由 {by} 登记）',
  },
});
