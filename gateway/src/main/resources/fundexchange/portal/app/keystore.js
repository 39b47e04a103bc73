// "Remember on this device": a participant's PKCS#8 key encrypted under a passphrase (PBKDF2-HMAC-SHA-256, AES-256-GCM)
// in this browser profile's IndexedDB, and nothing else; re-imported non-extractable on unlock. Only on the user's
// explicit choice; never the key in clear, never the passphrase.
import { importSigningKey, wipe, KeyFileProblem } from './keyfile.js';

const DATABASE = 'fx-portal';
const STORE = 'keys';
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
const ITERATIONS = 600_000;

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function wrappingKey(passphrase, salt, usage) {
  const secret = new TextEncoder().encode(passphrase);
  try {
    const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
    return await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: ITERATIONS, hash: 'SHA-256' }, base,
      { name: 'AES-GCM', length: 256 }, false, [usage]);
  } finally {
    wipe(secret);
  }
}

/** Stores {@code pkcs8} encrypted under {@code passphrase}; the caller still owns (and wipes) {@code pkcs8}. */
export async function remember(participant, keyId, pkcs8, passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(passphrase, salt, 'encrypt');
  const id = `${participant}/${keyId}`;
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) },
    key, pkcs8);
  await transact('readwrite', store => store.put({ id, participant, keyId, salt, iv, ciphertext, iterations: ITERATIONS }));
}

/** The keys remembered on this device: [{participant, keyId}]. */
export async function remembered() {
  const records = (await transact('readonly', store => store.getAll())) ?? [];
  return records.map(({ participant, keyId }) => ({ participant, keyId }));
}

/** Decrypts a remembered key and imports it non-extractable: {algorithm, key}. */
export async function unlock(participant, keyId, passphrase) {
  const id = `${participant}/${keyId}`;
  const record = await transact('readonly', store => store.get(id));
  if (!record) throw new KeyFileProblem('key.notRemembered');
  const key = await wrappingKey(passphrase, record.salt, 'decrypt');
  let pkcs8;
  try {
    pkcs8 = new Uint8Array(await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: record.iv, additionalData: new TextEncoder().encode(id) }, key, record.ciphertext));
  } catch {
    throw new KeyFileProblem('key.wrongPassphrase');
  }
  return importSigningKey(pkcs8);
}

/** Deletes a remembered key from this device. */
export async function forget(participant, keyId) {
  await transact('readwrite', store => store.delete(`${participant}/${keyId}`));
}
