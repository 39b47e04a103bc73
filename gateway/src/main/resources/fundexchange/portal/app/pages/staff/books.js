// "Books" for staff (连续竞价簿): each fund's continuous book (GET /funds, then GET /books/{fund}: status, lot and
// depth; none yet answers 404), opened with a lot size (POST /books/{fund}/open; a halted book reopens with the same
// lot unless no order rests), halted (POST /books/{fund}/halt: resting orders stay and may be cancelled, nothing new
// enters or fills), and its pending trades settled in the daily batch (POST /books/{fund}/settle-batch).
import { html } from 'lit';
import { t } from '../../i18n.js';
import { units } from '../../format.js';
import { ApiProblem } from '../../api.js';
import { PortalPage } from '../portal-page.js';
import { amountProblem, check } from '../input.js';
import { loadFunds, state } from '../trading/common.js';
import './trading-messages.js';

/** At most this many funds' books are read on one page load. */
const MAX_FUNDS = 200;

class FxStaffBooks extends PortalPage {
  static properties = { ...PortalPage.properties, rows: { state: true }, checks: { state: true } };

  constructor() {
    super();
    this.checks = {};
  }

  async load(minIndex) {
    const funds = [...(await loadFunds(this.client, minIndex)).values()].slice(0, MAX_FUNDS);
    this.rows = await Promise.all(funds.map(async fund => {
      try {
        return { fund, book: await this.client.read(`/books/${encodeURIComponent(fund.code)}`, { minIndex }) };
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return { fund, book: null };
        throw error;
      }
    }));
  }

  /** Today's business date in the platform zone (yyyy-mm-dd), for the daily batch. */
  businessDate() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(this.client.exchange.now()));
  }

  async open(fund, book) {
    const id = `book-lot-${fund.code}`;
    const lot = book?.lotUnits && !this.querySelector(`#${id}`)?.value ? book.lotUnits
      : (this.querySelector(`#${id}`)?.value ?? '').trim();
    const problem = amountProblem(lot, 2);
    this.checks = problem ? { [id]: problem } : {};
    if (!problem) await this.write(`/books/${encodeURIComponent(fund.code)}/open`, { lotUnits: lot });
  }

  render() {
    if (!this.rows) return html`<section class="fx-page"><p class="fx-busy">${t('app.loading')}</p></section>`;
    const busy = this.busy;
    return html`<section class="fx-page fx-staff" id="staff-books">
      <h1>${t('staff.nav.books')}</h1>
      <p class="fx-intro">${t('otc.staff.books.intro')}</p>
      ${this.renderFreshness()}
      ${this.renderOutcome('staff-outcome')}
      ${this.rows.length === 0 ? html`<p class="fx-empty">${t('otc.none')}</p>` : html`
        <table class="fx-table" id="books-table"><thead><tr><th>${t('otc.fund')}</th><th>${t('otc.status')}</th>
          <th>${t('otc.staff.lot')}</th><th>${t('otc.staff.depth')}</th><th>${t('otc.actions')}</th></tr></thead>
          <tbody>${this.rows.map(({ fund, book }) => {
            const code = fund.code;
            const depth = book ? t('otc.staff.depthValue', {
              bids: book.bids.reduce((n, level) => n + level.orders, 0),
              asks: book.asks.reduce((n, level) => n + level.orders, 0) }) : t('app.none');
            const lotId = `book-lot-${code}`;
            return html`<tr id=${`book-${code}`} data-fund=${code} data-status=${book?.status ?? 'NONE'}>
              <td>${code} · ${fund.shortName}</td><td>${book ? state('book', book.status) : t('otc.staff.noBook')}</td>
              <td>${book ? units(book.lotUnits) : t('app.none')}</td><td>${depth}</td>
              <td><div class="fx-actions">
                ${book?.status === 'OPEN' ? html`
                  <button type="button" class="fx-secondary" id=${`book-halt-${code}`} ?disabled=${busy}
                    @click=${() => this.write(`/books/${encodeURIComponent(code)}/halt`, {})}>${t('otc.staff.halt')}</button>
                  <button type="button" class="fx-secondary" id=${`book-batch-${code}`} ?disabled=${busy}
                    @click=${() => this.write(`/books/${encodeURIComponent(code)}/settle-batch`, { businessDate: this.businessDate() })}>${t('otc.staff.settleBatch', { date: this.businessDate() })}</button>` : html`
                  <input class="fx-small" id=${lotId} inputmode="decimal" autocomplete="off"
                    placeholder=${book?.lotUnits ?? t('otc.staff.lot')} aria-label=${t('otc.staff.lot')}>
                  ${check(this.checks[lotId], lotId)}
                  <button type="button" id=${`book-open-${code}`} ?disabled=${busy}
                    @click=${() => this.open(fund, book)}>${t(book ? 'otc.staff.reopen' : 'otc.staff.open')}</button>`}
              </div></td></tr>`;
          })}</tbody></table>`}
    </section>`;
  }
}

customElements.define('fx-staff-books', FxStaffBooks);
