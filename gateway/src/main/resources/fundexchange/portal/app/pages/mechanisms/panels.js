// The investor's panel of each mechanism, by code: the English and sealed auctions' are their <name>-bid.js (which
// load investor code), the others' are on their module. Only the investor's listing page imports this.
import { investorPanel as englishPanel } from './english-bid.js';
import { investorPanel as sealedPanel } from './sealed-bid.js';

const PANELS = Object.freeze({ ENGLISH: englishPanel, SEALED: sealedPanel });

/** The investor's panel of mechanism {@code m} (a mechanism of index.js). */
export function investorPanel(m) {
  return PANELS[m.code] ?? m.investorPanel;
}
