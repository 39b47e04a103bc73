// The fund manager's consent to publish a fund's own figures on the public market page (issue 23), a section of the
// manager's "Fund documents" page (dataroom/manager.js) for the fund chosen there: a signed SetMarketDataConsent
// {fundCode, publish} (POST /funds/{fundCode}/market-data-consent) written through the page, so its outcome line
// shows the answer. Its words are here.
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';

addMessages({
  en: {
    'market.consent.title': 'Market data',
    'market.consent.intro': 'Whether the public market page may show this fund\'s own figures (last trade, 90-day VWAP, volume, best bid and offer). They are shown only while at least k settled trades by k different sellers stand behind them (k is a platform parameter, 3 by default), and no participant is ever named. Strategy and vintage figures and the discount index count only the funds whose figures are published.',
    'market.consent.state': 'Published on the market page: {state}',
    'market.consent.yes': 'yes',
    'market.consent.no': 'no',
    'market.consent.unknown': 'not chosen (not published)',
    'market.consent.publish': 'Publish',
    'market.consent.withdraw': 'Stop publishing',
    'market.consent.published': 'Fund {fund}\'s figures are published on the market page (journal index {index}).',
    'market.consent.withdrawn': 'Fund {fund}\'s figures are no longer published (journal index {index}).',
    'market.consent.view': 'See the public market page',
  },
  'zh-CN': {
    'market.consent.title': '市场数据',
    'market.consent.intro': '公开市场页面是否可显示本基金自身的数据（最近成交、90 日成交量加权均价、成交份额、最优买卖价）。仅当有至少 k 笔、来自 k 个不同卖方的已结算成交支持时才会显示（k 为平台参数，默认 3），且不显示任何参与者。策略和设立年份数据及折价指数仅统计已发布数据的基金。',
    'market.consent.state': '在市场页面发布：{state}',
    'market.consent.yes': '是',
    'market.consent.no': '否',
    'market.consent.unknown': '未选择（不发布）',
    'market.consent.publish': '发布',
    'market.consent.withdraw': '停止发布',
    'market.consent.published': '基金 {fund} 的数据已在市场页面发布（日志序号 {index}）。',
    'market.consent.withdrawn': '基金 {fund} 的数据不再发布（日志序号 {index}）。',
    'market.consent.view': '查看公开市场页面',
  },
});

/** Signs and sends the manager's choice for {@code fund} through {@code page} (a PortalPage). */
export function setMarketConsent(page, fund, publish) {
  return page.write(`/funds/${encodeURIComponent(fund)}/market-data-consent`, { publish },
    publish ? 'market.consent.published' : 'market.consent.withdrawn', { fund });
}

/** The section for {@code fund}; {@code publish}: true, false, or undefined when never chosen. */
export function marketConsent(page, fund, publish) {
  const state = publish === undefined ? 'unknown' : publish ? 'yes' : 'no';
  return html`<section id="market-consent" data-fund=${fund} data-publish=${state}>
    <h2>${t('market.consent.title')}</h2>
    <p class="fx-muted">${t('market.consent.intro')}</p>
    <p id="market-consent-state">${t('market.consent.state', { state: t(`market.consent.${state}`) })}</p>
    <button id="market-publish" type="button" ?disabled=${page.busy || publish === true}
      @click=${() => setMarketConsent(page, fund, true)}>${t('market.consent.publish')}</button>
    <button id="market-withdraw" type="button" class="fx-secondary" ?disabled=${page.busy || publish === false}
      @click=${() => setMarketConsent(page, fund, false)}>${t('market.consent.withdraw')}</button>
    <a id="market-consent-view" href="#/market">${t('market.consent.view')}</a>
  </section>`;
}
