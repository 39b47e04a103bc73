// "Data-room access log" for staff and regulators: the room of any listing or offer by its number (GET
// /listings/{id}/data-room, read whole): its documents, the investors it is directed to, who accepted which NDA
// version and who opened what, when, in the platform zone. Reading it journals nothing.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { DataRoomPage, SUBJECT, readRoom, documentsTable, renderOversight } from './common.js';

class FxDataRoomLog extends DataRoomPage {
  static properties = { ...DataRoomPage.properties, subject: { state: true }, room: { state: true } };

  constructor() {
    super();
    this.subject = '';
    this.room = undefined;
    this.after = 0;
  }

  async load(minIndex) {
    this.room = this.subject ? await readRoom(this.client, this.subject, minIndex, this.after) : undefined;
  }

  show(event) {
    event.preventDefault();
    const subject = event.target.elements.subject.value.trim();
    if (!SUBJECT.test(subject)) {
      this.checks = { 'room-subject': true };
      return;
    }
    this.checks = {};
    this.subject = subject;
    this.after = 0;
    this.room = undefined;
    this.refresh(0n);
  }

  render() {
    const zone = this.zone;
    return html`<section class="fx-page" id="data-room-log">
      <h1>${t('dataroom.nav.oversight')}</h1>
      <p class="fx-intro">${t('dataroom.oversight.intro')}</p>
      <form class="fx-form" id="room-find" @submit=${e => this.show(e)}>
        <label>${t('dataroom.subject.number')}<input id="room-subject" name="subject" inputmode="numeric" autocomplete="off"
          .value=${this.subject}></label>
        ${this.checks['room-subject'] ? html`<span class="fx-check-problem" id="room-subject-check">${t('dataroom.check.subject')}</span>`
          : nothing}
        <button id="room-find-submit">${t('dataroom.subject.show')}</button>
      </form>
      ${this.room === null ? html`<p class="fx-empty" id="room-hidden">${t('dataroom.room.hidden')}</p>` : nothing}
      ${this.room ? html`<div id="room" data-subject=${this.subject}>
        <h2>${t('dataroom.documents.title')}</h2>
        ${documentsTable(this.room, zone, null)}
        ${renderOversight(this.room, zone, after => {
          this.after = after;
          this.refresh(0n);
        })}</div>` : nothing}
    </section>`;
  }
}

customElements.define('fx-data-room-log', FxDataRoomLog);
