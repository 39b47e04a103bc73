// Times people type and read as yyyy-mm-dd hh:mm in the platform zone, to and from epoch milliseconds (a module of
// its own so that every page can use it without loading another page's code).

const DAY_MS = 86_400_000;

/** Epoch ms of a wall time read as UTC, for every year (Date.UTC would read years 0-99 as 1900-1999). */
function utcWall(year, month, day, hour, minute, second = 0) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at {@code epochMs}, in milliseconds. */
function offsetAt(epochMs, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const part = type => Number(parts.find(p => p.type === type).value);
  const bc = parts.find(p => p.type === 'era')?.value.startsWith('B');
  const year = bc ? 1 - part('year') : part('year');
  const wall = utcWall(year, part('month'), part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(epochMs / 1000) * 1000;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month (1-12) and day name a day of the proleptic Gregorian calendar (no 31 February). */
function realDay(year, month, day) {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether {@code text} is a real calendar day written {@code yyyy-mm-dd} (2027-02-31 is not). */
export function isIsoDate(text) {
  const match = ISO_DATE.exec(String(text ?? ''));
  return match !== null && realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * A time typed as {@code yyyy-mm-dd hh:mm} in the platform zone, as epoch ms; null if it is not one: an impossible
 * day (31 February, 29 February outside a leap year), an hour above 23 or a minute above 59, or a wall time the zone
 * skips (a daylight-saving gap). A wall time the zone passes twice is its first.
 */
export function zonedToEpoch(text, zone) {
  const match = LOCAL_TIME.exec(String(text ?? '').trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  if (!realDay(year, month, day) || hour > 23 || minute > 59) return null;
  const wall = utcWall(year, month, day, hour, minute);
  // The offsets in force a day before and a day after, and at the wall time itself: each instant that reads as this
  // wall time has one of them; the earliest such instant is the answer, none (a gap) is a refusal.
  const candidates = [wall - DAY_MS, wall + DAY_MS, wall].map(at => wall - offsetAt(at, zone))
    .filter(epoch => epoch + offsetAt(epoch, zone) === wall);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** Epoch ms as {@code yyyy-mm-dd hh:mm} in the platform zone (what zonedToEpoch reads). */
export function epochToZoned(epochMs, zone) {
  const shifted = new Date(epochMs + offsetAt(epochMs, zone));
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
