// Test-only (ops test resources): PortalPage's lifecycle without a server, for PortalShellSystemTest: which entries of
// the live feed make a page read again (and at which minIndex), what a tick does to a page with and without a clock,
// how overlapping refreshes collapse, and the outcome line of an accepted, a refused and a failed write.
import { PortalPage } from '../app/pages/portal-page.js';
import { ApiProblem } from '../app/api.js';

class Probe extends PortalPage {
  constructor() {
    super();
    this.loads = [];
  }

  async load(minIndex) {
    this.loads.push(minIndex === undefined ? 'last write' : String(minIndex));
  }

  render() {
    return this.renderOutcome('probe-outcome');
  }
}

class ClockProbe extends Probe {
  static clock = true;
}

customElements.define('fx-probe', Probe);
customElements.define('fx-clock-probe', ClockProbe);

const ENTRIES = {
  emptyTick: { sourceIndex: 7, time: 1, kind: 'document', data: { sourceIndex: 7, participant: null, events: [] } },
  refusal: { sourceIndex: 8, time: 1, kind: 'document',
    data: { sourceIndex: 8, participant: 'Holder-01', outcome: { type: 'REJECTED', code: 3001 }, events: [] } },
  tickThatClosedAnAuction: { sourceIndex: 9, time: 1, kind: 'document',
    data: { sourceIndex: 9, participant: null, events: [{ type: 'AuctionClosed', listingId: 4 }] } },
  ownOutcome: { sourceIndex: 10, time: 1, kind: 'outcome', data: { clientRequestId: 'portal-1', outcome: {} } },
  event: { sourceIndex: 11, time: 1, kind: 'event', data: { type: 'BidPlaced', listingId: 4 } },
};

const reports = [];
const pause = () => new Promise(resolve => setTimeout(resolve, 0));

/** A page element with a client whose last write was at index 5 and whose writes answer {@code answers} in turn. */
function page(tag, answers = []) {
  const element = document.createElement(tag);
  element.context = {
    session: { participant: 'Staff-01' },
    client: { lastIndex: 5n, exchange: { zone: 'Asia/Shanghai', now: () => 1_795_000_000_000 },
      write: async () => answers.shift()() },
    report: error => reports.push(String(error?.message ?? error)),
  };
  document.body.append(element);
  return element;
}

/** What a page read after each delivery of the live feed ({@code cursor}, its entries by name). */
async function deliveries(element, list) {
  const seen = {};
  for (const [name, cursor, entries] of list) {
    const before = element.loads.length;
    element.hear(entries.map(entry => ENTRIES[entry]), cursor);
    await pause();
    seen[name] = { loads: element.loads.slice(before), now: element.now ?? null };
  }
  return seen;
}

function outcome(element) {
  const line = element.querySelector('#probe-outcome');
  return ['data-writes', 'data-state', 'data-code', 'data-index', 'title'].map(name => line.getAttribute(name))
    .concat(line.textContent.replace(/\s+/g, ' ').trim());
}

window.fxPageExamples = async () => {
  const plain = page('fx-probe', [
    async () => ({ status: 200, journalIndex: 12n, body: { events: [{ type: 'ListingSubmitted', listingId: 12 }] } }),
    async () => { throw new ApiProblem(409, 3001, 'not enough available units', 'portal-2'); },
    async () => { throw new Error('the signing agent declined'); },
  ]);
  await pause();
  const results = { opened: plain.loads.slice() };
  results.feed = await deliveries(plain, [
    ['heartbeat', '7', []],
    ['emptyTick', '7', ['emptyTick']],
    ['refusal', '8', ['refusal']],
    ['ownOutcome', '10', ['ownOutcome']],
    ['tickThatClosedAnAuction', '9', ['emptyTick', 'tickThatClosedAnAuction']],
    ['event', '11', ['ownOutcome', 'event']],
    ['eventBelowTheLastWrite', '3', ['event']],
  ]);
  const clock = page('fx-clock-probe');
  await pause();
  results.clock = await deliveries(clock, [['heartbeat', '7', []], ['emptyTick', '7', ['emptyTick']],
    ['event', '11', ['event']]]);
  const before = plain.loads.length;
  plain.refresh(20n);
  plain.refresh(22n);
  plain.refresh(21n);
  await pause();
  results.overlapping = plain.loads.slice(before);
  results.outcomes = [outcome(plain)];
  for (let i = 0; i < 3; i++) {
    await plain.write('/listings', {});
    await plain.updateComplete;
    results.outcomes.push(outcome(plain));
  }
  results.reports = reports;
  return results;
};
document.getElementById('state').textContent = 'ready';
