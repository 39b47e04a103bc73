// The local signing agent (`exchange signer`, docs/portal.md "SM2 users") for a participant whose key the browser
// cannot use: the agent on this computer's loopback holds the key, shows each request on its terminal and signs it
// only after its person types the request's confirmation code there. The portal sends the request it is about to send;
// the agent builds the canonical string itself and answers the signature with that string, which must equal the
// portal's own byte for byte, or nothing is sent. The page's CSP lets it reach only the origins the operator listed.
import { t } from './i18n.js';
import { EMPTY_BODY_SHA256 } from './signing.js';

/** How long the agent may take to say who it signs for. */
const IDENTITY_TIMEOUT_MS = 10_000;
/** How long a person may take to read a request at the agent and type its code. */
export const SIGN_TIMEOUT_MS = 180_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ALGORITHMS = new Set(['ED25519', 'SM2-SM3']);
/** The agent's refusals (docs/portal.md, "SM2 users") as message keys; 164 never reaches a page (no CORS header). */
const REFUSALS = { 163: 'signer.declined', 165: 'signer.badToken', 166: 'signer.malformed', 167: 'signer.hostRefused' };

/** A reason the agent did not sign, {@code reason} a message key; the message is in the user's language. */
export class SignerProblem extends Error {
  constructor(reason, code = 0, requestId = '') {
    super(t(reason));
    this.reason = reason;
    this.code = code;
    this.requestId = requestId;
  }
}

/** The agent origins this portal's operator allowed: the page lists them, and its CSP allows exactly these. */
export function allowedSignerOrigins() {
  const content = document.querySelector('meta[name="fx-signer-origins"]')?.content ?? '';
  return content.split(/\s+/).filter(Boolean);
}

/** The origin of an address the user typed, if it is one of the allowed ones. */
function allowedOrigin(address) {
  let origin;
  try {
    origin = new URL(address.trim()).origin;
  } catch {
    throw new SignerProblem('signer.notAllowed');
  }
  if (!allowedSignerOrigins().includes(origin)) throw new SignerProblem('signer.notAllowed');
  return origin;
}

/** One call to the agent: its JSON answer, or a SignerProblem for a refusal, silence or a timeout. */
async function call(origin, token, method, path, body, timeoutMs) {
  let response;
  try {
    response = await fetch(origin + path, {
      method, body, cache: 'no-store', credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer',
      headers: body === undefined ? { 'X-Signer-Token': token } : { 'X-Signer-Token': token, 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new SignerProblem(e?.name === 'TimeoutError' ? 'signer.timeout' : 'signer.unreachable');
  }
  let answer;
  try {
    answer = await response.json();
  } catch (e) {
    throw new SignerProblem(e?.name === 'TimeoutError' ? 'signer.timeout' : 'signer.failed');
  }
  if (!response.ok) {
    const code = typeof answer?.code === 'number' ? answer.code : 0;
    throw new SignerProblem(REFUSALS[code] ?? 'signer.failed', code, String(answer?.requestId ?? ''));
  }
  return answer;
}

/**
 * The agent at one allowed origin, with the token it printed at start, and the identity it signs for
 * ({participant, keyId, algorithm, platformId}). Used as a SignedClient's key: signing.js's signCanonical calls
 * {@link #signCanonical}.
 */
export class LocalSigner {
  constructor(origin, token, identity) {
    this.origin = origin;
    this.token = token;
    this.identity = Object.freeze(identity);
  }

  /** Reaches the agent at {@code address} and reads whom it signs for. */
  static async connect(address, token) {
    const origin = allowedOrigin(address);
    const answer = await call(origin, token, 'GET', '/identity', undefined, IDENTITY_TIMEOUT_MS);
    const identity = {
      participant: answer?.participant, keyId: answer?.keyId, algorithm: answer?.algorithm, platformId: answer?.platformId,
    };
    if (!ID.test(identity.participant ?? '') || !ID.test(identity.keyId ?? '') || !ALGORITHMS.has(identity.algorithm)
        || typeof identity.platformId !== 'string') {
      throw new SignerProblem('signer.failed');
    }
    return new LocalSigner(origin, token, identity);
  }

  /**
   * The Base64 signature of {@code canonical} (FXS2), made by the agent after its person confirmed the request the
   * canonical string describes; {@code bodyText} is the body sent (empty for none), which the agent shows field by field.
   */
  async signCanonical(canonical, bodyText = '') {
    const [, platformId, method, path, query, participant, keyId, algorithm, timestamp, clientRequestId, bodySha256]
      = canonical.split('\n');
    const id = this.identity;
    if (participant !== id.participant || keyId !== id.keyId || algorithm !== id.algorithm || platformId !== id.platformId) {
      throw new SignerProblem('signer.otherIdentity');
    }
    if (bodyText === '' && bodySha256 !== EMPTY_BODY_SHA256) throw new SignerProblem('signer.mismatch');
    const request = JSON.stringify({ method, path, query, body: bodyText, clientRequestId, timestamp: Number(timestamp) });
    const answer = await call(this.origin, this.token, 'POST', '/sign', request, SIGN_TIMEOUT_MS);
    const signature = answer?.headers?.['X-Signature'];
    if (answer?.canonical !== canonical || typeof signature !== 'string') throw new SignerProblem('signer.mismatch');
    return signature;
  }
}
