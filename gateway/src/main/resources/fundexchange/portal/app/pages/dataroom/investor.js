// "Data rooms" for an investor: teaser, then NDA, then the data room. It picks a listing or offer it may see (the
// teasers of GET /listings?status=OPEN and GET /offers?status=OPEN), reads its room (404: none open to it), reads the
// NDA (a PDF of kind NDA, opened like any document), accepts it with a signed AcceptNda naming its version and digest,
// then opens the documents in the watermarked viewer. Before the NDA the read withholds every other document's digest,
// size and pages, and this page shows no digest, size or page count of any document.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { units, time } from '../../format.js';
import { readWindow } from '../paging.js';
import { table } from '../table.js';
import { mechanismName } from '../mechanisms/index.js';
import { DataRoomPage, readRoom, currentNda, kind } from './common.js';

class FxInvestorDataRoom extends DataRoomPage {
  static properties = {
    ...DataRoomPage.properties, teasers: { state: true }, subject: { state: true }, room: { state: true },
  };

  constructor() {
    super();
    this.teasers = null; // [{id, text}]
    this.subject = '';
    this.room = undefined; // undefined: not read; null: none open to this investor
  }

  async load(minIndex) {
    const client = this.client;
    const [listings, offers] = await Promise.all([
      readWindow(client, '/listings?status=OPEN', 'listings', minIndex),
      readWindow(client, '/offers?status=OPEN', 'offers', minIndex)]);
    this.teasers = [
      ...listings.items.map(l => ({ id: String(l.listingId), text: t('dataroom.teaser.listing', {
        id: l.listingId, fund: l.fundCode, units: units(l.units), mechanism: mechanismName(l.mechanism, 'dataroom') }) })),
      ...offers.items.map(o => ({ id: String(o.offerId), text: t('dataroom.teaser.offer', {
        id: o.offerId, fund: o.fundCode, units: units(o.units), price: o.askPrice }) })),
    ].sort((a, b) => Number(a.id) - Number(b.id));
    if (!this.subject && this.teasers.length) this.subject = this.teasers[0].id;
    this.room = this.subject ? await readRoom(client, this.subject, minIndex) : undefined;
  }

  choose(event) {
    this.subject = event.target.value;
    this.room = undefined;
    this.closeViewer();
    this.refresh(0n);
  }

  async accept(nda) {
    await this.write(`/listings/${this.subject}/nda/accept`, { version: nda.ndaVersion, digest: nda.digest },
      'dataroom.ndaAccepted', { version: nda.ndaVersion });
  }

  render() {
    if (this.teasers === null) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    return html`<section class="fx-page fx-investor" id="investor-data-room">
      <h1>${t('dataroom.nav.investor')}</h1>
      <p class="fx-intro">${t('dataroom.investor.intro')}</p>
      <h2>${t('dataroom.teaser.title')}</h2>
      ${this.teasers.length === 0 ? html`<p class="fx-empty" id="room-teasers-empty">${t('dataroom.teaser.none')}</p>` : html`
        <label>${t('dataroom.subject')}<select id="room-subject" @change=${e => this.choose(e)}>
          ${this.teasers.map(s => html`<option value=${s.id} ?selected=${s.id === this.subject}>${s.text}</option>`)}
        </select></label>`}
      ${this.room === null ? html`<p class="fx-empty" id="room-hidden">${t('dataroom.room.hidden')}</p>` : nothing}
      ${this.room ? this.renderRoom() : nothing}
      ${this.renderOutcome()}
      ${this.renderViewer()}
    </section>`;
  }

  renderRoom() {
    const room = this.room;
    const nda = currentNda(room);
    const accepted = nda !== undefined && room.acceptedNdaVersion === nda.ndaVersion;
    const rows = (room.documents ?? []).filter(d => d.kind !== 'NDA').map(d => html`<tr id=${`room-document-${d.documentId}`}
        data-document=${d.documentId} data-kind=${d.kind}>
      <td>${d.documentId}</td><td>${kind(d.kind)}</td><td>${d.title}</td><td>${time(d.registeredAt, this.zone)}</td>
      <td>${accepted ? html`<button type="button" class="fx-secondary" id=${`room-open-${d.documentId}`} ?disabled=${this.busy}
        @click=${() => this.openDocument(d.documentId, d.title, d.fundDocument ? this.subject : undefined)}>${t('dataroom.open')}</button>`
        : html`<span class="fx-muted">${t('dataroom.locked')}</span>`}</td></tr>`);
    return html`<div id="room" data-subject=${this.subject} data-accepted=${String(room.acceptedNdaVersion ?? 0)}>
      <h2>${t('dataroom.nda.title')}</h2>
      ${nda === undefined ? html`<p class="fx-empty" id="room-nda-none">${t('dataroom.nda.none')}</p>` : html`
        <p id="room-nda" data-version=${nda.ndaVersion}>${t('dataroom.nda.current', { version: nda.ndaVersion, title: nda.title })}</p>
        <button type="button" class="fx-secondary" id="room-nda-read" ?disabled=${this.busy}
          @click=${() => this.openDocument(nda.documentId, nda.title)}>${t('dataroom.nda.read')}</button>
        ${accepted ? html`<p class="fx-note" id="room-nda-accepted">${t('dataroom.nda.accepted', { version: nda.ndaVersion })}</p>`
          : html`<button type="button" id="room-nda-accept" ?disabled=${this.busy}
          @click=${() => this.accept(nda)}>${t('dataroom.nda.accept', { version: nda.ndaVersion })}</button>`}`}
      <h2>${t('dataroom.documents.title')}</h2>
      ${table('room-documents', ['dataroom.document', 'dataroom.kind', 'dataroom.docTitle', 'dataroom.registeredAt', ''],
        rows, 'dataroom.documents.none')}
      <p class="fx-note" id="room-controls">${t('dataroom.viewer.controls')}</p>
    </div>`;
  }
}

customElements.define('fx-investor-data-room', FxInvestorDataRoom);
