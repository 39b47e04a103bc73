// What people type, checked in the API's grammar before anything is signed (docs/api.md, Input rules): amounts as
// decimal strings (BigInt, never a float), whole numbers, and the check messages shown beside a field.
import { html, nothing } from 'lit';
import { t, addMessages } from '../i18n.js';

const LONG_MAX = 9223372036854775807n;
export const UNITS_SCALE = 2;
export const PRICE_SCALE = 4;

/**
 * Why {@code text} is no positive amount the API takes at {@code scale} (digits, at most {@code scale} decimals,
 * fitting a long), as {key, params}; null when it is one.
 */
export function amountProblem(text, scale) {
  const match = new RegExp(`^(0|[1-9][0-9]*)(?:\\.([0-9]{1,${scale}}))?$`).exec(String(text ?? ''));
  if (!match) return { key: 'input.check.amount', params: { scale } };
  const scaled = BigInt(match[1] + (match[2] ?? '').padEnd(scale, '0'));
  if (scaled > LONG_MAX) return { key: 'input.check.tooLarge', params: {} };
  return scaled === 0n ? { key: 'input.check.positive', params: {} } : null;
}

/** Why {@code text} is no whole number from 0 to {@code max} (milliseconds, counts), or null. */
export function wholeProblem(text, max) {
  const value = String(text ?? '');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(value) || BigInt(value) > BigInt(max)) {
    return { key: 'input.check.whole', params: { max } };
  }
  return null;
}

/** A form field's check message ({key, params} or a message) as element {@code id}, or nothing. */
export function renderCheck(problem, id) {
  if (!problem) return nothing;
  return html`<span class="fx-check-problem" id=${id}>${typeof problem === 'string' ? problem : t(problem.key, problem.params)}</span>`;
}

/** The check message of the field {@code id}, as element {@code <id>-check}. */
export function check(problem, id) {
  return renderCheck(problem, `${id}-check`);
}

addMessages({
  en: {
    'input.check.amount': 'Enter a number with at most {scale} decimals, digits only (e.g. 1000.50).',
    'input.check.tooLarge': 'This amount is too large.',
    'input.check.positive': 'Enter an amount above zero.',
    'input.check.whole': 'Enter a whole number from 0 to {max}.',
  },
  'zh-CN': {
    'input.check.amount': '请输入数字，最多 {scale} 位小数，只含数字（例如 1000.50）。',
    'input.check.tooLarge': '金额过大。',
    'input.check.positive': '请输入大于零的数额。',
    'input.check.whole': '请输入 0 至 {max} 之间的整数。',
  },
});
