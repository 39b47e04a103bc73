// Live updates: one signed GET /stream per browser and participant, shared by its tabs (docs/api.md, Live stream).
// The tab holding the Web Lock `fx-stream-<participant>` reads the stream and passes each feed page and heartbeat to
// the other tabs over a BroadcastChannel; when it closes, the next tab takes the lock and resumes from the last cursor
// it heard. Pages subscribe with onFeed and re-read with minIndex = the entry's sourceIndex. Without a stream (an
// older gateway, the caps 160/161, no Web Locks) pages still re-read after their own writes.
import { canonicalString, signCanonical, EMPTY_BODY_SHA256 } from './signing.js';
import { session, onSessionChange } from './session.js';
import { Exchange } from './api.js';

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];
const STOP_CODES = new Set([160, 162]); // this participant's cap reached; the signing key was revoked
const CLOCK_CODES = new Set([105, 150]); // signed too far from the exchange's clock, or before its restart
const listeners = new Set();
let current = null; // {participant, channel, abort, cursor}

/**
 * Calls {@code listener(entries, index)} with each feed page of the signed-in participant (entries as GET /feed
 * answers them), and with {@code ([], index)} on each heartbeat; returns its removal. The first subscription starts the
 * shared stream.
 */
export function onFeed(listener) {
  listeners.add(listener);
  ensureStream();
  return () => listeners.delete(listener);
}

/** Whether this tab or another one of this browser is reading the stream right now. */
export function streaming() {
  return current?.live === true;
}

function deliver(entries, index) {
  for (const listener of listeners) {
    try {
      listener(entries, index);
    } catch (error) {
      console.error(error);
    }
  }
}

function ensureStream() {
  const active = session();
  if (!active || current?.participant === active.participant) return;
  stop();
  if (!('locks' in navigator) || !('BroadcastChannel' in self)) return;
  const state = { participant: active.participant, abort: new AbortController(), cursor: 0n, live: false };
  state.channel = new BroadcastChannel(`fx-live-${active.participant}`);
  state.channel.addEventListener('message', event => {
    const { entries, index, cursor } = event.data ?? {};
    if (typeof cursor === 'string' && BigInt(cursor) > state.cursor) state.cursor = BigInt(cursor);
    state.live = true;
    deliver(entries ?? [], index ?? '0');
  });
  current = state;
  navigator.locks.request(`fx-stream-${active.participant}`, { signal: state.abort.signal },
    () => lead(state, active.client)).catch(() => {});
}

function stop() {
  if (!current) return;
  current.abort.abort();
  current.channel.close();
  current = null;
}

onSessionChange(() => {
  stop();
  if (listeners.size > 0) ensureStream();
});

/** This tab reads the stream until the session ends, reconnecting from its cursor after a failure. */
async function lead(state, client) {
  for (let attempt = 0; !state.abort.signal.aborted; attempt++) {
    try {
      const outcome = await read(state, client);
      if (outcome === 'stop') return;
      attempt = 0;
    } catch (error) {
      if (state.abort.signal.aborted) return;
      if (STOP_CODES.has(error?.code)) return;
      if (CLOCK_CODES.has(error?.code)) client.exchange = await Exchange.connect().catch(() => client.exchange);
    }
    state.live = false;
    await pause(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)], state.abort.signal);
  }
}

function pause(ms, signal) {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/** One stream: signed afresh, resumed after the cursor; 'stop' when the server closed it for good. */
async function read(state, client) {
  const path = `/stream?after=${state.cursor}`;
  const response = await fetch(path, {
    headers: await signedHeaders(client, path), cache: 'no-store', credentials: 'omit', redirect: 'error',
    signal: state.abort.signal,
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw Object.assign(new Error(body.message ?? `HTTP ${response.status}`), { code: body.code });
  }
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
      if (handle(state, block) === 'stop') return 'stop';
    }
    if (buffer.length > 4_000_000) throw new Error('stream event too large');
  }
}

function handle(state, block) {
  let name = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
  }
  const payload = data ? JSON.parse(data) : {};
  if (name === 'open') {
    state.live = true;
  } else if (name === 'feed') {
    state.cursor = BigInt(payload.cursor);
    publish(state, payload.entries ?? [], String(payload.cursor));
  } else if (name === 'heartbeat') {
    publish(state, [], String(payload.index));
  } else if (name === 'closed') {
    return STOP_CODES.has(payload.code) ? 'stop' : 'ended';
  }
  return 'ok';
}

function publish(state, entries, index) {
  state.channel.postMessage({ entries, index, cursor: state.cursor.toString() });
  deliver(entries, index);
}

/** The FXS2 headers of a signed GET (the same canonical string signedFetch signs), with a fresh nonce. */
async function signedHeaders(client, path) {
  const url = new URL(path, location.origin);
  const timestamp = String(client.exchange.now());
  const requestId = crypto.randomUUID();
  const canonical = canonicalString({
    platformId: client.exchange.platformId, method: 'GET', path: url.pathname, rawQuery: url.search.slice(1),
    participant: client.participant, keyId: client.keyId, algorithm: client.algorithm, timestamp,
    clientRequestId: requestId, bodySha256: EMPTY_BODY_SHA256,
  });
  return {
    'X-Participant': client.participant, 'X-Key-Id': client.keyId, 'X-Algorithm': client.algorithm,
    'X-Timestamp': timestamp, 'X-Client-Request-Id': requestId,
    'X-Signature': await signCanonical(client.key, canonical, client.algorithm),
  };
}
