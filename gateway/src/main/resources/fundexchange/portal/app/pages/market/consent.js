// The fund manager's consent to publish a fund's own figures on the public market page (issue 23), a section of the
// manager's "Fund documents" page (dataroom/manager.js) for the fund chosen there: a signed SetMarketDataConsent
// {fundCode, publish} (POST /funds/{fundCode}/market-data-consent) written through the page, so its outcome line
// shows the answer. The section says whether the public read shows the fund now and the manager's standing choice
// (the signed GET /funds/{fundCode}/market-data-consent). Its words are here.
import { html } from 'lit';
import { t, addMessages } from '../../i18n.js';

addMessages({
  en: {
    'market.consent.title': 'Market data',
    'market.consent.intro': 'Whether the public market page may show this fund\'s own figures (last trade, 90-day VWAP, volume, best bid and offer). They are shown only while at least k settled trades by k different sellers and k different buyers stand behind them, none of them party to more than half the consideration (k is a platform parameter, 3 by default), and no participant is ever named. Strategy and vintage figures and the discount index count only the funds whose figures are published.',
    'market.consent.shown': 'Its figures are on the public market page now.',
    'market.consent.hidden': 'Its figures are not on the public market page now: you have not published them, or too few trades, sellers or buyers stand behind them.',
    'market.consent.unknown': 'Whether its figures are on the public market page could not be read.',
    'market.consent.chosePublish': 'Your standing choice: publish them.',
    'market.consent.choseWithdraw': 'Your standing choice: do not publish them.',
    'market.consent.neverChosen': 'You have not chosen yet, so they are withheld.',
    'market.consent.publish': 'Publish',
    'market.consent.withdraw': 'Stop publishing',
    'market.consent.published': 'Fund {fund}\'s figures are published on the market page (journal index {index}).',
    'market.consent.withdrawn': 'Fund {fund}\'s figures are no longer published (journal index {index}).',
    'market.consent.view': 'See the public market page',
  },
  'zh-CN': {
    'market.consent.title': '市场数据',
    'market.consent.intro': '公开市场页面是否可显示本基金自身的数据（最近成交、90 日成交量加权均价、成交份额、最优买卖价）。仅当有至少 k 笔、来自 k 个不同卖方和 k 个不同买方且无任何一方占成交金额一半以上的已结算成交支持时才会显示（k 为平台参数，默认 3），且不显示任何参与者。策略和设立年份数据及折价指数仅统计已发布数据的基金。',
    'market.consent.shown': '本基金的数据目前显示在公开市场页面上。',
    'market.consent.hidden': '本基金的数据目前未显示在公开市场页面上：您尚未同意发布，或支持数据的成交笔数、卖方或买方不足。',
    'market.consent.unknown': '无法读取本基金的数据是否显示在公开市场页面上。',
    'market.consent.chosePublish': '您当前的选择：发布。',
    'market.consent.choseWithdraw': '您当前的选择：不发布。',
    'market.consent.neverChosen': '您尚未作出选择，因此数据不予发布。',
    'market.consent.publish': '发布',
    'market.consent.withdraw': '停止发布',
    'market.consent.published': '基金 {fund} 的数据已在市场页面发布（日志序号 {index}）。',
    'market.consent.withdrawn': '基金 {fund} 的数据不再发布（日志序号 {index}）。',
    'market.consent.view': '查看公开市场页面',
  },
});

/** Whether each fund's own figures are on the public market page now (its unsigned read answers 200), by code. */
export async function marketShown(codes) {
  const answers = await Promise.all(codes.map(code => fetch(`/market-data/funds/${encodeURIComponent(code)}`,
    { cache: 'no-store', credentials: 'omit' }).then(r => r.status, () => 0)));
  return new Map(codes.map((code, i) => [code, answers[i] === 200 ? true : answers[i] === 404 ? false : undefined]));
}

/**
 * The manager's standing choice per fund (signed GET /funds/{fundCode}/market-data-consent): true, false, null when
 * never chosen, undefined when it could not be read.
 */
export async function marketChoices(client, codes, minIndex) {
  const query = minIndex === undefined ? {} : { minIndex };
  const answers = await Promise.all(codes.map(code => client.read(
    `/funds/${encodeURIComponent(code)}/market-data-consent`, query).then(a => a.setAtIndex === undefined ? null
    : a.publish, () => undefined)));
  return Object.fromEntries(codes.map((code, i) => [code, answers[i]]));
}

/** Signs and sends the manager's choice for {@code fund} through {@code page} (a PortalPage); remembers it there. */
export function setMarketConsent(page, fund, publish) {
  return page.write(`/funds/${encodeURIComponent(fund)}/market-data-consent`, { publish },
    publish ? 'market.consent.published' : 'market.consent.withdrawn', { fund },
    () => { page.marketChoices = { ...page.marketChoices, [fund]: publish }; });
}

/**
 * The section for {@code fund}: whether its figures are on the public page now ({@code shown}: true, false, or
 * undefined when unknown), the manager's standing choice, and the two signed choices.
 */
export function marketConsent(page, fund, shown) {
  const chosen = page.marketChoices?.[fund];
  const state = shown === undefined ? 'unknown' : shown ? 'shown' : 'hidden';
  return html`<section id="market-consent" data-fund=${fund} data-shown=${state}
      data-chosen=${chosen == null ? '' : String(chosen)}>
    <h2>${t('market.consent.title')}</h2>
    <p class="fx-muted">${t('market.consent.intro')}</p>
    <p id="market-consent-state">${t(`market.consent.${state}`)}${chosen === undefined ? ''
      : ` ${t(chosen === null ? 'market.consent.neverChosen'
        : chosen ? 'market.consent.chosePublish' : 'market.consent.choseWithdraw')}`}</p>
    <button id="market-publish" type="button" ?disabled=${page.busy}
      @click=${() => setMarketConsent(page, fund, true)}>${t('market.consent.publish')}</button>
    <button id="market-withdraw" type="button" class="fx-secondary" ?disabled=${page.busy}
      @click=${() => setMarketConsent(page, fund, false)}>${t('market.consent.withdraw')}</button>
    <a id="market-consent-view" href="#/market">${t('market.consent.view')}</a>
  </section>`;
}
