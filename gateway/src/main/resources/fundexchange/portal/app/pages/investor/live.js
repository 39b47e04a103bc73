// The participant's live feed (GET /stream, docs/api.md "Live stream"): one signed fetch()-read event stream per
// signed-in client in this tab, shared by its pages. Each `feed` event tells the subscribers the journal index it
// reached, which they read at as minIndex; each heartbeat carries the exchange's clock, which re-measures the offset
// the countdowns and signatures use. A lost stream is re-signed and resumed from its cursor.
import { canonicalString, signCanonical, EMPTY_BODY_SHA256 } from '../../signing.js';
import { Exchange } from '../../api.js';

const streams = new WeakMap();
const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

/** Calls {@code listener(index)} (a BigInt journal index) for every feed page of {@code client}; returns its removal. */
export function subscribe(client, listener) {
  let stream = streams.get(client);
  if (!stream) {
    stream = new LiveStream(client);
    streams.set(client, stream);
  }
  stream.listeners.add(listener);
  stream.start();
  return () => stream.listeners.delete(listener);
}

class LiveStream {
  constructor(client) {
    this.client = client;
    this.listeners = new Set();
    this.cursor = 0n;
    this.running = false;
    this.failures = 0;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop();
  }

  async loop() {
    while (this.client.key && this.listeners.size > 0) {
      let stop = false;
      try {
        stop = await this.readOnce();
        this.failures = 0;
      } catch {
        this.failures++;
      }
      if (stop || !this.client.key) break;
      const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
      await new Promise(resolve => setTimeout(resolve, wait));
    }
    this.running = false;
  }

  /** One stream, until it ends; true when the server ended it for good (the key revoked). */
  async readOnce() {
    const client = this.client;
    const path = '/stream';
    const query = `after=${this.cursor}`;
    const requestId = crypto.randomUUID();
    const timestamp = String(client.exchange.now());
    const canonical = canonicalString({
      platformId: client.exchange.platformId, method: 'GET', path, rawQuery: query, participant: client.participant,
      keyId: client.keyId, algorithm: client.algorithm, timestamp, clientRequestId: requestId,
      bodySha256: EMPTY_BODY_SHA256,
    });
    const response = await fetch(`${path}?${query}`, {
      headers: {
        'X-Participant': client.participant, 'X-Key-Id': client.keyId, 'X-Algorithm': client.algorithm,
        'X-Timestamp': timestamp, 'X-Client-Request-Id': requestId,
        'X-Signature': await signCanonical(client.key, canonical, client.algorithm),
        Accept: 'text/event-stream',
      },
      cache: 'no-store', credentials: 'omit', redirect: 'error',
    });
    if (!response.ok || !response.body) {
      if (response.status === 401 && (await response.json().catch(() => ({}))).code === 105) {
        await this.remeasure();
      }
      throw new Error(`stream refused: ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (this.handle(block)) {
          reader.cancel().catch(() => {});
          return true;
        }
      }
      if (!this.client.key || this.listeners.size === 0) {
        reader.cancel().catch(() => {});
        return true;
      }
    }
  }

  /** One event of the stream; true when it closes the stream for good. */
  handle(block) {
    let name = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    const body = data ? JSON.parse(data) : {};
    if (name === 'feed') {
      let index = BigInt(body.cursor ?? 0);
      for (const entry of body.entries ?? []) {
        const at = BigInt(entry.sourceIndex ?? 0);
        if (at > index) index = at;
      }
      if (index > this.cursor) this.cursor = index;
      for (const listener of [...this.listeners]) listener(index);
    } else if (name === 'heartbeat' && typeof body.serverTime === 'number') {
      this.client.exchange.offsetMs = body.serverTime - Date.now();
    } else if (name === 'closed') {
      return body.code === 162;
    }
    return false;
  }

  async remeasure() {
    this.client.exchange = await Exchange.connect();
  }
}
