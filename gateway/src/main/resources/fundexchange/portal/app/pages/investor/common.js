// What the investor pages share (base PortalPage): funds, the exchange clock, the tab's own sealed prices.
import { t } from '../../i18n.js';
import { Exchange } from '../../api.js';
import { onSessionChange } from '../../session.js';
import { fundMoney } from '../funds.js';
import './messages.js';

export { PortalPage } from '../portal-page.js';
export { table } from '../table.js';
export { loadFunds as fundsByCode, fundMoney } from '../funds.js';

/** The roles that see the investor pages. */
export const INVESTOR = Object.freeze(['INVESTOR']);

/**
 * Measures the exchange's clock again (unsigned GET /exchange): the countdowns and the signatures follow the server's
 * time, never the PC's alone.
 */
export async function resyncClock(client) {
  try {
    client.exchange = await Exchange.connect();
  } catch {
    // keep the last offset; the next signed request re-measures on a clock refusal
  }
}

/** Milliseconds as [-]h:mm:ss. */
export function duration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The listing id of a hash route {@code #/<page>/<id>}, or null. */
export function routeId() {
  const match = /^#\/[a-z][a-z0-9-]*\/([0-9]{1,19})$/.exec(location.hash);
  return match ? match[1] : null;
}

// The investor's own sealed prices: this tab's sessionStorage only (never localStorage), dropped at sign-out.
const SEALED = 'fx.sealed.';

/** Remembers the price and nonce of the caller's sealed bid {@code bidId}, in this tab. */
export function rememberSealed(participant, bidId, price, nonce) {
  sessionStorage.setItem(`${SEALED}${participant}.${bidId}`, JSON.stringify({ price, nonce }));
}

/** The remembered {price, nonce} of a sealed bid of the caller, or null. */
export function sealedOf(participant, bidId) {
  try {
    return JSON.parse(sessionStorage.getItem(`${SEALED}${participant}.${bidId}`) ?? 'null');
  } catch {
    return null;
  }
}

export function forgetSealed(participant, bidId) {
  sessionStorage.removeItem(`${SEALED}${participant}.${bidId}`);
}

onSessionChange(current => {
  if (current) return;
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(SEALED)) sessionStorage.removeItem(key);
  }
});

/** The {@code fundMoney} of a price with the fund's currency, or the none sign. */
export function priceOrNone(text, fund) {
  return text === undefined || text === null || text === '' ? t('app.none') : fundMoney(text, fund);
}
