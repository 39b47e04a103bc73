// Funds as every page names them: the reference data by code (GET /funds), "CODE · short name", and money in a fund's
// currency.
import { money } from '../format.js';

/** Every fund's reference data by code (GET /funds), read at {@code minIndex}. */
export async function loadFunds(client, minIndex) {
  const answer = await client.read('/funds', { minIndex });
  return new Map((answer.funds ?? []).map(fund => [fund.code, fund]));
}

/** "CODE · short name" for a fund code (the code alone when the fund is unknown). */
export function fundLabel(funds, code) {
  const fund = funds?.get(code);
  return fund ? `${code} · ${fund.shortName}` : code;
}

/** Money in the fund's currency (CNY when the fund is unknown). */
export function fundMoney(text, fund) {
  return money(text, fund?.currency || 'CNY');
}
