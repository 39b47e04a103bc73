// Regulator: the audit records (GET /audit/records) by time, participant and fund, a page at a time with the exact
// total; and a signed audit bundle (GET /audit/bundle) of indices 1..N, downloaded as a file, with the exact command
// that verifies it offline. Route: #/regulator-records.
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time } from '../../format.js';
import { zonedToEpoch } from '../../zoned.js';
import { sha256Hex } from '../../signing.js';
import { PortalPage, table, shortHex, audited } from './common.js';

const LIMITS = [20, 50, 100];
const ID = /^[A-Za-z0-9._-]{1,64}$/;

class FxRegulatorRecords extends PortalPage {
  static properties = {
    ...PortalPage.properties, page: { state: true }, problem: { state: true }, bundle: { state: true },
    bundleIndex: { state: true }, downloading: { state: true },
  };

  constructor() {
    super();
    this.filters = { fund: '', participant: '', from: '', to: '', limit: 20 };
    this.cursors = [];  // the `after` of each page shown so far: [undefined, nextAfter of page 1, ...]
    this.asked = 0; // bumped by each search, next and previous: a read begun before one shows nothing
    this.page = null;
    this.problem = null;
    this.bundle = null;
    this.bundleIndex = '';
    this.downloading = false;
  }

  /** The query of the filters, or a problem key when one is malformed (nothing is sent then). */
  query(after) {
    const f = this.filters;
    const params = new URLSearchParams();
    for (const name of ['fund', 'participant']) {
      const value = f[name].trim();
      if (value && !ID.test(value)) return { problem: `regulator.records.check.${name}` };
      if (value) params.set(name, value);
    }
    for (const name of ['from', 'to']) {
      const value = f[name].trim();
      if (!value) continue;
      const epoch = zonedToEpoch(value, this.zone);
      if (epoch === null) return { problem: 'regulator.records.check.time' };
      params.set(name, String(epoch));
    }
    params.set('limit', String(f.limit));
    if (after !== undefined) params.set('after', String(after));
    return { path: `/audit/records?${params}` };
  }

  /** Every document but a Tick that fired nothing: the audit index holds refusals too. */
  relevant(entry) {
    return audited(entry);
  }

  /** Reads the page that starts after the last cursor, with the filters and cursors as they are now. */
  async load(minIndex) {
    const asked = this.asked;
    const after = this.cursors.length === 0 ? undefined : this.cursors[this.cursors.length - 1];
    const { path, problem } = this.query(after);
    this.problem = problem ?? null;
    if (problem) return;
    const answer = await this.client.read(path, { minIndex });
    if (asked !== this.asked) return;
    if (this.cursors.length === 0) this.cursors.push(after);
    this.page = answer;
    const records = answer.records ?? [];
    if (this.bundleIndex === '' && records.length > 0) this.bundleIndex = String(records[records.length - 1].sourceIndex);
  }

  /** Changes what the page shows ({@code change}), then reads it through refresh, after any read on its way. */
  move(change) {
    this.asked++;
    change();
    return this.refresh();
  }

  search(event) {
    event.preventDefault();
    const form = event.target;
    this.filters = {
      fund: form.fund.value, participant: form.participant.value, from: form.from.value, to: form.to.value,
      limit: Number(form.limit.value),
    };
    return this.move(() => {
      this.cursors = [];
      this.bundleIndex = '';
    });
  }

  next() {
    const after = this.page.nextAfter;
    return this.move(() => this.cursors.push(after));
  }

  previous() {
    return this.move(() => this.cursors.pop());
  }

  /** Downloads indices 1..N as the gateway names the file, and shows the command that verifies it. */
  async download() {
    const toIndex = this.bundleIndex.trim();
    if (!/^[1-9][0-9]{0,18}$/.test(toIndex)) {
      this.bundle = { problem: 'regulator.bundle.check.index' };
      return;
    }
    this.downloading = true;
    this.bundle = null;
    try {
      const answer = await this.client.signedFetch('GET', `/audit/bundle?toIndex=${toIndex}`);
      const blob = answer.body;
      const name = `audit-bundle-1-${toIndex}.jsonl`;
      const digest = await sha256Hex(new Uint8Array(await blob.arrayBuffer()));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.bundle = { name, toIndex, digest, bytes: blob.size };
    } catch (error) {
      this.context.report(error);
    } finally {
      this.downloading = false;
    }
  }

  /** The exact command line: the file as downloaded, bound to this exchange's platform id. */
  command(name) {
    return `exchange audit verify ${name} --platform-id ${this.client.exchange.platformId}`;
  }

  render() {
    const f = this.filters;
    const records = this.page?.records ?? [];
    const pageNumber = this.cursors.length;
    return html`<section class="fx-page fx-regulator">
      <h1>${t('regulator.records.title')}</h1>
      ${this.renderFreshness()}
      <p class="fx-intro">${t('regulator.records.intro', { zone: this.zone })}</p>
      <form id="records-filters" class="fx-filters" @submit=${e => this.search(e)}>
        <label>${t('regulator.records.fund')}<input id="records-fund" name="fund" .value=${f.fund} maxlength="64"></label>
        <label>${t('regulator.records.participant')}<input id="records-participant" name="participant" .value=${f.participant} maxlength="64"></label>
        <label>${t('regulator.records.from')}<input id="records-from" name="from" .value=${f.from} placeholder="yyyy-mm-dd hh:mm"></label>
        <label>${t('regulator.records.to')}<input id="records-to" name="to" .value=${f.to} placeholder="yyyy-mm-dd hh:mm"></label>
        <label>${t('regulator.records.limit')}<select id="records-limit" name="limit">
          ${LIMITS.map(n => html`<option value=${n} ?selected=${n === f.limit}>${n}</option>`)}</select></label>
        <button id="records-search" type="submit">${t('regulator.records.search')}</button>
      </form>
      ${this.problem ? html`<p id="records-problem" class="fx-problem">${t(this.problem)}</p>` : nothing}
      ${this.page ? html`
        <p id="records-total" data-total=${this.page.total} data-page=${pageNumber}>${t('regulator.records.total', { total: this.page.total, page: pageNumber })}</p>
        ${table('records-table', ['regulator.records.index', 'regulator.records.time', 'regulator.records.participant',
          'regulator.records.command', 'regulator.records.fund', 'regulator.records.outcome', 'regulator.records.link', ''],
          records.map(r => html`<tr id=${`record-${r.sourceIndex}`} data-index=${r.sourceIndex} data-fund=${r.fundCode ?? ''}
            data-command=${r.commandType}><td>${r.sourceIndex}</td><td>${time(r.time, this.zone)}</td>
            <td>${r.participant ?? t('regulator.records.unsigned')}</td><td>${r.commandType}</td><td>${r.fundCode ?? t('app.none')}</td>
            <td>${t(`regulator.outcome.${r.outcome}`)}${r.rejectCode ? html` <span class="fx-code">${r.rejectCode}</span>` : nothing}</td>
            <td>${shortHex(r.link)}</td>
            <td><button type="button" class="fx-link" id=${`bundle-at-${r.sourceIndex}`}
              @click=${() => { this.bundleIndex = String(r.sourceIndex); }}>${t('regulator.bundle.upTo')}</button></td></tr>`),
          'regulator.records.none')}
        <div class="fx-actions">
          <button id="records-previous" type="button" class="fx-secondary" ?disabled=${pageNumber <= 1} @click=${() => this.previous()}>${t('regulator.records.previous')}</button>
          <button id="records-next" type="button" class="fx-secondary" ?disabled=${this.page.nextAfter === undefined} @click=${() => this.next()}>${t('regulator.records.next')}</button>
          ${this.renderRefresh('records-refresh')}
        </div>` : html`<p class="fx-busy">${t('app.loading')}</p>`}
      ${this.renderBundle()}
    </section>`;
  }

  renderBundle() {
    const b = this.bundle;
    return html`<h2>${t('regulator.bundle.title')}</h2>
      <p class="fx-intro">${t('regulator.bundle.intro')}</p>
      <div class="fx-actions">
        <label>${t('regulator.bundle.toIndex')} <input id="bundle-to-index" class="fx-small" .value=${this.bundleIndex}
          @input=${e => { this.bundleIndex = e.target.value; }}></label>
        <button id="bundle-download" type="button" ?disabled=${this.downloading} @click=${() => this.download()}>${t('regulator.bundle.download')}</button>
      </div>
      ${b?.problem ? html`<p id="bundle-problem" class="fx-problem">${t(b.problem)}</p>` : nothing}
      ${b && !b.problem ? html`<div id="bundle-done" class="fx-outcome fx-outcome-ok" data-file=${b.name} data-to-index=${b.toIndex}>
        <p>${t('regulator.bundle.saved', { name: b.name, bytes: b.bytes })}</p>
        <p class="fx-outcome-detail">${t('regulator.bundle.digest')} <code id="bundle-digest">${b.digest}</code></p>
        <p>${t('regulator.bundle.run')}</p>
        <pre><code id="bundle-command">${this.command(b.name)}</code></pre>
        <p class="fx-outcome-detail">${t('regulator.bundle.explain')}</p></div>` : nothing}`;
  }
}

customElements.define('fx-regulator-records', FxRegulatorRecords);
