// Key files: a PKCS#8 PEM ("PRIVATE KEY") or a PBES2-encrypted one ("ENCRYPTED PRIVATE KEY": PBKDF2 with HMAC-SHA-1/256/
// 384/512, AES-CBC or AES-GCM), read into bytes, decrypted and imported through WebCrypto as a non-extractable
// CryptoKey. Every buffer that held key bytes is zeroed before these functions return.

const OID = {
  ed25519: '1.3.101.112',
  ecPublicKey: '1.2.840.10045.2.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha1: '1.2.840.113549.2.7',
  hmacSha256: '1.2.840.113549.2.9',
  hmacSha384: '1.2.840.113549.2.10',
  hmacSha512: '1.2.840.113549.2.11',
};
const PRF = { [OID.hmacSha1]: 'SHA-1', [OID.hmacSha256]: 'SHA-256', [OID.hmacSha384]: 'SHA-384', [OID.hmacSha512]: 'SHA-512' };
const CIPHERS = {
  '2.16.840.1.101.3.4.1.2': ['AES-CBC', 128], '2.16.840.1.101.3.4.1.22': ['AES-CBC', 192],
  '2.16.840.1.101.3.4.1.42': ['AES-CBC', 256], '2.16.840.1.101.3.4.1.6': ['AES-GCM', 128],
  '2.16.840.1.101.3.4.1.26': ['AES-GCM', 192], '2.16.840.1.101.3.4.1.46': ['AES-GCM', 256],
};
/** Bounds the work a key file can demand of the browser. */
const MAX_ITERATIONS = 10_000_000;
/** Bounds what a file picker hands us; a PEM key is a few hundred bytes. */
export const MAX_KEY_FILE_BYTES = 16384;

/** A reason a key file cannot be used; {@code reason} is a message key of the bundles. */
export class KeyFileProblem extends Error {
  constructor(reason, detail = '') {
    super(detail || reason);
    this.reason = reason;
  }
}

/** Zeroes a buffer or view. */
export function wipe(bytes) {
  if (bytes) new Uint8Array(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.byteLength).fill(0);
}

/**
 * The PEM block of a key file's bytes: {label, der}. Only PRIVATE KEY and ENCRYPTED PRIVATE KEY are accepted. The
 * text decoded from {@code fileBytes} is not kept; the caller wipes {@code fileBytes}.
 */
export function readPem(fileBytes) {
  if (fileBytes.byteLength > MAX_KEY_FILE_BYTES) throw new KeyFileProblem('key.tooLarge');
  const text = new TextDecoder('ascii', { fatal: false }).decode(fileBytes);
  const match = /-----BEGIN ((?:ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(text);
  if (!match) throw new KeyFileProblem('key.notPem');
  let binary;
  try {
    binary = atob(match[2].replace(/\s+/g, ''));
  } catch {
    throw new KeyFileProblem('key.notPem');
  }
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  return { encrypted: match[1] === 'ENCRYPTED PRIVATE KEY', der };
}

// A minimal DER reader: enough for PKCS#8 and PBES2 parameters.
function tlv(bytes, offset) {
  if (offset + 2 > bytes.length) throw new KeyFileProblem('key.malformed');
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 3) throw new KeyFileProblem('key.malformed');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | bytes[start + i];
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new KeyFileProblem('key.malformed');
  return { tag, start, end, bytes };
}

function children(node) {
  const out = [];
  for (let at = node.start; at < node.end; ) {
    const child = tlv(node.bytes, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

function expect(node, tag) {
  if (node === undefined || node.tag !== tag) throw new KeyFileProblem('key.malformed');
  return node;
}

function oid(node) {
  const b = expect(node, 0x06).bytes.subarray(node.start, node.end);
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let value = 0;
  for (let i = 1; i < b.length; i++) {
    value = value * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

function integer(node) {
  const b = expect(node, 0x02).bytes.subarray(node.start, node.end);
  if (b.length > 4) throw new KeyFileProblem('key.malformed');
  return b.reduce((v, x) => v * 256 + x, 0);
}

function octets(node) {
  return expect(node, 0x04).bytes.slice(node.start, node.end);
}

/** The signature algorithm of a PKCS#8 PrivateKeyInfo: ED25519, or SM2-SM3 for an EC key (the browser cannot sign it). */
export function algorithmOf(pkcs8) {
  const info = children(expect(tlv(pkcs8, 0), 0x30));
  const algorithm = oid(children(expect(info[1], 0x30))[0]);
  if (algorithm === OID.ed25519) return 'ED25519';
  if (algorithm === OID.ecPublicKey) return 'SM2-SM3';
  throw new KeyFileProblem('key.unsupportedAlgorithm');
}

/** The PKCS#8 bytes inside a PBES2 EncryptedPrivateKeyInfo, decrypted with the passphrase. */
export async function decryptPkcs8(der, passphrase) {
  const top = children(expect(tlv(der, 0), 0x30));
  const scheme = children(expect(top[0], 0x30));
  if (oid(scheme[0]) !== OID.pbes2) throw new KeyFileProblem('key.unsupportedEncryption');
  const [kdf, cipher] = children(expect(scheme[1], 0x30)).map(node => children(expect(node, 0x30)));
  if (oid(kdf[0]) !== OID.pbkdf2) throw new KeyFileProblem('key.unsupportedEncryption');
  const params = children(expect(kdf[1], 0x30));
  const salt = octets(params[0]);
  const iterations = integer(params[1]);
  let prf = 'SHA-1';
  for (const extra of params.slice(2)) {
    if (extra.tag === 0x30) {
      prf = PRF[oid(children(extra)[0])];
      if (!prf) throw new KeyFileProblem('key.unsupportedEncryption');
    }
  }
  const [name, bits] = CIPHERS[oid(cipher[0])] ?? [];
  if (!name) throw new KeyFileProblem('key.unsupportedEncryption');
  if (iterations < 1 || iterations > MAX_ITERATIONS) throw new KeyFileProblem('key.unsupportedEncryption');
  let params2;
  if (name === 'AES-CBC') {
    params2 = { name, iv: octets(cipher[1]) };
  } else {
    const gcm = children(expect(cipher[1], 0x30));
    params2 = { name, iv: octets(gcm[0]), tagLength: 8 * (gcm[1] ? integer(gcm[1]) : 12) };
  }
  const secret = utf8Bytes(passphrase);
  try {
    const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: prf }, base,
      { name, length: bits }, false, ['decrypt']);
    return new Uint8Array(await crypto.subtle.decrypt(params2, key, octets(top[1])));
  } catch (e) {
    if (e instanceof KeyFileProblem) throw e;
    throw new KeyFileProblem('key.wrongPassphrase');
  } finally {
    wipe(secret);
  }
}

function utf8Bytes(text) {
  return new TextEncoder().encode(text);
}

/** Imports PKCS#8 bytes as a non-extractable signing key, then zeroes them. */
export async function importSigningKey(pkcs8) {
  try {
    const algorithm = algorithmOf(pkcs8);
    if (algorithm !== 'ED25519') throw new KeyFileProblem('key.sm2NeedsAgent');
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    return { algorithm, key };
  } catch (e) {
    if (e instanceof KeyFileProblem) throw e;
    throw new KeyFileProblem('key.malformed', String(e));
  } finally {
    wipe(pkcs8);
  }
}

/**
 * Participant and key id from a key file's name, where it follows the convention of the demo
 * (`<participantId>__<keyId>.pem`, docs/operations.md) or of `exchange keys generate` (`<keyId>.key.pem`, the key id
 * `<participantId>-<suffix>`); empty strings where it follows neither.
 */
export function idsFromFileName(fileName) {
  const demo = /^([A-Za-z0-9][A-Za-z0-9._-]*)__(\1-[A-Za-z0-9]+)\.pem$/.exec(fileName);
  if (demo) return { participant: demo[1], keyId: demo[2] };
  const match = /^(([A-Za-z0-9][A-Za-z0-9._-]*)-[A-Za-z0-9]+)\.key\.pem$/.exec(fileName);
  return match ? { participant: match[2], keyId: match[1] } : { participant: '', keyId: '' };
}
