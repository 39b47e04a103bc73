// "Work queues": what waits for staff, with counts and how long each item has waited (in the platform zone, on the
// exchange's clock): listings awaiting approval (GET /listings?status=PENDING_APPROVAL, approved here), custody
// registrations awaiting approval (GET /custody?status=PENDING_APPROVAL, decided on the custody page), participants
// awaiting approval (GET /participants?status=PENDING, aged from their registration's journal time, whose approval is
// proposed here), maker-checker proposals awaiting a second staff member (GET /proposals?status=PENDING): approved
// here, never by their proposer or a party; and trades awaiting settlement (GET /trades?status=PENDING_SETTLEMENT, aged
// from their execution, settled on the settlement page). A queue longer than its page says so and offers the next
// page (paging.js).
import { html, nothing } from 'lit';
import { t, addMessages } from '../../i18n.js';
import { units, money, time } from '../../format.js';
import {
  StaffPage, loadFunds, fundLabel, journalTimes, waited, describeAction, renderApproval,
} from './common.js';
import { readWindow, Pager, renderPager } from '../paging.js';
import { mechanismName } from '../mechanisms/index.js';

const LIMIT = 100;
const PAGED = ['listings', 'custody', 'proposals'];

class FxStaffQueues extends StaffPage {
  static clock = true; // waiting times on the exchange's clock

  static properties = { ...StaffPage.properties, queues: { state: true }, now: { state: true } };

  constructor() {
    super();
    this.pagers = Object.fromEntries(PAGED.map(name => [name, new Pager()]));
  }

  connectedCallback() {
    super.connectedCallback();
    this.ticker = setInterval(() => { this.now = this.client.exchange.now(); }, 30_000);
  }

  disconnectedCallback() {
    clearInterval(this.ticker);
    super.disconnectedCallback();
  }

  async load(minIndex) {
    const read = path => this.client.read(path, { minIndex });
    const page = (name, path, field) => readWindow(this.client, path, field, minIndex,
      { start: this.pagers[name].start, pages: 1, size: LIMIT });
    const [funds, listings, custody, participants, proposals, trades] = await Promise.all([
      loadFunds(this.client, minIndex), page('listings', '/listings?status=PENDING_APPROVAL', 'listings'),
      page('custody', '/custody?status=PENDING_APPROVAL', 'registrations'), read('/participants?status=PENDING'),
      page('proposals', '/proposals?status=PENDING', 'proposals'),
      read(`/trades?status=PENDING_SETTLEMENT&limit=${LIMIT}`),
    ]);
    // A participant's pending approval proposal may lie on another page of the proposals queue: look in them all.
    const allProposals = proposals.nextAfter === undefined && this.pagers.proposals.depth === 0 ? proposals
      : await readWindow(this.client, '/proposals?status=PENDING', 'proposals', minIndex);
    this.approvals = allProposals.items.filter(p => p.action?.type === 'ApproveParticipant');
    // Each queue's oldest item is the first of its first page, wherever the page shown starts.
    const head = async (name, path, field, window) => (this.pagers[name].depth === 0 ? window.items[0]
      : (await read(`${path}&limit=1`))[field]?.[0]);
    const [oldestListing, oldestCustody, oldestProposal] = await Promise.all([
      head('listings', '/listings?status=PENDING_APPROVAL', 'listings', listings),
      head('custody', '/custody?status=PENDING_APPROVAL', 'registrations', custody),
      head('proposals', '/proposals?status=PENDING', 'proposals', proposals)]);
    const dated = [...(oldestListing ? [oldestListing.listingId] : []), ...(oldestCustody ? [oldestCustody.custodyId] : []),
      ...listings.items.map(l => l.listingId), ...custody.items.map(r => r.custodyId)];
    const submitted = await journalTimes(this.client, dated, minIndex);
    this.funds = funds;
    this.now = this.client.exchange.now();
    const queue = (name, window) => ({ items: window.items, nextAfter: window.nextAfter,
      more: window.nextAfter !== undefined || this.pagers[name].depth > 0 });
    this.queues = {
      listings: queue('listings', listings),
      custody: queue('custody', custody),
      participants: { items: participants.participants ?? [], more: false },
      proposals: queue('proposals', proposals),
      trades: { items: trades.trades ?? [], more: trades.nextAfter !== undefined },
      submitted,
      oldest: {
        listings: oldestListing && submitted.get(String(oldestListing.listingId)),
        custody: oldestCustody && submitted.get(String(oldestCustody.custodyId)),
        proposals: oldestProposal?.proposedAt,
      },
    };
  }

  /** "12" or "100+" when more pages follow. */
  static count(queue) {
    return queue.more ? `${queue.items.length}+` : String(queue.items.length);
  }

  ageCells(at) {
    if (at === undefined) return html`<td>${t('app.none')}</td><td>${t('app.none')}</td>`;
    return html`<td>${time(at, this.zone)}</td><td data-field="waiting">${waited(this.now - at)}</td>`;
  }

  render() {
    const q = this.queues;
    if (!q) return html`<p class="fx-busy">${t('app.loading')}</p>`;
    const oldest = items => items.length === 0 ? undefined : items[0];
    return html`<section class="fx-page fx-staff" id="queues-page">
      <h1>${t('queues.title')}</h1>
      ${this.renderFreshness()}
      ${this.renderOutcome()}
      <table class="fx-table" id="queue-summary">
        <thead><tr><th>${t('queues.queue')}</th><th>${t('queues.count')}</th><th>${t('queues.oldest')}</th></tr></thead>
        <tbody>
          ${this.summaryRow('listings', q.listings, q.oldest.listings)}
          ${this.summaryRow('custody', q.custody, q.oldest.custody)}
          ${this.summaryRow('participants', q.participants, FxStaffQueues.oldestRegistration(q.participants.items))}
          ${this.summaryRow('proposals', q.proposals, q.oldest.proposals)}
          ${this.summaryRow('trades', q.trades, oldest(q.trades.items) && (q.trades.items[0].executedAt ?? undefined),
            '#/staff-settlements')}
        </tbody></table>
      ${this.renderListings()}
      ${this.renderCustody()}
      ${this.renderParticipants()}
      ${this.renderProposals()}
      <p class="fx-note">${t('staff.timesIn', { zone: this.zone })}</p>
    </section>`;
  }

  summaryRow(name, queue, at, elsewhere) {
    return html`<tr id=${`queue-${name}`}><td>${elsewhere ? html`<a href=${elsewhere}>${t(`queues.${name}`)}</a>`
      : html`<a href=${`#/staff-queues`} @click=${e => {
        e.preventDefault();
        this.querySelector(`#queue-section-${name}`)?.scrollIntoView();
      }}>${t(`queues.${name}`)}</a>`}</td>
      <td data-field="count" id=${`queue-count-${name}`}>${FxStaffQueues.count(queue)}</td>
      <td data-field="oldest" id=${`queue-oldest-${name}`}>${at === undefined || at === null ? t('app.none') : waited(this.now - at)}</td></tr>`;
  }

  /** The earliest registration time among participants awaiting approval (those projected before V15 have none). */
  static oldestRegistration(items) {
    const times = items.map(p => p.registeredAt).filter(at => at !== undefined && at !== null);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  /** The note and buttons of a paged queue (paging.js). */
  pager(name) {
    return renderPager(`queue-${name}`, this.pagers[name], this.queues[name].nextAfter, () => this.refresh(0n),
      this.queues[name].items.length);
  }

  renderListings() {
    const { items } = this.queues.listings;
    return html`<h2 id="queue-section-listings">${t('queues.listings')}</h2>
      ${items.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="queue-listings">
        <thead><tr><th>${t('queues.listing')}</th><th>${t('staff.fund')}</th><th>${t('queues.mechanism')}</th>
          <th>${t('queues.seller')}</th><th>${t('queues.units')}</th><th>${t('queues.price')}</th>
          <th>${t('staff.submittedAt')}</th><th>${t('staff.waiting')}</th><th></th></tr></thead>
        <tbody>${items.map(l => html`<tr id=${`queue-listing-${l.listingId}`}>
          <td>${l.listingId}</td><td class="fx-text">${fundLabel(this.funds, l.fundCode)}</td>
          <td>${mechanismName(l.mechanism)}</td><td class="fx-text">${l.seller}</td><td>${units(l.units)}</td>
          <td>${money(l.price ?? l.startingPrice, this.funds.get(l.fundCode)?.currency)}</td>
          ${this.ageCells(this.queues.submitted.get(String(l.listingId)))}
          <td>${[l.seller, l.buyer].includes(this.me) ? html`<span class="fx-muted">${t('staff.proposal.bar.party')}</span>`
            : html`<button type="button" id=${`listing-approve-${l.listingId}`}
              @click=${() => this.write(`/listings/${l.listingId}/approve`, {})}>${t('queues.approveListing')}</button>`}</td>
        </tr>`)}</tbody></table>`}
      ${this.pager('listings')}`;
  }

  renderCustody() {
    const { items } = this.queues.custody;
    return html`<h2 id="queue-section-custody">${t('queues.custody')}</h2>
      ${items.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="queue-custody">
        <thead><tr><th>${t('queues.registration')}</th><th>${t('staff.fund')}</th><th>${t('queues.mode')}</th>
          <th>${t('queues.submitter')}</th><th>${t('queues.lines')}</th>
          <th>${t('staff.submittedAt')}</th><th>${t('staff.waiting')}</th><th></th></tr></thead>
        <tbody>${items.map(r => html`<tr id=${`queue-custody-${r.custodyId}`}>
          <td>${r.custodyId}</td><td class="fx-text">${fundLabel(this.funds, r.fundCode)}</td>
          <td>${t(`custodyMode.${r.mode}`)}</td><td class="fx-text">${r.submittedBy}</td><td>${r.entries.length}</td>
          ${this.ageCells(this.queues.submitted.get(String(r.custodyId)))}
          <td><a id=${`queue-custody-review-${r.custodyId}`} href=${`#/staff-custody/${r.custodyId}`}>${t('queues.review')}</a></td>
        </tr>`)}</tbody></table>`}
      ${this.pager('custody')}`;
  }

  /** The pending ApproveParticipant proposal of a participant, if any. */
  approvalProposal(participantId) {
    return this.approvals.find(p => p.action.participantId === participantId);
  }

  renderParticipants() {
    const { items } = this.queues.participants;
    return html`<h2 id="queue-section-participants">${t('queues.participants')}</h2>
      ${items.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="queue-participants">
        <thead><tr><th>${t('queues.participant')}</th><th>${t('queues.name')}</th><th>${t('queues.roles')}</th>
          <th>${t('queues.registeredAt')}</th><th>${t('staff.waiting')}</th><th>${t('queues.approval')}</th></tr></thead>
        <tbody>${items.map(p => {
          const proposal = this.approvalProposal(p.participantId);
          return html`<tr id=${`queue-participant-${p.participantId}`}>
          <td class="fx-text">${p.participantId}</td><td class="fx-text">${p.name}</td>
          <td>${p.roles.map(role => t(`role.${role}`)).join(', ')}</td>
          ${this.ageCells(p.registeredAt ?? undefined)}
          <td>${proposal ? t('queues.approvalProposed', { id: proposal.proposalId, proposer: proposal.proposer,
            waited: waited(this.now - proposal.proposedAt) })
            : p.participantId === this.me ? nothing : html`<button type="button" id=${`participant-propose-${p.participantId}`}
              @click=${() => this.write('/proposals', { action: { type: 'ApproveParticipant', participantId: p.participantId } })}>
              ${t('queues.proposeApproval')}</button>`}</td></tr>`;
        })}</tbody></table>`}`;
  }

  renderProposals() {
    const { items } = this.queues.proposals;
    return html`<h2 id="queue-section-proposals">${t('queues.proposals')}</h2>
      <p class="fx-intro">${t('queues.proposalsIntro')}</p>
      ${items.length === 0 ? html`<p class="fx-empty">${t('staff.none')}</p>` : html`<table class="fx-table" id="queue-proposals">
        <thead><tr><th>${t('queues.proposal')}</th><th>${t('queues.action')}</th><th>${t('queues.proposer')}</th>
          <th>${t('queues.proposedAt')}</th><th>${t('staff.waiting')}</th><th></th></tr></thead>
        <tbody>${items.map(p => html`<tr id=${`queue-proposal-${p.proposalId}`} data-type=${p.actionType}>
          <td>${p.proposalId}</td><td class="fx-text">${describeAction(p.action)}</td><td class="fx-text">${p.proposer}</td>
          ${this.ageCells(p.proposedAt)}
          <td>${renderApproval(this, p)}</td></tr>`)}</tbody></table>`}
      ${this.pager('proposals')}`;
  }
}

addMessages({
  en: {
    'queues.title': 'Work queues',
    'queues.queue': 'Queue',
    'queues.count': 'Waiting',
    'queues.oldest': 'Oldest has waited',
    'queues.listings': 'Listings awaiting approval',
    'queues.custody': 'Custody registrations awaiting approval',
    'queues.participants': 'Participants awaiting approval',
    'queues.proposals': 'Proposals awaiting a second staff member',
    'queues.proposalsIntro': 'Sensitive actions take effect when a staff member other than the proposer, and not a party to them, approves.',
    'queues.listing': 'Listing',
    'queues.mechanism': 'Mechanism',
    'queues.seller': 'Seller',
    'queues.units': 'Units',
    'queues.price': 'Price per unit',
    'queues.approveListing': 'Approve listing',
    'queues.registration': 'Registration',
    'queues.mode': 'Custody mode',
    'queues.submitter': 'Submitted by',
    'queues.lines': 'Lines',
    'queues.review': 'Review',
    'queues.participant': 'Participant',
    'queues.name': 'Name',
    'queues.roles': 'Roles',
    'queues.approval': 'Approval',
    'queues.approvalProposed': 'Proposal {id} by {proposer}, waiting {waited}',
    'queues.proposeApproval': 'Propose approval',
    'queues.proposal': 'Proposal',
    'queues.action': 'Action',
    'queues.proposer': 'Proposed by',
    'queues.proposedAt': 'Proposed',
    'queues.registeredAt': 'Registered',
    'queues.trades': 'Trades awaiting settlement',
  },
  'zh-CN': {
    'queues.title': '待办队列',
    'queues.queue': '队列',
    'queues.count': '待处理',
    'queues.oldest': '最早一项已等待',
    'queues.listings': '待审核挂牌',
    'queues.custody': '待审核托管登记',
    'queues.participants': '待核准参与者',
    'queues.proposals': '待第二名工作人员复核的提议',
    'queues.proposalsIntro': '敏感操作须由提议人以外、且与该事项无利害关系的工作人员复核后方才生效。',
    'queues.listing': '挂牌',
    'queues.mechanism': '方式',
    'queues.seller': '卖方',
    'queues.units': '份额',
    'queues.price': '每份额价格',
    'queues.approveListing': '审核通过',
    'queues.registration': '登记编号',
    'queues.mode': '托管方式',
    'queues.submitter': '提交人',
    'queues.lines': '登记行数',
    'queues.review': '审核',
    'queues.participant': '参与者',
    'queues.name': '名称',
    'queues.roles': '角色',
    'queues.approval': '核准',
    'queues.approvalProposed': '提议 {id}（{proposer}），已等待 {waited}',
    'queues.proposeApproval': '提议核准',
    'queues.proposal': '提议',
    'queues.action': '事项',
    'queues.proposer': '提议人',
    'queues.proposedAt': '提议时间',
    'queues.registeredAt': '登记时间',
    'queues.trades': '待交收成交',
  },
});

customElements.define('fx-staff-queues', FxStaffQueues);
