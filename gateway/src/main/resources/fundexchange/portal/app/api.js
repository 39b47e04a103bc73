// signedFetch: the one way the portal talks to the exchange. Every request but GET /exchange is signed (FXS2) with
// the participant's CryptoKey (or by its local signing agent), at the exchange's clock; reads carry a fresh nonce and, after a write, minIndex.
import { canonicalString, sha256Hex, signCanonical, utf8, EMPTY_BODY_SHA256, SCHEME } from './signing.js';

/** A refusal in the API's one error shape {code, message, requestId}, with its HTTP status. */
export class ApiProblem extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** What a client needs before it can sign: GET /exchange (unsigned), and the clock offset measured around it. */
export class Exchange {
  constructor(platformId, zone, offsetMs) {
    this.platformId = platformId;
    this.zone = zone;
    this.offsetMs = offsetMs;
  }

  /** The exchange's clock now, as a browser reads it: its own clock plus the measured offset. */
  now() {
    return Math.round(Date.now() + this.offsetMs);
  }

  static async connect() {
    const before = Date.now();
    const response = await fetch('/exchange', { cache: 'no-store', credentials: 'omit' });
    const after = Date.now();
    const body = await response.json();
    if (!response.ok) throw new ApiProblem(response.status, body.code, body.message, body.requestId);
    if (body.signingScheme !== SCHEME) {
      throw new ApiProblem(0, 0, `the exchange signs ${body.signingScheme}; this portal signs ${SCHEME}`, '');
    }
    // The server read its clock somewhere between before and after: assume the middle.
    const offset = typeof body.serverTime === 'number' ? body.serverTime - (before + after) / 2 : 0;
    return new Exchange(body.platformId, body.zone || 'Asia/Shanghai', offset);
  }
}

const RETRY_CODES = new Set([105, 150]); // timestamp outside the window; signed before the gateway started

/**
 * A participant's signed connection: {@code participant}, {@code keyId}, {@code algorithm} and its key: a
 * non-extractable CryptoKey, or a local signing agent (signer.js) that signs each request after its person confirms
 * it. It remembers the journal index of its last write, which its reads pass as minIndex.
 */
export class SignedClient {
  constructor(exchange, participant, keyId, algorithm, key) {
    this.exchange = exchange;
    this.participant = participant;
    this.keyId = keyId;
    this.algorithm = algorithm;
    this.key = key;
    this.lastIndex = 0n;
  }

  /** A signed GET; its JSON body. {@code minIndex}: a journal index to wait for (default: this client's last write). */
  async read(path, { minIndex } = {}) {
    const index = minIndex === undefined ? this.lastIndex : BigInt(minIndex);
    const target = index > 0n ? withParameter(path, 'minIndex', index.toString()) : path;
    return (await this.signedFetch('GET', target)).body;
  }

  /** A signed write of a JSON object (or an exact body string); the answer with its journal index. */
  async write(path, body, { clientRequestId } = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
    return this.signedFetch('POST', path, { body: text, clientRequestId });
  }

  /** A signed PUT of raw bytes (a PDF), by the browser's key only (docs/portal.md, "Data room"). */
  async upload(path, bytes, contentType) {
    if (this.key?.signCanonical) throw new ApiProblem(0, 0, 'a signing agent signs JSON only', '');
    return this.signedFetch('PUT', path, { raw: new Uint8Array(bytes), contentType });
  }

  /**
   * One signed request: {status, body, journalIndex (BigInt), requestId}, or ApiProblem outside 2xx. A write keeps its
   * clientRequestId through a retry; a clock refusal (105, 150) re-reads the clock and signs again, once.
   */
  async signedFetch(method, path, { body, raw, contentType, clientRequestId } = {}) {
    const requestId = clientRequestId ?? (method === 'GET' ? crypto.randomUUID() : `portal-${crypto.randomUUID()}`);
    const bytes = raw ?? (body === undefined ? undefined : utf8(body));
    const type = raw ? contentType : 'application/json';
    let answer = await answerOf(await this.#request(method, path, body, bytes, requestId, undefined, type), requestId);
    if (answer.problem && RETRY_CODES.has(answer.problem.code)) {
      this.exchange = await Exchange.connect();
      answer = await answerOf(await this.#request(method, path, body, bytes, requestId, undefined, type), requestId);
    }
    if (answer.journalIndex > this.lastIndex) this.lastIndex = answer.journalIndex;
    if (answer.problem) throw answer.problem;
    return answer;
  }

  /** A signed GET read as it arrives (GET /stream): the 2xx Response, body unread, or ApiProblem; signal aborts it. */
  async stream(path, signal) {
    for (let attempt = 0; ; attempt++) {
      const requestId = crypto.randomUUID();
      const response = await this.#request('GET', path, undefined, undefined, requestId, signal);
      if (response.ok) return response;
      const { problem } = await answerOf(response, requestId);
      if (attempt > 0 || !RETRY_CODES.has(problem.code)) throw problem;
      this.exchange = await Exchange.connect();
    }
  }

  /** Sends one request with the FXS2 headers over the canonical string of exactly what is sent. */
  async #request(method, path, text, bytes, requestId, signal, type = 'application/json') {
    const url = new URL(path, location.origin);
    if (url.origin !== location.origin) throw new Error('signedFetch sends to this origin only');
    const timestamp = String(this.exchange.now());
    const canonical = canonicalString({
      platformId: this.exchange.platformId, method, path: url.pathname, rawQuery: url.search.slice(1),
      participant: this.participant, keyId: this.keyId, algorithm: this.algorithm, timestamp,
      clientRequestId: requestId, bodySha256: bytes ? await sha256Hex(bytes) : EMPTY_BODY_SHA256,
    });
    const headers = {
      'X-Participant': this.participant, 'X-Key-Id': this.keyId, 'X-Algorithm': this.algorithm,
      'X-Timestamp': timestamp, 'X-Client-Request-Id': requestId,
      'X-Signature': await signCanonical(this.key, canonical, this.algorithm, text ?? ''),
    };
    if (bytes) headers['Content-Type'] = type;
    return fetch(url.pathname + url.search, {
      method, headers, body: bytes, cache: 'no-store', credentials: 'omit', redirect: 'error', signal,
    });
  }
}

/** A response read whole: {status, body, journalIndex, requestId}, or {status, problem, ...} outside 2xx. */
async function answerOf(response, requestId) {
  const indexHeader = response.headers.get('X-Journal-Index');
  const journalIndex = indexHeader && /^[0-9]+$/.test(indexHeader) ? BigInt(indexHeader) : 0n;
  const type = response.headers.get('Content-Type') || '';
  const data = type.startsWith('application/json') ? await response.json() : await response.blob();
  if (response.ok) return { status: response.status, body: data, journalIndex, requestId };
  const problem = data && typeof data.code === 'number'
    ? new ApiProblem(response.status, data.code, data.message, data.requestId)
    : new ApiProblem(response.status, 0, `HTTP ${response.status}`, requestId);
  return { status: response.status, problem, journalIndex, requestId };
}

/** The path with one more query parameter (the value URL-safe). */
function withParameter(path, name, value) {
  return path + (path.includes('?') ? '&' : '?') + `${name}=${encodeURIComponent(value)}`;
}
