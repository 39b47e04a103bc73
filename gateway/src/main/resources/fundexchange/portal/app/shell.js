// <fx-app>: the portal's frame: header (navigation, language, participant, sign-out), the page or the sign-in screen,
// and the error toast {code, message, requestId}. Light DOM, so portal.css styles every page.
import { LitElement, html, nothing } from 'lit';
import { t, locale, setLocale, onLocaleChange, explainCode, LOCALES } from './i18n.js';
import { session, signOut, onSessionChange } from './session.js';
import { pagesFor, currentPageId, onRouteChange } from './router.js';
import { ApiProblem } from './api.js';
import { liveState, onLiveChange, LIVE_ROLES } from './live.js';
import './signin.js';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' };

/** Reports a failure to the shell's toast, from anywhere below it. */
export function reportProblem(element, error) {
  element.dispatchEvent(new CustomEvent('fx-problem', { detail: error, bubbles: true, composed: true }));
}

class FxApp extends LitElement {
  static properties = { problem: { state: true } };

  constructor() {
    super();
    this.problem = null;
    this.pageElements = new Map();
    this.unsubscribe = [];
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    const update = () => this.requestUpdate();
    this.unsubscribe.push(onLocaleChange(update), onRouteChange(update), onLiveChange(update), onSessionChange(() => {
      this.pageElements.clear();
      this.problem = null;
      this.requestUpdate();
    }));
    this.addEventListener('fx-problem', event => {
      this.problem = event.detail;
    });
  }

  disconnectedCallback() {
    this.unsubscribe.forEach(stop => stop());
    super.disconnectedCallback();
  }

  render() {
    const current = session();
    document.title = t('app.title');
    return html`
      <header class="fx-header">
        <div class="fx-brand"><span class="fx-title">${t('app.title')}</span>
          <span class="fx-subtitle">${t('app.subtitle')}</span></div>
        ${this.renderNavigation(current)}
        <div class="fx-tools">
          <label class="fx-language">${t('header.language')}
            <select id="fx-language" @change=${e => setLocale(e.target.value)}>
              ${LOCALES.map(name => html`<option value=${name} ?selected=${name === locale()}>${LANGUAGE_NAMES[name]}</option>`)}
            </select></label>
          ${current ? html`
            <span id="fx-participant" class="fx-participant">${t('header.signedInAs', { participant: current.participant })}</span>
            <span class="fx-roles">${current.roles.map(role => html`<span class="fx-role">${t(`role.${role}`)}</span>`)}</span>
            ${current.roles.some(role => LIVE_ROLES.includes(role)) ? this.renderLive() : nothing}
            <button id="fx-sign-out" type="button" @click=${signOut}>${t('header.signOut')}</button>` : nothing}
        </div>
      </header>
      <main class="fx-main">${this.renderPage(current)}</main>
      ${this.renderProblem()}`;
  }

  /** Whether this tab hears the live stream (read here, or by another tab of this browser), as text and attributes. */
  renderLive() {
    const live = liveState();
    return html`<span id="fx-live" class=${live.role === 'off' ? 'fx-live' : 'fx-live fx-live-on'} data-live=${live.role}
      data-cursor=${live.cursor} data-opened-after=${live.openedAfter}
      data-signer=${String(live.signer)}
      title=${t(live.signer && live.role === 'off' ? 'header.live.signer.title' : `header.live.${live.role}.title`)}>${t(live.role === 'off' ? 'header.live.off' : 'header.live.on')}</span>`;
  }

  renderNavigation(current) {
    const pages = pagesFor(current?.roles);
    const active = this.activePage(pages, current);
    return html`<nav class="fx-nav" aria-label=${t('header.navigation')}>
      ${pages.map(page => html`<a id=${`fx-nav-${page.id}`} href=${`#/${page.id}`}
        class=${page === active ? 'fx-active' : ''}>${t(page.titleKey)}</a>`)}</nav>`;
  }

  activePage(pages, current) {
    return pages.find(page => page.id === currentPageId()) ?? (current && pages[0]);
  }

  renderPage(current) {
    const page = this.activePage(pagesFor(current?.roles), current);
    if (!page) return current ? nothing : html`<fx-signin></fx-signin>`;
    // The default page (no route in the location) loads here: the router loads only a page the location names.
    if (page.load && !customElements.get(page.tag)) page.load().catch(error => console.error(error));
    let element = this.pageElements.get(page.id);
    if (!element) {
      element = document.createElement(page.tag);
      element.context = { session: current, client: current?.client, report: error => reportProblem(this, error) };
      this.pageElements.set(page.id, element);
    }
    return element;
  }

  renderProblem() {
    const problem = this.problem;
    if (!problem) return nothing;
    const isApi = problem instanceof ApiProblem;
    const message = isApi ? explainCode(problem.code, problem.message) : problem.reason ? t(problem.reason) : String(problem.message ?? problem);
    return html`<div id="fx-toast" class="fx-toast" role="alert">
      <p class="fx-toast-message">${message}</p>
      ${isApi ? html`<p class="fx-toast-code">${t('toast.code', { code: problem.code, requestId: problem.requestId ?? '' })}</p>
        <p class="fx-toast-server">${t('toast.server', { message: problem.message ?? '' })}</p>` : nothing}
      <button type="button" @click=${() => { this.problem = null; }}>${t('toast.close')}</button>
    </div>`;
  }
}

customElements.define('fx-app', FxApp);
