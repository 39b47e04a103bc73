// The signed-in participant of this tab: its SignedClient (holding the non-extractable CryptoKey in memory only) and
// its standing. Sign-out drops it here and, through a BroadcastChannel, in every tab of this origin.

const channel = 'BroadcastChannel' in self ? new BroadcastChannel('fx-portal-session') : null;
const listeners = new Set();
let current = null;

/** The session: {client, participant, keyId, roles, record} or null. */
export function session() {
  return current;
}

/** Starts a session once its key has been verified by a signed read of the participant's own record. */
export function signIn(client, record) {
  current = Object.freeze({
    client, participant: client.participant, keyId: client.keyId, roles: Object.freeze([...(record.roles ?? [])]), record,
  });
  notify();
}

/** Ends the session in this tab and tells every other tab to end theirs. */
export function signOut() {
  drop();
  channel?.postMessage({ type: 'sign-out' });
}

function drop() {
  if (current) current.client.key = null;
  current = null;
  notify();
}

channel?.addEventListener('message', event => {
  if (event.data?.type === 'sign-out') drop();
});

/** Calls {@code listener} on every sign-in and sign-out; returns its removal. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener(current);
}
