// A sealed bid's body (docs/api.md, "Sealed bids"): a 256-bit random nonce (64 hex digits), the JSON padded with
// spaces to 108 bytes so that no length depends on the price.

/** Every sealed-bid body is this many bytes. */
export const SEALED_BODY_BYTES = 108;
const PRICE = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?$/;

/** A fresh nonce: 32 random bytes as 64 lower-case hex digits. */
export function freshNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** {body, nonce} for {@code price} (a decimal string of scale at most 4) under a fresh nonce. */
export function sealedBidBody(price, nonce = freshNonce()) {
  if (!PRICE.test(price)) throw new RangeError('a price is a decimal of at most 15 integer and 4 fraction digits');
  if (!/^[0-9a-f]{64}$/.test(nonce)) throw new RangeError('a nonce is 64 lower-case hex digits');
  const json = `{"nonce":"${nonce}","price":"${price}"}`;
  return { body: json + ' '.repeat(SEALED_BODY_BYTES - json.length), nonce };
}
