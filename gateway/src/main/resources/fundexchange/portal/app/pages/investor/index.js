// The investor's pages (docs/portal.md, "Investor pages"); each registers itself.
import './listings.js';
import './book.js';
import './positions.js';
import './bids.js';
import './transfers.js';
import './qualification.js';
