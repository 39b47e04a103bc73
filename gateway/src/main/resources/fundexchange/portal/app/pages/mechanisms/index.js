// The listing mechanisms the portal knows (docs/portal.md, "Listing mechanisms"), in the order the pages offer them.
// Each has one module: its names (every page's), the holder's form fields, body and detail rows, and the investor's
// rows and panel. The listing pages look a mechanism up here; a new mechanism is a module and a line below.
import { negotiated } from './negotiated.js';
import { english } from './english.js';
import { sealed } from './sealed.js';
import { dutch } from './dutch.js';

export const MECHANISMS = Object.freeze([negotiated, english, sealed, dutch]);

/** The mechanism of a listing or a form by its code (the API's `mechanism`). */
export function mechanism(code) {
  const found = MECHANISMS.find(m => m.code === code);
  if (!found) throw new RangeError(`no listing mechanism ${code}`);
  return found;
}
