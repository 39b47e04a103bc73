// The listing mechanisms the portal knows (docs/portal.md, "Listing mechanisms"), in the order the pages offer them
// (names.js's MECHANISM_CODES). Each has one module: the holder's form fields, body and detail rows, and the
// investor's rows; its names are names.js's, and an investor panel that needs investor code is its <name>-bid.js
// (panels.js). The listing pages look a mechanism up here; a new mechanism is a module and a line below.
import { addMessages } from '../../i18n.js';
import { MECHANISM_CODES, MECHANISM_NAMES } from './names.js';
import { negotiated } from './negotiated.js';
import { english } from './english.js';
import { sealed } from './sealed.js';
import { dutch } from './dutch.js';

export const MECHANISMS = Object.freeze([negotiated, english, sealed, dutch]);
if (MECHANISMS.some((m, i) => m.code !== MECHANISM_CODES[i])) throw new Error('names.js lists the mechanisms in this order');
addMessages(MECHANISM_NAMES);

/** What a listing of a mechanism this portal does not know shows: its raw name, and no rows, fields or panel. */
const UNKNOWN = Object.freeze({
  auction: false,
  readsBids: false,
  holderFields: () => '',
  holderBody: () => {},
  holderRows: () => '',
  priceNow: () => undefined,
  changesAt: () => undefined,
  holderBidsNote: () => '',
  investorRows: () => '',
  investorPanel: () => '',
});

/** The mechanism of a listing or a form by its code (the API's `mechanism`); one the portal does not know degrades. */
export function mechanism(code) {
  return MECHANISMS.find(m => m.code === code) ?? { ...UNKNOWN, code };
}
