// Test-only (ops test resources): PortalPage's lifecycle without a server, for PortalShellSystemTest: which entries of
// the live feed make a page read again (and at which minIndex), what a tick does to a page with and without a clock,
// how overlapping refreshes collapse, the outcome line of an accepted, a refused and a failed write, a write that waits
// for the read a read on its way queued, the final outcome of a write answered 202, the regulator pages' live reads, and
// the staff's transfer terms on a fund switch.
import { PortalPage } from '../app/pages/portal-page.js';
import { ApiProblem } from '../app/api.js';
import '../app/pages/regulator/records.js';
import '../app/pages/regulator/report.js';
import '../app/pages/regulator/checkpoints.js';
import '../app/pages/consent/terms.js';

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

/** A probe whose next load waits until {@code release()} is called. */
class GatedProbe extends Probe {
  hold() {
    this.gate = new Promise(resolve => { this.release = resolve; });
  }

  async load(minIndex) {
    await super.load(minIndex);
    const gate = this.gate;
    this.gate = null;
    if (gate) await gate;
  }
}

customElements.define('fx-probe', Probe);
customElements.define('fx-clock-probe', ClockProbe);
customElements.define('fx-gated-probe', GatedProbe);

const ENTRIES = {
  emptyTick: { sourceIndex: 7, time: 1, kind: 'document', data: { sourceIndex: 7, participant: null, events: [] } },
  refusal: { sourceIndex: 8, time: 1, kind: 'document',
    data: { sourceIndex: 8, participant: 'Holder-01', outcome: { type: 'REJECTED', code: 3001 }, events: [] } },
  tickThatClosedAnAuction: { sourceIndex: 9, time: 1, kind: 'document',
    data: { sourceIndex: 9, participant: null, events: [{ type: 'AuctionClosed', listingId: 4 }] } },
  ownOutcome: { sourceIndex: 10, time: 1, kind: 'outcome', data: { clientRequestId: 'portal-1', outcome: {} } },
  event: { sourceIndex: 11, time: 1, kind: 'event', data: { type: 'BidPlaced', listingId: 4 } },
  pendingRefused: { sourceIndex: 13, time: 1, kind: 'outcome', data: { clientRequestId: 'portal-3',
    outcome: { status: 'REJECTED', code: 3001, reason: 'NOT_ENOUGH_UNITS', message: 'not enough available units' } } },
  pendingAccepted: { sourceIndex: 14, time: 1, kind: 'document', data: { sourceIndex: 14, participant: 'Staff-01',
    clientRequestId: 'portal-4', outcome: { status: 'ACCEPTED', code: 0 },
    events: [{ type: 'ListingSubmitted', listingId: 14 }] } },
  checkpoint: { sourceIndex: 15, time: 1, kind: 'document',
    data: { sourceIndex: 15, participant: 'Regulator-01', events: [{ type: 'CheckpointRecorded' }] } },
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
  return ['data-writes', 'data-state', 'data-code', 'data-index', 'title', 'role'].map(name => line.getAttribute(name))
    .concat(line.textContent.replace(/\s+/g, ' ').trim());
}

/** The colour of the outcome line's first paragraph on a role's page ({@code role}: its page class). */
function colour(element, role) {
  element.classList.add(role);
  const value = getComputedStyle(element.querySelector('#probe-outcome p')).color;
  element.classList.remove(role);
  return value;
}

/** A write that comes while a read is on its way resolves only after the read it queued: what was read by then. */
async function writeDuringARead() {
  const element = page('fx-gated-probe', [async () => ({ status: 200, journalIndex: 16n, body: { events: [] } })]);
  await pause();
  element.loads = [];
  element.hold();
  element.refresh(30n);
  const written = element.write('/listings', {}).then(() => element.loads.slice());
  await pause();
  const beforeRelease = element.loads.slice();
  element.release();
  return { beforeRelease, whenWriteResolved: await written };
}

/** Writes answered 202, then the feed bringing each one's outcome (refused, then accepted): line and reads. */
async function pendingWrites() {
  const element = page('fx-probe', [
    async () => ({ status: 202, journalIndex: 13n, requestId: 'portal-3', body: { status: 'PENDING' } }),
    async () => ({ status: 202, journalIndex: 14n, requestId: 'portal-4', body: { status: 'PENDING' } }),
  ]);
  await pause();
  const seen = [];
  for (const [entry, cursor] of [['pendingRefused', '13'], ['pendingAccepted', '14']]) {
    await element.write('/listings', {});
    await element.updateComplete;
    const pending = outcome(element);
    element.loads = [];
    element.hear([ENTRIES[entry]], cursor);
    await pause();
    await element.updateComplete;
    seen.push({ pending, settled: outcome(element), loads: element.loads.slice() });
  }
  return seen;
}

/** A regulator page with a client that answers reads with {@code read(path)}, not connected (no read of its own). */
function regulatorPage(tag, read) {
  const element = document.createElement(tag);
  element.context = {
    session: { participant: 'Regulator-01' },
    client: { lastIndex: 5n, exchange: { zone: 'Asia/Shanghai', now: () => 1_795_000_000_000 }, read },
    report: error => reports.push(String(error?.message ?? error)),
  };
  return element;
}

/**
 * The records page: a live read of the old filters, still on its way when a search is made and answered after the
 * search's own read would have been, shows nothing.
 */
async function recordsSearchDuringALiveRead() {
  const paths = [];
  let releaseOld;
  const old = new Promise(resolve => { releaseOld = () => resolve({ records: [], total: 'old filters' }); });
  const element = regulatorPage('fx-regulator-records', async path => {
    paths.push(path);
    return path.includes('fund=PS35') ? { records: [], total: 'PS35' } : old;
  });
  const live = element.refresh(20n);
  const searched = element.search({ preventDefault() {}, target: { fund: { value: 'PS35' }, participant: { value: '' },
    from: { value: '' }, to: { value: '' }, limit: { value: '20' } } });
  await pause();
  releaseOld();
  await live;
  await searched;
  return { paths, shown: element.page.total, pages: element.cursors.length };
}

/**
 * The staff's transfer terms: fund CPB chosen while CPA's terms are on their way; CPA's answer, come first, is not
 * shown under CPB (nothing is until CPB's terms come), then CPB's are.
 */
async function termsFundSwitchDuringASlowRead() {
  const paths = [];
  const gates = {};
  const element = regulatorPage('fx-staff-terms', async path => {
    paths.push(path);
    if (path === '/funds') return { funds: [{ code: 'CPA', shortName: 'A', legalForm: 'PARTNERSHIP' },
      { code: 'CPB', shortName: 'B', legalForm: 'LLC' }] };
    if (path.includes('/transfer-terms')) return new Promise(resolve => { gates[path] = resolve; });
    return {};
  });
  const first = element.choose('CPA');
  await pause();
  const second = element.choose('CPB');
  gates['/funds/CPA/transfer-terms']({ manager: 'Manager-A' });
  await first;
  await pause();
  const beforeItsOwn = element.terms === undefined ? 'nothing' : element.terms.manager;
  gates['/funds/CPB/transfer-terms']({ manager: 'Manager-B' });
  await second;
  return { terms: paths.filter(path => path.includes('/transfer-terms')), beforeItsOwn, fund: element.fund,
    shown: element.terms.manager };
}

/** Which entries make the report (today) and the checkpoints page (none, then one row pending) read again. */
function regulatorRelevance() {
  const report = regulatorPage('fx-regulator-report');
  report.date = '2026-11-18';
  const checkpoints = regulatorPage('fx-regulator-checkpoints');
  const names = ['emptyTick', 'refusal', 'tickThatClosedAnAuction', 'checkpoint'];
  const relevant = element => names.filter(name => element.relevant(ENTRIES[name]));
  const result = { report: relevant(report), checkpointsMatching: null, checkpointsPending: null };
  checkpoints.rows = [{ chain: 'MATCHES' }];
  result.checkpointsMatching = relevant(checkpoints);
  checkpoints.rows = [{ chain: 'MATCHES' }, { chain: 'PENDING' }];
  result.checkpointsPending = relevant(checkpoints);
  return result;
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
    if (i === 1) results.colours = { refused: colour(plain, 'fx-staff'), investorRefused: colour(plain, 'fx-investor') };
  }
  results.writeDuringARead = await writeDuringARead();
  results.pendingWrites = await pendingWrites();
  results.recordsSearchDuringALiveRead = await recordsSearchDuringALiveRead();
  results.termsFundSwitchDuringASlowRead = await termsFundSwitchDuringASlowRead();
  results.regulatorRelevance = regulatorRelevance();
  results.reports = reports;
  return results;
};
document.getElementById('state').textContent = 'ready';
