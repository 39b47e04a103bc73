// Fixed-point decimal strings compared and added exactly (BigInt at a given scale), never through a float.

const DECIMAL = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** The value of a non-negative decimal string at {@code scale} as a BigInt, or null if it is none or too precise. */
export function scaled(text, scale) {
  const match = DECIMAL.exec(String(text ?? ''));
  if (!match || (match[2] ?? '').length > scale) return null;
  return BigInt(match[1] + (match[2] ?? '').padEnd(scale, '0'));
}

/** A BigInt at {@code scale} as a decimal string with exactly {@code scale} fraction digits. */
export function unscaled(value, scale) {
  const text = value.toString().padStart(scale + 1, '0');
  return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
}
