// Test-only (ops test resources): exposes the portal's signing module to PortalSigningSystemTest, which passes the
// worked examples of docs/api-signing.md in and asserts every output byte for byte against the document.
import { canonicalString, canonicalQuery, sha256Hex, signCanonical, utf8, hex } from '../app/signing.js';
import { readPem, importSigningKey } from '../app/keyfile.js';

/** One worked example: the canonical string and its digests, and the Ed25519 signature when a PEM key is given. */
async function example(input) {
  const question = input.pathAndQuery.indexOf('?');
  const body = utf8(input.body);
  const bodySha256 = await sha256Hex(body);
  const canonical = canonicalString({
    platformId: input.platformId, method: input.method,
    path: question < 0 ? input.pathAndQuery : input.pathAndQuery.slice(0, question),
    rawQuery: question < 0 ? '' : input.pathAndQuery.slice(question + 1),
    participant: input.participant, keyId: input.keyId, algorithm: input.algorithm, timestamp: input.timestamp,
    clientRequestId: input.clientRequestId, bodySha256,
  });
  const bytes = utf8(canonical);
  const result = { canonical, length: bytes.length, sha256: await sha256Hex(bytes), bodySha256 };
  if (input.privateKeyPem) {
    const { key } = await importSigningKey(readPem(utf8(input.privateKeyPem)).der);
    result.signatureBase64 = await signCanonical(key, canonical);
    result.signatureHex = hex(Uint8Array.from(atob(result.signatureBase64), c => c.charCodeAt(0)));
  }
  return result;
}

window.fxSigningExamples = async ({ examples, queries }) => ({
  examples: await Promise.all(examples.map(example)),
  queries: queries.map(canonicalQuery),
});
document.getElementById('state').textContent = 'ready';

/**
 * signedFetch against the running exchange: a write, then a read of what it made, which must carry the write's journal
 * index as minIndex; optionally with the clock offset spoiled first ({@code skewMs}), which the client must repair.
 */
window.fxSignedRoundTrip = async ({ privateKeyPem, participant, keyId, skewMs, write, read }) => {
  const { Exchange, SignedClient } = await import('../app/api.js');
  const exchange = await Exchange.connect();
  const skewed = new Exchange(exchange.platformId, exchange.zone, exchange.offsetMs + (skewMs ?? 0));
  const { algorithm, key } = await importSigningKey(readPem(utf8(privateKeyPem)).der);
  const client = new SignedClient(skewed, participant, keyId, algorithm, key);
  const written = await client.write(write.path, write.body);
  const path = read.replace('{id}', String(written.body.events.find(e => e.listingId)?.listingId));
  const body = await client.read(path);
  const sent = performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname + new URL(entry.name).search);
  return {
    status: written.status, journalIndex: written.journalIndex.toString(), lastIndex: client.lastIndex.toString(),
    readUrl: sent.find(url => url.startsWith(path.split('?')[0] + '?')), body, offsetRepaired: client.exchange !== skewed,
  };
};
