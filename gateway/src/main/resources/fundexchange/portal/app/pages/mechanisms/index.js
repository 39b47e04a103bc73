// The listing mechanisms the portal knows (docs/portal.md, "Listing mechanisms"), in the order the pages offer them.
// Each has one module: its names and words, the holder's form fields, body and detail rows, and the investor's rows
// and panel; a panel that needs investor code is its <name>-bid.js, which the module names and only the investor's
// listing page loads (investorPanel). A module gives only what it has (the rest is NONE's); this index registers every
// module's names and its own refusals' texts (explainCode's code.<n>), and the pages that show a mechanism's name ask
// mechanismName. The listing pages look a mechanism up here; a new mechanism is a module and a line below.
import { nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { negotiated } from './negotiated.js';
import { english } from './english.js';
import { sealed } from './sealed.js';
import { dutch } from './dutch.js';
import { clock } from './clock.js';

/**
 * What a mechanism's module leaves out: no refusals of its own, no auction, no bids read, no fields, rows, note or
 * panel, no price of its own as read, nothing that changes the listing at a set time but its end, and no deposit hint
 * of its own (the investor's page then says a bid's or an acceptance's).
 */
const NONE = Object.freeze({
  codes: { en: {}, 'zh-CN': {} },
  auction: false,
  readsBids: false,
  depositHint: undefined,
  holderFields: () => nothing,
  holderBody: () => {},
  holderRows: () => nothing,
  priceNow: () => undefined,
  changesAt: () => undefined,
  holderBidsNote: () => nothing,
  investorRows: () => nothing,
  investorPanel: () => nothing,
});

export const MECHANISMS = Object.freeze([negotiated, english, sealed, dutch, clock].map(m => Object.freeze({ ...NONE, ...m })));
for (const m of MECHANISMS) addMessages(messagesOf(m));

/**
 * A module's names as message keys (the holder's and staff's mechanism.<code>, the investor's, the data room's) and
 * its refusals' texts as code.<n>.
 */
function messagesOf({ code, names, codes }) {
  const keys = ({ holder, investor, dataroom }, texts) => ({
    [`mechanism.${code}`]: holder, [`investor.mechanism.${code}`]: investor, [`dataroom.mechanism.${code}`]: dataroom,
    ...Object.fromEntries(Object.entries(texts).map(([n, text]) => [`code.${n}`, text])),
  });
  return { en: keys(names.en, codes.en), 'zh-CN': keys(names['zh-CN'], codes['zh-CN']) };
}

/** The message-key prefix of a mechanism's name for each reader. */
const NAME_KEYS = Object.freeze({ holder: 'mechanism', investor: 'investor.mechanism', dataroom: 'dataroom.mechanism' });

/**
 * The name of mechanism {@code code} for {@code reader} ('holder' for the holder's and staff's pages, 'investor',
 * 'dataroom'), in the active language: its module's, or, for a code no module registered, the code itself (text, which
 * the page escapes like any other).
 */
export function mechanismName(code, reader = 'holder') {
  return MECHANISMS.some(m => m.code === code) ? t(`${NAME_KEYS[reader]}.${code}`) : String(code ?? '');
}

/**
 * The investor's panel of mechanism {@code m}: its module's, or the one its <name>-bid.js exports, loaded here on demand
 * ({@code m.investorPanelModule}) so that only the investor's listing page ever loads that investor code.
 */
export async function investorPanel(m) {
  return m.investorPanelModule ? (await m.investorPanelModule()).investorPanel : m.investorPanel;
}

/** The mechanism of a listing or a form by its code (the API's `mechanism`); one the portal does not know degrades. */
export function mechanism(code) {
  return MECHANISMS.find(m => m.code === code) ?? { ...NONE, code };
}
