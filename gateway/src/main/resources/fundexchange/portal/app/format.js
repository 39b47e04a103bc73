// Numbers and times for people: amounts from the API's fixed-point decimal strings (never through a float), grouped
// and with the currency per locale; times in the platform zone with its name and offset.
import { locale } from './i18n.js';

const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** The parts of a decimal string, or null. */
function parse(text) {
  const match = DECIMAL.exec(String(text ?? ''));
  return match ? { negative: match[1] === '-', whole: BigInt(match[2]), fraction: match[3] ?? '' } : null;
}

/**
 * A fixed-point decimal string for people: the whole part grouped by Intl on a BigInt, the fraction digits exactly as
 * given (padded to {@code minFraction}); {@code currency} adds the locale's currency sign. A string that is no decimal
 * is shown as it is.
 */
export function decimal(text, { currency, minFraction = 0 } = {}) {
  const value = parse(text);
  if (!value) return String(text ?? '');
  const fraction = value.fraction.padEnd(minFraction, '0');
  const format = new Intl.NumberFormat(locale(), {
    ...(currency ? { style: 'currency', currency } : {}),
    minimumFractionDigits: fraction.length, maximumFractionDigits: fraction.length,
  });
  const parts = format.formatToParts(value.whole);
  const out = parts.map(part => (part.type === 'fraction' ? fraction : part.value)).join('');
  return value.negative && (value.whole > 0n || /[1-9]/.test(fraction)) ? `-${out}` : out;
}

/** Money with its currency: {@code decimal(text, {currency, minFraction: 2})}. */
export function money(text, currency) {
  return decimal(text, { currency, minFraction: 2 });
}

/** Units (scale 2). */
export function units(text) {
  return decimal(text, { minFraction: 2 });
}

/** Basis points (an integer) as a percentage with two decimals, e.g. 1234 as 12.34%. */
export function percentFromBasisPoints(bp) {
  const value = BigInt(bp);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return `${decimal(text)}%`;
}

/**
 * Epoch milliseconds in the platform zone, as the locale writes date and time, then the zone's name and its offset at
 * that instant, e.g. "2026/12/06 17:42:26 (Asia/Shanghai, GMT+08:00)" (CONTRACTS.md 19).
 */
export function time(epochMs, zone) {
  const date = new Date(Number(epochMs));
  const text = new Intl.DateTimeFormat(locale(), {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23',
  }).format(date);
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(date)
    .find(part => part.type === 'timeZoneName')?.value ?? '';
  return `${text} (${zone}, ${offset})`;
}

/** An ISO date (yyyy-mm-dd) as the locale writes it; the date is a calendar date, no zone applies. */
export function date(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (!match) return String(iso ?? '');
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(utc);
}
