// "Fund documents" for a fund's manager (the manager its transfer terms name): for each fund it manages, it uploads a
// PDF (PUT /documents, the raw bytes signed by the browser) and registers it for the whole fund
// (POST /funds/{fund}/documents, rules version 6): the data room of every listing and offer of the fund then shows it,
// behind that room's NDA and direction; and whether the public market page shows the fund's own figures
// (market/consent.js). Its words are here, loaded with the page (codes 7027-7029: codes.*.js).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { check } from '../input.js';
import { DataRoomPage, documentsTable, kind } from './common.js';
import { marketChoices, marketConsent, marketShown } from '../market/consent.js';

/** The kinds a manager registers for a whole fund (DocumentKind.fundLevel); the others are the holder's. */
const FUND_KINDS = ['PARTNERSHIP_AGREEMENT', 'QUARTERLY_REPORT', 'APPRAISAL_REPORT', 'OTHER'];

class FxManagerFundDocuments extends DataRoomPage {
  static properties = { ...DataRoomPage.properties, funds: { state: true }, fund: { state: true },
    shown: { state: true } };

  constructor() {
    super();
    this.funds = null; // [{fundCode, documents}]
    this.fund = '';
  }

  async load(minIndex) {
    const answer = await this.client.read('/fund-documents', minIndex === undefined ? {} : { minIndex });
    const funds = answer.funds ?? [];
    const codes = funds.map(f => f.fundCode);
    [this.shown, this.marketChoices] = await Promise.all([marketShown(codes), marketChoices(this.client, codes, minIndex)]);
    this.funds = funds;
    if (!this.fund && this.funds.length) this.fund = this.funds[0].fundCode;
  }

  /** Uploads the chosen PDF, then registers its digest for the fund chosen at submit. */
  upload(event) {
    const fund = this.fund;
    return this.uploadPdf(event, 'fund', (stored, kind, title) => ({
      path: `/funds/${encodeURIComponent(fund)}/documents`,
      body: { digest: stored.digest, kind, title, size: stored.size, pages: stored.pages },
      message: 'fundDocs.registered', params: { title, fund },
    }));
  }

  render() {
    if (this.funds === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const chosen = this.funds.find(f => f.fundCode === this.fund);
    return html`<section class="fx-page fx-manager" id="manager-fund-documents">
      <h1>${t('fundDocs.title')}</h1>
      <p class="fx-intro">${t('fundDocs.intro')}</p>
      ${this.funds.length === 0 ? html`<p class="fx-empty" id="fund-docs-none">${t('fundDocs.none')}</p>` : html`
        <label>${t('fundDocs.fund')}<select id="fund-docs-fund" ?disabled=${this.busy} @change=${e => { this.fund = e.target.value; }}>
          ${this.funds.map(f => html`<option value=${f.fundCode} ?selected=${f.fundCode === this.fund}>${f.fundCode}</option>`)}
        </select></label>`}
      ${chosen ? html`<div id="fund-docs" data-fund=${chosen.fundCode}>
        <h2>${t('fundDocs.documents')}</h2>
        ${documentsTable(chosen, this.zone, null)}
        <form class="fx-form" id="fund-upload" @submit=${e => this.upload(e)}>
          <h2>${t('dataroom.upload.title')}</h2>
          <p class="fx-muted">${t('fundDocs.upload.explain')}</p>
          <label>${t('dataroom.upload.file')}<input id="fund-file" name="file" type="file" accept="application/pdf,.pdf"></label>
          ${check(this.checks['fund-file'], 'fund-file')}
          <label>${t('dataroom.upload.kind')}<select id="fund-kind" name="kind">
            ${FUND_KINDS.map(k => html`<option value=${k}>${kind(k)}</option>`)}</select></label>
          <label>${t('dataroom.upload.docTitle')}<input id="fund-title" name="title" maxlength="200" autocomplete="off"></label>
          ${check(this.checks['fund-title'], 'fund-title')}
          <button id="fund-upload-submit" ?disabled=${this.busy}>${t('dataroom.upload.submit')}</button>
        </form>
        ${marketConsent(this, chosen.fundCode, this.shown?.get(chosen.fundCode))}</div>` : nothing}
      ${this.renderOutcome()}
    </section>`;
  }
}

addMessages({
  en: {
    'fundDocs.title': 'Fund documents',
    'fundDocs.intro': 'The documents of a fund you manage: upload a PDF and register it for the whole fund. The data room of every listing and offer of the fund shows it, behind that room\'s NDA and to the investors the room admits; the holders\' access logs show who opened it, when. A partnership agreement, quarterly reports and appraisal reports are yours; NDAs, capital account statements and consent letters are each holder\'s, in its own room.',
    'fundDocs.none': 'No fund names you as its manager.',
    'fundDocs.fund': 'Fund',
    'fundDocs.documents': 'Registered fund documents',
    'fundDocs.upload.explain': 'PDF only, at most 20 MiB; refused if it carries JavaScript, embedded files or encryption. The journal keeps its digest and your id as who registered it.',
    'fundDocs.registered': '{title} registered for fund {fund} (journal index {index}).',
  },
  'zh-CN': {
    'fundDocs.title': '基金文件',
    'fundDocs.intro': '您所管理基金的文件：上传 PDF 并为整只基金登记。该基金每一挂牌和报价的资料室都会显示该文件，受该资料室保密协议约束，仅向资料室允许的投资者展示；持有人的查阅记录显示谁在何时查阅。合伙协议、季度报告和评估报告由您登记；保密协议、资本账户报表和同意函由各持有人在其资料室登记。',
    'fundDocs.none': '没有基金指定您为管理人。',
    'fundDocs.fund': '基金',
    'fundDocs.documents': '已登记的基金文件',
    'fundDocs.upload.explain': '仅限 PDF，最大 20 MiB；含 JavaScript、嵌入文件或加密的文件将被拒绝。日志保存其摘要，并记录您为登记人。',
    'fundDocs.registered': '{title} 已为基金 {fund} 登记（日志序号 {index}）。',
  },
});

customElements.define('fx-manager-fund-documents', FxManagerFundDocuments);
