// The daily report's charts as ECharts options (pure functions of the report's JSON). Every label and tooltip is
// text: tooltips render as rich text on the canvas (renderMode 'richText'), never as HTML, and every piece of data
// passes through chartText, which neutralises ECharts' rich-text markup ({style|text}) and drops control characters,
// so a fund or participant name is drawn exactly as text, never interpreted.
import { t } from '../../i18n.js';

const MARKUP = { '{': '｛', '}': '｝', '|': '｜' };

/** A value as chart text: markup characters replaced by their full-width forms, control characters removed. */
export function chartText(value) {
  return String(value ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/[{}|]/g, ch => MARKUP[ch]);
}

const BASE = {
  animation: false,
  grid: { left: 10, right: 70, top: 30, bottom: 30, containLabel: true },
  tooltip: { trigger: 'item', renderMode: 'richText', confine: true },
};

/** Each trade's price as % of NAV, outliers marked, with the 100% (NAV) line. */
export function navChart(report) {
  const trades = report.highlights?.trades ?? [];
  const labels = trades.map(x => chartText(`${t('regulator.report.trade')} ${x.tradeId} · ${x.fundCode} ${x.fundName ?? ''}`.trim()));
  return {
    ...BASE,
    tooltip: {
      ...BASE.tooltip,
      formatter: p => {
        const x = trades[p.dataIndex];
        return [labels[p.dataIndex], `${t('regulator.report.mechanism')}: ${chartText(x.mechanism)}`,
          `${t('regulator.report.price')}: ${chartText(x.price)} ${chartText(x.currency ?? '')}`,
          `${t('regulator.report.percentOfNav')}: ${chartText(x.percentOfNav)}%`,
          `${t('regulator.report.multiple')}: ${chartText(x.multipleOfCost)}`,
          `${t('regulator.report.outliers')}: ${x.outliers.length ? x.outliers.map(o => t(`regulator.report.outlier.${o}`)).join(', ') : t('app.none')}`].join('\n');
      },
    },
    xAxis: { type: 'value', name: '%' },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 300, overflow: 'truncate', formatter: value => chartText(value) } },
    series: [{
      type: 'bar', name: chartText(t('regulator.report.percentOfNav')),
      // The bar's length only; every number shown is the report's exact string.
      data: trades.map(x => ({ value: Number(x.percentOfNav), itemStyle: { color: x.outliers.length ? '#a12622' : '#1f4e79' } })),
      label: { show: true, position: 'right', formatter: p => `${chartText(trades[p.dataIndex].percentOfNav)}%` },
      markLine: { symbol: 'none', silent: true, label: { formatter: chartText(t('regulator.report.navLine')) }, data: [{ xAxis: 100 }] },
    }],
  };
}

/** Refusals by code (the sum over participants). */
export function refusalChart(report) {
  const rows = report.rejections?.byCode ?? [];
  const labels = rows.map(r => chartText(`${r.code} ${r.reason ?? ''}`.trim()));
  return {
    ...BASE,
    tooltip: { ...BASE.tooltip, formatter: p => `${labels[p.dataIndex]}\n${t('regulator.report.count')}: ${rows[p.dataIndex].count}` },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { formatter: value => chartText(value) } },
    series: [{ type: 'bar', data: rows.map(r => r.count), label: { show: true, position: 'right' } }],
  };
}
