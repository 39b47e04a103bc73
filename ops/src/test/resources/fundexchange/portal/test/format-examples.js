// Test-only (ops test resources): runs the portal's format module in both languages for PortalShellSystemTest.
import { setLocale, locale } from '../app/i18n.js';
import { decimal, money, units, percentFromBasisPoints, time, date } from '../app/format.js';

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
  return results;
};
document.getElementById('state').textContent = 'ready';
