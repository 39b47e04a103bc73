// The FXS2 request signature of docs/api-signing.md, in the browser: the canonical string, its parts, and the
// Ed25519 signature through WebCrypto (or a local signing agent's, signer.js). api.js sends what they make.

export const SCHEME = 'FXS2';
/** The SM2 user id that line 12 carries for SM2-SM3 (empty for ED25519). */
export const SM2_USER_ID = '1234567812345678';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const UTF8 = new TextEncoder();
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = '0123456789ABCDEF';

/** The UTF-8 bytes of a string. */
export function utf8(text) {
  return UTF8.encode(text);
}

/** Lower-case hex of bytes. */
export function hex(bytes) {
  return Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, '0')).join('');
}

/** Standard Base64 (RFC 4648 section 4) with padding. */
export function base64(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text);
}

/** Lower-case hex SHA-256 of bytes. */
export async function sha256Hex(bytes) {
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/** Percent-decodes to bytes: a '%' must start two hex digits; '+' stays a plus; other characters give UTF-8. */
function percentDecode(text) {
  const out = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '%') {
      const pair = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(pair)) throw new Error(`malformed percent escape at ${i} of the query`);
      out.push(parseInt(pair, 16));
      i += 3;
    } else {
      const cp = text.codePointAt(i);
      const ch = String.fromCodePoint(cp);
      out.push(...UTF8.encode(ch));
      i += ch.length;
    }
  }
  return out;
}

/** RFC 3986 encoding of bytes: unreserved characters literal, every other byte %XX in upper case. */
function percentEncode(bytes) {
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    out += b < 0x80 && UNRESERVED.test(ch) ? ch : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/** Line 5: the raw query (without '?') in canonical form (docs/api-signing.md, Query). */
export function canonicalQuery(rawQuery) {
  if (!rawQuery) return '';
  const pairs = [];
  for (const parameter of rawQuery.split('&')) {
    if (parameter === '') continue;
    const eq = parameter.indexOf('=');
    const key = eq < 0 ? parameter : parameter.slice(0, eq);
    const value = eq < 0 ? '' : parameter.slice(eq + 1);
    pairs.push([percentEncode(percentDecode(key)), percentEncode(percentDecode(value))]);
  }
  // Encoded keys and values are ASCII, so code-unit order is byte order.
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * The twelve lines of the canonical string, joined with '\n'. Every field is a string; {@code path} is the raw path
 * as sent and {@code rawQuery} the raw query without '?'.
 */
export function canonicalString(r) {
  const lines = [SCHEME, r.platformId, r.method.toUpperCase(), r.path, canonicalQuery(r.rawQuery), r.participant,
    r.keyId, r.algorithm, r.timestamp, r.clientRequestId, r.bodySha256, r.algorithm === 'SM2-SM3' ? SM2_USER_ID : ''];
  for (const line of lines) {
    if (typeof line !== 'string' || /[\r\n]/.test(line)) throw new Error('a canonical line is missing or holds a newline');
  }
  if (!r.path.startsWith('/')) throw new Error('the path must start with /');
  return lines.join('\n');
}

/**
 * Base64 of the signature over the canonical string's UTF-8 bytes: with an Ed25519 CryptoKey in the browser, or by a
 * local signing agent (signer.js, any algorithm) given the body text sent ({@code bodyText}, empty for none).
 */
export async function signCanonical(privateKey, canonical, algorithm = 'ED25519', bodyText = '') {
  if (typeof privateKey?.signCanonical === 'function') return privateKey.signCanonical(canonical, bodyText);
  if (algorithm !== 'ED25519') throw new Error(`the browser signs ED25519 only, not ${algorithm}`);
  return base64(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, utf8(canonical)));
}
