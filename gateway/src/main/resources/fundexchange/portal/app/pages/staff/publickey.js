// A participant's public key from a PEM file (-----BEGIN PUBLIC KEY-----, an X.509 SubjectPublicKeyInfo), read in the
// browser as keyfile.js reads private keys: bounded, its DER walked far enough to name the algorithm (Ed25519, or SM2
// on the SM2 curve), and sent as the API takes it (standard Base64 of the DER).
import { MAX_KEY_FILE_BYTES, KeyFileProblem } from '../../keyfile.js';
import { base64 } from '../../signing.js';

const ED25519 = '06032b6570';
const EC_PUBLIC_KEY = '06072a8648ce3d0201';
const SM2_CURVE = '06082a811ccf5501822d';

function hexOf(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** One DER element at {@code offset}: {tag, start, end}. */
function tlv(bytes, offset) {
  if (offset + 2 > bytes.length) throw new KeyFileProblem('key.malformed');
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 2) throw new KeyFileProblem('key.malformed');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | bytes[start + i];
    start += count;
  }
  if (start + length > bytes.length) throw new KeyFileProblem('key.malformed');
  return { tag: bytes[offset], start, end: start + length };
}

/** {algorithm ('ED25519' or 'SM2-SM3'), publicKey (Base64 DER)} of a PUBLIC KEY PEM file's bytes. */
export function readPublicKeyPem(fileBytes) {
  if (fileBytes.byteLength > MAX_KEY_FILE_BYTES) throw new KeyFileProblem('key.tooLarge');
  const text = new TextDecoder('ascii', { fatal: false }).decode(fileBytes);
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(text);
  if (!match) throw new KeyFileProblem('staff.key.notPublicPem');
  let binary;
  try {
    binary = atob(match[1].replace(/\s+/g, ''));
  } catch {
    throw new KeyFileProblem('staff.key.notPublicPem');
  }
  const der = Uint8Array.from(binary, c => c.charCodeAt(0));
  const top = tlv(der, 0);
  if (top.tag !== 0x30 || top.end !== der.length) throw new KeyFileProblem('key.malformed');
  const identifier = tlv(der, top.start);
  if (identifier.tag !== 0x30) throw new KeyFileProblem('key.malformed');
  const key = tlv(der, identifier.end);
  if (key.tag !== 0x03 || key.end !== top.end) throw new KeyFileProblem('key.malformed');
  const algorithm = hexOf(der.subarray(identifier.start, identifier.end));
  if (algorithm === ED25519) return { algorithm: 'ED25519', publicKey: base64(der) };
  if (algorithm === EC_PUBLIC_KEY + SM2_CURVE) return { algorithm: 'SM2-SM3', publicKey: base64(der) };
  throw new KeyFileProblem('key.unsupportedAlgorithm');
}
