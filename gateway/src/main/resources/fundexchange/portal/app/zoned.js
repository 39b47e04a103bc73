// Times people type and read as yyyy-mm-dd hh:mm in the platform zone, to and from epoch milliseconds (a module of
// its own so that every page can use it without loading another page's code).

/** The zone's offset from UTC at {@code epochMs}, in milliseconds. */
function offsetAt(epochMs, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const part = type => Number(parts.find(p => p.type === type).value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(epochMs / 1000) * 1000;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** A time typed as {@code yyyy-mm-dd hh:mm} in the platform zone, as epoch ms; null if it is not one. */
export function zonedToEpoch(text, zone) {
  const match = LOCAL_TIME.exec(String(text ?? '').trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall, zone);
  return wall - offsetAt(first, zone);
}

/** Epoch ms as {@code yyyy-mm-dd hh:mm} in the platform zone (what zonedToEpoch reads). */
export function epochToZoned(epochMs, zone) {
  const shifted = new Date(epochMs + offsetAt(epochMs, zone));
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
