// Test-only (ops test resources): runs the portal's format module in both languages, and the zoned times people type,
// for PortalShellSystemTest.
import { setLocale, locale } from '../app/i18n.js';
import { decimal, money, units, percentFromBasisPoints, time, date } from '../app/format.js';
import { zonedToEpoch, epochToZoned } from '../app/zoned.js';

/** What zonedToEpoch makes of each text typed in {@code zone} (null: refused), and the round trip of what it took. */
function zonedExamples() {
  const shanghai = text => zonedToEpoch(text, 'Asia/Shanghai');
  const newYork = text => zonedToEpoch(text, 'America/New_York');
  return {
    valid: shanghai('2026-11-18 19:06'),
    roundTrip: epochToZoned(shanghai('2026-11-18 19:06'), 'Asia/Shanghai'),
    leapDay: shanghai('2028-02-29 10:00'),
    february31: shanghai('2027-02-31 10:00'),
    february29NotLeap: shanghai('2027-02-29 10:00'),
    april31: shanghai('2027-04-31 09:00'),
    month0: shanghai('2027-00-10 10:00'),
    month13: shanghai('2027-13-10 10:00'),
    day0: shanghai('2027-03-00 10:00'),
    hour24: shanghai('2027-03-01 24:00'),
    minute60: shanghai('2027-03-01 23:60'),
    trailing: shanghai('2027-03-01 10:00x'),
    springForwardGap: newYork('2027-03-14 02:30'),
    afterTheGap: newYork('2027-03-14 03:30'),
    fallBackFirst: newYork('2027-11-07 01:30'),
    fallBackFirstEastOfUtc: zonedToEpoch('2027-10-31 02:30', 'Europe/Berlin'),
    fallBackFirstSouthern: zonedToEpoch('2027-04-04 02:30', 'Australia/Sydney'),
    yearFifty: zonedToEpoch('0050-06-15 12:00', 'UTC'),
    yearOne: shanghai('0001-01-01 00:00'),
  };
}

window.fxFormatExamples = async () => {
  const before = locale();
  const results = {};
  for (const name of ['en', 'zh-CN']) {
    await setLocale(name);
    results[name] = {
      money: money('1234567.5', 'CNY'),
      huge: units('92233720368547758.07'),
      price: decimal('1.2345'),
      zero: money('0', 'CNY'),
      negative: decimal('-0.50'),
      percent: percentFromBasisPoints(1234),
      smallPercent: percentFromBasisPoints(5),
      time: time(1795000000000, 'Asia/Shanghai'),
      date: date('2027-03-31'),
      notDecimal: decimal('1e3'),
    };
  }
  await setLocale(before);
  results.zoned = zonedExamples();
  return results;
};
document.getElementById('state').textContent = 'ready';
