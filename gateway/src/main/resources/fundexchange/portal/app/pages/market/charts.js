// The market page's charts as ECharts options (pure functions of the public reads). As on the regulator's report
// (regulator/charts.js), tooltips are rich text on the canvas, never HTML, and every label passes through chartText,
// so a fund's name, which its registration supplied, is drawn as the text it is. A bar's or point's length comes from
// Number(); every figure written out is the API's exact string.
import { t } from '../../i18n.js';
import { date } from '../../format.js';
import { chartText } from '../regulator/charts.js';

const BASE = {
  animation: false,
  grid: { left: 10, right: 40, top: 40, bottom: 30, containLabel: true },
  tooltip: { renderMode: 'richText', confine: true },
  legend: { top: 0, formatter: name => chartText(name) },
};

/** The discount to NAV by strategy over time: a line per strategy (and currency, when they differ), on the union of their dates. */
export function indexChart(indices) {
  const dates = [...new Set(indices.flatMap(index => index.points.map(p => p.date)))].sort();
  const currencies = new Set(indices.map(index => index.currency)).size;
  return {
    ...BASE,
    tooltip: { ...BASE.tooltip, trigger: 'item',
      formatter: p => `${chartText(p.seriesName)}\n${t('market.points', { date: date(dates[p.dataIndex]),
        value: `${chartText(p.data?.text)}%` })}` },
    xAxis: { type: 'category', data: dates, axisLabel: { formatter: value => chartText(value) } },
    yAxis: { type: 'value', name: '%', scale: true },
    series: indices.map(index => {
      const at = new Map(index.points.map(p => [p.date, p.discountToNavPct]));
      const name = currencies > 1 ? `${index.strategy} · ${index.currency}` : index.strategy;
      return { type: 'line', name: chartText(name), connectNulls: true, symbolSize: 7,
        data: dates.map(d => (at.has(d) ? { value: Number(at.get(d)), text: at.get(d) } : null)) };
    }),
  };
}

/** The last trade price and 90-day VWAP of published funds of one currency (their value axis is that currency's). */
export function priceChart(funds) {
  const labels = funds.map(f => chartText(`${f.fundCode} · ${f.shortName ?? ''}`));
  const bar = (name, pick) => ({
    type: 'bar', name: chartText(name),
    data: funds.map(f => (pick(f) == null ? null : { value: Number(pick(f)), text: `${pick(f)} ${f.currency ?? ''}` })),
  });
  return {
    ...BASE,
    tooltip: { ...BASE.tooltip, trigger: 'item',
      formatter: p => `${labels[p.dataIndex]}\n${chartText(p.seriesName)}: ${chartText(p.data?.text)}` },
    xAxis: { type: 'value', name: chartText(funds[0]?.currency) },
    yAxis: { type: 'category', data: labels, inverse: true,
      axisLabel: { width: 260, overflow: 'truncate', formatter: value => chartText(value) } },
    series: [bar(t('market.series.last'), f => f.lastTrade?.price), bar(t('market.series.vwap'), f => f.vwap90)],
  };
}
