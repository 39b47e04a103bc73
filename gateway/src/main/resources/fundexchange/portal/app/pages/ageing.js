// How long something has waited, for people: days and hours, hours and minutes, or minutes, in the user's language.
// Small on purpose, so a page that shows ageing (the settlement queue) need not load a role's whole page base.
import { t, addMessages } from '../i18n.js';

/** A waiting time of {@code ms} milliseconds (negative reads as 0). */
export function waited(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('age.days', { d, h });
  if (h > 0) return t('age.hours', { h, m });
  return t('age.minutes', { m });
}

addMessages({
  en: { 'age.days': '{d} d {h} h', 'age.hours': '{h} h {m} min', 'age.minutes': '{m} min' },
  'zh-CN': { 'age.days': '{d} 天 {h} 小时', 'age.hours': '{h} 小时 {m} 分钟', 'age.minutes': '{m} 分钟' },
});
