// "Data rooms" for a holder: the room of each listing it sells (pending or open) and each open offer it holds. It
// uploads a PDF (PUT /documents, the raw bytes signed by the browser), registers it with its kind and title
// (POST /listings/{id}/documents; an NDA publishes the next NDA version), names the investors the room is directed to
// (POST /listings/{id}/directed), opens its own documents, and reads who accepted which NDA and who opened what, when.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units } from '../../format.js';
import { check } from '../input.js';
import { mechanismName } from '../mechanisms/index.js';
import {
  DataRoomPage, KINDS, readRoom, readAll, documentsTable, renderOversight, kind,
} from './common.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

class FxHolderDataRoom extends DataRoomPage {
  static properties = {
    ...DataRoomPage.properties, subjects: { state: true }, subject: { state: true }, room: { state: true },
  };

  constructor() {
    super();
    this.subjects = null; // [{id, label}]
    this.subject = '';
    this.room = null;
    this.after = 0;
  }

  async load(minIndex) {
    const client = this.client;
    const [pending, open, offers] = await Promise.all([
      readAll(client, '/listings?status=PENDING_APPROVAL', 'listings', minIndex),
      readAll(client, '/listings?status=OPEN', 'listings', minIndex),
      readAll(client, `/offers?${new URLSearchParams({ holder: this.participant, status: 'OPEN' })}`, 'offers', minIndex)]);
    const listings = [...pending.items, ...open.items].filter(l => l.seller === this.participant)
      .map(l => ({ id: String(l.listingId), label: t('dataroom.teaser.listing', {
        id: l.listingId, fund: l.fundCode, units: units(l.units), mechanism: mechanismName(l.mechanism, 'dataroom') }) }));
    const own = offers.items.map(o => ({ id: String(o.offerId), label: t('dataroom.teaser.offer', {
      id: o.offerId, fund: o.fundCode, units: units(o.units), price: o.askPrice }) }));
    this.subjects = [...listings, ...own].sort((a, b) => Number(a.id) - Number(b.id));
    if (!this.subject && this.subjects.length) this.subject = this.subjects.at(-1).id;
    this.room = this.subject ? await readRoom(client, this.subject, minIndex, this.after) : null;
  }

  choose(event) {
    this.subject = event.target.value;
    this.after = 0;
    this.room = null;
    this.closeViewer();
    this.refresh(0n);
  }

  /** Uploads the chosen PDF, then registers its digest in the room chosen at submit. */
  upload(event) {
    const subject = this.subject;
    return this.uploadPdf(event, 'room', (stored, kind, title) => ({
      path: `/listings/${subject}/documents`,
      body: { digest: stored.digest, kind, title, size: stored.size, pages: stored.pages },
      message: 'dataroom.registered', params: { title },
    }));
  }

  async direct(event) {
    event.preventDefault();
    const investors = event.target.elements.investors.value.split(/[\s,]+/).filter(Boolean);
    if (investors.length > 200 || investors.some(id => !ID.test(id))) {
      this.checks = { 'room-investors': { key: 'dataroom.check.investors' } };
      return;
    }
    this.checks = {};
    await this.write(`/listings/${this.subject}/directed`, { investors }, 'dataroom.directed');
  }

  render() {
    if (this.subjects === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const zone = this.zone;
    return html`<section class="fx-page fx-holder" id="holder-data-room">
      <h1>${t('dataroom.nav.holder')}</h1>
      <p class="fx-intro">${t('dataroom.holder.intro')}</p>
      ${this.subjects.length === 0 ? html`<p class="fx-empty" id="room-subjects-empty">${t('dataroom.subject.none')}</p>` : html`
        <label>${t('dataroom.subject')}<select id="room-subject" @change=${e => this.choose(e)}>
          ${this.subjects.map(s => html`<option value=${s.id} ?selected=${s.id === this.subject}>${s.label}</option>`)}
        </select></label>`}
      ${this.room ? this.renderRoom(zone) : nothing}
      ${this.renderOutcome()}
      ${this.renderViewer()}
    </section>`;
  }

  renderRoom(zone) {
    const room = this.room;
    return html`<div id="room" data-subject=${this.subject}>
      <h2>${t('dataroom.documents.title')}</h2>
      ${documentsTable(room, zone, d => this.openDocument(d.documentId, d.title, d.fundCode ? this.subject : undefined))}
      <form class="fx-form" id="room-upload" @submit=${e => this.upload(e)}>
        <h2>${t('dataroom.upload.title')}</h2>
        <p class="fx-muted">${t('dataroom.upload.explain')}</p>
        <label>${t('dataroom.upload.file')}<input id="room-file" name="file" type="file" accept="application/pdf,.pdf"></label>
        ${check(this.checks['room-file'], 'room-file')}
        <label>${t('dataroom.upload.kind')}<select id="room-kind" name="kind">
          ${KINDS.map(k => html`<option value=${k}>${kind(k)}</option>`)}</select></label>
        <label>${t('dataroom.upload.docTitle')}<input id="room-title" name="title" maxlength="200" autocomplete="off"></label>
        ${check(this.checks['room-title'], 'room-title')}
        <button id="room-upload-submit" ?disabled=${this.busy}>${t('dataroom.upload.submit')}</button>
      </form>
      <form class="fx-form" id="room-direct" @submit=${e => this.direct(e)}>
        <h2>${t('dataroom.direct.title')}</h2>
        <p class="fx-muted">${t('dataroom.direct.explain')}</p>
        <label>${t('dataroom.direct.investors')}<textarea id="room-investors" name="investors" rows="2"
          .value=${(room.directedTo ?? []).join(' ')}></textarea></label>
        ${check(this.checks['room-investors'], 'room-investors')}
        <button id="room-direct-submit" ?disabled=${this.busy}>${t('dataroom.direct.submit')}</button>
      </form>
      ${renderOversight(room, zone, after => {
        this.after = after;
        this.refresh(0n);
      })}
    </div>`;
  }
}

customElements.define('fx-holder-data-room', FxHolderDataRoom);
