// Live updates: one signed GET /stream per browser and participant, led by one tab (a Web Lock) and shared with
// the others over a BroadcastChannel; the design, its fallbacks and limits are in docs/portal.md, "Live updates".
import { session, onSessionChange } from './session.js';
import { LocalSigner, SignerProblem } from './signer.js';

/** The roles whose pages follow the stream. */
export const LIVE_ROLES = Object.freeze(['HOLDER', 'INVESTOR', 'MANAGER', 'STAFF', 'REGULATOR', 'BANK']);
const RETRY_MS = [1000, 2000, 5000, 10000, 30000];
/** Codes after which no tab of the key tries again: suspended, not yet approved, the key revoked (160, 161 pass). */
const STOP_CODES = new Set([140, 141, 162]);
const feedListeners = new Set();
const stateListeners = new Set();
let current = null; // {participant, client, channel, abort, cursor (BigInt), role, openedAfter}

/**
 * Calls {@code listener(entries, index)} with each feed page of the signed-in participant (entries as GET /feed
 * answers them; index: the page's cursor, a decimal string), and with {@code ([], index)} on each heartbeat; returns
 * its removal.
 */
export function onFeed(listener) {
  feedListeners.add(listener);
  return () => feedListeners.delete(listener);
}

/**
 * Whether a feed entry reports a change of state (docs/api.md, Feeds): an event of a participant's feed, or a document
 * of the staff's and regulators' feed that holds events. Not the outcome of one's own request, nor a document without
 * events: a refusal, or a Tick that fired no deadline.
 */
export function changes(entry) {
  if (entry?.kind === 'event') return true;
  return entry?.kind === 'document' && Array.isArray(entry.data?.events) && entry.data.events.length > 0;
}

/** Calls {@code listener()} whenever this tab's part in the stream changes; returns its removal. */
export function onLiveChange(listener) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/**
 * This tab's part: {role: 'leader' (it reads the stream), 'follower' (another tab does and it hears it) or 'off',
 * cursor: the last feed cursor it heard (decimal string), openedAfter: the cursor its own stream resumed after,
 * signer: whether this tab leads no stream because it signs through the local agent}.
 */
export function liveState() {
  return {
    role: current?.role ?? 'off', cursor: String(current?.cursor ?? 0n), openedAfter: current?.openedAfter ?? '',
    signer: current ? !current.leads : false,
  };
}

/** Whether this tab, or another one of this browser, is reading the stream right now. */
export function streaming() {
  return liveState().role !== 'off';
}

function deliver(entries, index) {
  for (const listener of feedListeners) {
    try {
      listener(entries, index);
    } catch (error) {
      console.error(error);
    }
  }
}

function changed() {
  for (const listener of stateListeners) listener();
}

function setRole(state, role) {
  if (state.role === role) return;
  state.role = role;
  if (state === current) changed();
}

/** Joins (or leaves) the stream of the session this tab has now. */
function follow() {
  const active = session();
  if (current && active && current.client === active.client) return;
  leave();
  if (!active || !active.roles.some(role => LIVE_ROLES.includes(role))) return;
  if (!('locks' in navigator) || !('BroadcastChannel' in self)) return;
  const state = {
    participant: active.participant, keyId: active.keyId, client: active.client, abort: new AbortController(),
    cursor: 0n, role: 'off', openedAfter: '', leading: false, leads: !(active.client.key instanceof LocalSigner),
  };
  state.channel = new BroadcastChannel(`fx-live-${active.participant}`);
  state.channel.addEventListener('message', event => hear(state, event.data ?? {}));
  current = state;
  post(state, { type: 'hello' });
  if (state.leads) {
    navigator.locks.request(`fx-stream-${active.participant}`, { signal: state.abort.signal }, () => lead(state))
      .catch(() => {});
  }
  changed();
}

/**
 * A tab that leads no stream learns that the leader it follows is gone from a shared request for the leader's lock,
 * granted (and released at once) when the leader releases it; it asks again once it hears a leader.
 */
function watch(state) {
  if (state.leads || state.watching) return;
  state.watching = true;
  navigator.locks.request(`fx-stream-${state.participant}`, { mode: 'shared', signal: state.abort.signal }, () => {
    state.watching = false;
    setRole(state, 'off');
  }).catch(() => {});
}

function leave() {
  if (!current) return;
  const state = current;
  current = null;
  state.abort.abort();
  state.channel.close();
  changed();
}

onSessionChange(follow);
follow();

/** A message from another tab of this participant. */
function hear(state, message) {
  if (message.type === 'hello') {
    if (state.leading) post(state, { type: 'state', live: state.role === 'leader', cursor: String(state.cursor) });
    return;
  }
  if (state.leading) return; // (a leader that lost its stream hears nothing it does not know)
  if (message.type === 'stopped') {
    if (message.keyId !== state.keyId) return; // a tab with another key of the participant goes on
    state.abort.abort(); // no tab of this key tries again: the cause is the key's or the participant's
    setRole(state, 'off');
    return;
  }
  if (message.type === 'state') setRole(state, message.live ? 'follower' : 'off');
  else setRole(state, 'follower');
  watch(state);
  apply(state, message);
}

/** A feed page or heartbeat, heard from the stream or from the leader. */
function apply(state, message) {
  if (state !== current) return; // a stream of a session this tab has left
  if (typeof message.cursor === 'string' && /^[0-9]+$/.test(message.cursor) && BigInt(message.cursor) > state.cursor) {
    state.cursor = BigInt(message.cursor);
    changed();
  }
  if (message.type === 'feed') {
    deliver(message.entries ?? [], message.cursor);
  } else if (message.type === 'heartbeat') {
    if (typeof message.offsetMs === 'number') state.client.exchange.offsetMs = message.offsetMs;
    deliver([], message.index);
  }
}

/** Sends a message to the other tabs of this participant (none once this tab has left). */
function post(state, message) {
  if (!state.abort.signal.aborted) state.channel.postMessage(message);
}

/** Sends a message to the other tabs and applies it here. */
function publish(state, message) {
  post(state, message);
  apply(state, message);
}

/** This tab holds the lock: it reads the stream until the session ends, reconnecting from its cursor after a loss. */
async function lead(state) {
  state.leading = true;
  try {
    for (let attempt = 0; !state.abort.signal.aborted; attempt++) {
      try {
        if (await read(state) === 'stop') return;
        attempt = 0;
      } catch (error) {
        if (state.abort.signal.aborted) return;
        if (error instanceof SignerProblem) return; // this tab stops; its lock passes on
        if (STOP_CODES.has(error?.code)) {
          stop(state);
          return;
        }
      }
      setRole(state, 'off');
      post(state, { type: 'state', live: false, cursor: String(state.cursor) });
      await pause(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)], state.abort.signal);
    }
  } finally {
    state.leading = false;
    setRole(state, 'off');
  }
}

/** The server refused this key's stream for good: no tab signed in with the key tries again. */
function stop(state) {
  post(state, { type: 'stopped', keyId: state.keyId });
  setRole(state, 'off');
}

function pause(ms, signal) {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/** One stream, signed afresh and resumed after the cursor: 'stop' when the server ended it for good, else 'ended'. */
async function read(state) {
  const response = await state.client.stream(`/stream?after=${state.cursor}`, state.abort.signal);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return 'ended';
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (handle(state, block) === 'stop') {
        reader.cancel().catch(() => {});
        return 'stop';
      }
    }
    if (buffer.length > 4_000_000) throw new Error('stream event too large');
  }
}

/** One event of the stream (docs/api.md, Live stream). */
function handle(state, block) {
  let name = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
  }
  const payload = data ? JSON.parse(data) : {};
  if (name === 'open') {
    state.openedAfter = String(payload.cursor);
    setRole(state, 'leader');
    changed();
    post(state, { type: 'state', live: true, cursor: String(state.cursor) });
  } else if (name === 'feed') {
    publish(state, { type: 'feed', entries: payload.entries ?? [], cursor: String(payload.cursor) });
  } else if (name === 'heartbeat') {
    const offsetMs = typeof payload.serverTime === 'number' ? payload.serverTime - Date.now() : undefined;
    publish(state, { type: 'heartbeat', index: String(payload.index), cursor: String(payload.cursor), offsetMs });
  } else if (name === 'closed') {
    if (!STOP_CODES.has(payload.code)) return 'ended';
    stop(state);
    return 'stop';
  }
  return 'ok';
}
