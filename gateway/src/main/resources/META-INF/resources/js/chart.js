// Inline SVG charts: an indicator's reported values over periods, and a plan's score over versions.

import { s, h } from './dom.js';
import { toNumber, value as formatValue, points as formatPoints } from './format.js';
import { t } from './i18n.js';

/**
 * Orders periods in time: by year, then by the month the period ends (2019-Q1, 2019-H1, 2019-07 …), a
 * whole year (2019) after its parts.
 */
export function comparePeriods(a, b) {
  return periodKey(a) - periodKey(b) || String(a).localeCompare(String(b));
}

function periodKey(period) {
  const m = /^(\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\d{2})))?$/.exec(String(period));
  if (!m) {
    return Number.MAX_SAFE_INTEGER;
  }
  const year = Number(m[1]);
  let end = 13; // the whole year sorts after its parts
  if (m[2]) {
    end = Number(m[3]) * 6;
  } else if (m[4]) {
    end = Number(m[5]) * 3;
  } else if (m[6]) {
    end = Number(m[6]);
  }
  return year * 100 + end;
}

const PALETTE = ['#1f6fd1', '#7b4fc9', '#0f8b8d', '#c2571a', '#5b6778'];

function niceStep(range, ticks) {
  const raw = range / Math.max(ticks, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const normalized = raw / magnitude;
  const step = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10;
  return step * magnitude;
}

function scaleY(minValue, maxValue) {
  let lo = Math.min(0, minValue);
  let hi = Math.max(0, maxValue);
  if (hi === lo) {
    hi = lo + 1;
  }
  const step = niceStep(hi - lo, 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks = [];
  for (let v = lo; v <= hi + step / 2; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return { lo, hi, ticks };
}

function isActive(m) {
  if (m.kind === 'retraction') {
    return false;
  }
  if (m.status) {
    return m.status === 'active';
  }
  return !m.supersededBy;
}

/**
 * The values reported for one indicator: its events per period (one line per component when each period
 * has one value, dots otherwise), superseded values as hollow grey points, the year's target as a dashed
 * line and the value the score used as a diamond.
 */
export function valueChart(measurements, { target, targetYear, unit, scored } = {}) {
  const plotted = measurements.filter((m) => m.kind !== 'retraction' && toNumber(m.value) !== null);
  const scoredNumber = toNumber(scored);
  const scoredPeriod = scoredNumber !== null && targetYear ? String(targetYear) : null;
  const periods = [...new Set(plotted.map((m) => String(m.period)).concat(scoredPeriod ? [scoredPeriod] : []))].sort(comparePeriods);
  const width = 640;
  const height = 230;
  const margin = { top: 18, right: 28, bottom: 36, left: 64 };
  const inset = 28;
  const innerW = width - margin.left - margin.right - 2 * inset;
  const innerH = height - margin.top - margin.bottom;
  const targetNumber = toNumber(target);
  const values = plotted.map((m) => toNumber(m.value));
  [targetNumber, scoredNumber].filter((v) => v !== null).forEach((v) => values.push(v));
  const { lo, hi, ticks } = scaleY(Math.min(...values), Math.max(...values));
  const y = (v) => margin.top + innerH - ((v - lo) / (hi - lo)) * innerH;
  const x = (period) => {
    const i = periods.indexOf(String(period));
    return margin.left + inset + (periods.length === 1 ? innerW / 2 : (i / (periods.length - 1)) * innerW);
  };
  const unitText = unit ? ` ${unit}` : '';

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', testid: 'value-chart',
    'aria-label': t('detail.chart'), preserveAspectRatio: 'xMidYMid meet',
  });
  ticks.forEach((tick) => {
    svg.append(s('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: tick === 0 ? 'axis' : 'grid' }));
    svg.append(s('text', { x: margin.left - 8, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, formatValue(tick)));
  });
  periods.forEach((period) => {
    svg.append(s('text', { x: x(period), y: height - margin.bottom + 20, class: 'tick', 'text-anchor': 'middle' }, period));
  });
  if (targetNumber !== null) {
    svg.append(s('line', { x1: margin.left, x2: width - margin.right, y1: y(targetNumber), y2: y(targetNumber), class: 'target-line' }));
    svg.append(s('text', { x: width - margin.right, y: y(targetNumber) - 6, class: 'target-label', 'text-anchor': 'end' },
      t('chart.target', `${formatValue(target)}${unitText}${targetYear ? ` (${targetYear})` : ''}`)));
  }
  if (scoredPeriod) {
    const cx = x(scoredPeriod);
    const cy = y(scoredNumber);
    svg.append(s('path', { d: `M ${cx} ${cy - 9} L ${cx + 9} ${cy} L ${cx} ${cy + 9} L ${cx - 9} ${cy} Z`, class: 'scored-marker', testid: 'chart-scored' },
      s('title', {}, t('chart.scored', `${formatValue(scored)}${unitText}`))));
    const rightSide = cx < width - 150;
    svg.append(s('text', { x: cx + (rightSide ? 14 : -14), y: cy + 4, class: 'scored-label', 'text-anchor': rightSide ? 'start' : 'end' },
      t('chart.scored', formatValue(scored))));
  }

  const labelPoints = plotted.length <= 12;
  const components = [...new Set(plotted.map((m) => m.component || ''))];
  components.forEach((component, index) => {
    const color = PALETTE[index % PALETTE.length];
    const series = plotted.filter((m) => (m.component || '') === component);
    const byPeriod = new Map();
    series.forEach((m) => {
      const list = byPeriod.get(String(m.period)) || [];
      list.push(m);
      byPeriod.set(String(m.period), list);
    });
    // events sharing a period sit side by side
    const offset = (m) => {
      const list = byPeriod.get(String(m.period));
      return list.length === 1 ? 0 : (list.indexOf(m) - (list.length - 1) / 2) * 26;
    };
    const active = series.filter(isActive).sort((a, b) => comparePeriods(a.period, b.period));
    const onePerPeriod = new Set(active.map((m) => String(m.period))).size === active.length;
    if (active.length > 1 && onePerPeriod) {
      svg.append(s('polyline', {
        points: active.map((m) => `${x(m.period)},${y(toNumber(m.value))}`).join(' '),
        class: 'series-line', stroke: color,
      }));
    }
    series.filter((m) => !isActive(m)).forEach((m) => {
      svg.append(s('circle', { cx: x(m.period) + offset(m), cy: y(toNumber(m.value)), r: 4, class: 'point superseded' },
        s('title', {}, `${m.period}${component ? ` ${component}` : ''}: ${formatValue(m.value)} (${m.status || 'superseded'})`)));
    });
    active.forEach((m) => {
      const cx = x(m.period) + offset(m);
      svg.append(s('circle', {
        cx, cy: y(toNumber(m.value)), r: 5, class: 'point', fill: color, testid: 'chart-point',
        dataset: { period: m.period, value: m.value, eventId: m.eventId },
      }, s('title', {}, `${m.period}${component ? ` ${component}` : ''}: ${formatValue(m.value)}${unitText}`)));
      if (labelPoints) {
        svg.append(s('text', { x: cx, y: y(toNumber(m.value)) - 10, class: 'point-label', 'text-anchor': 'middle' }, formatValue(m.value)));
      }
    });
  });

  const legend = components.length > 1
    ? h('div', { class: 'chart-legend' }, components.map((component, index) =>
      h('span', { class: 'legend-item' }, h('i', { style: `background:${PALETTE[index % PALETTE.length]}` }), component || '—')))
    : null;
  return h('div', { class: 'chart-wrap' }, svg, legend);
}

/** The total score of every score version, oldest first, as a small line. */
export function sparkline(history) {
  const entries = history
    .map((entry) => ({ version: Number(entry.scoreVersion), total: toNumber(entry.totalScore ?? null) }))
    .filter((entry) => entry.total !== null)
    .sort((a, b) => a.version - b.version);
  if (entries.length === 0) {
    return null;
  }
  const width = 240;
  const height = 56;
  const pad = 6;
  const values = entries.map((e) => e.total);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (i) => (entries.length === 1 ? width / 2 : pad + (i / (entries.length - 1)) * (width - 2 * pad));
  const y = (v) => (hi === lo ? height / 2 : height - pad - ((v - lo) / span) * (height - 2 * pad));
  const line = entries.map((e, i) => `${x(i)},${y(e.total)}`).join(' ');
  const last = entries[entries.length - 1];
  return s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'sparkline', testid: 'score-sparkline', role: 'img', 'aria-label': t('card.history') },
    s('polygon', { points: `${x(0)},${height - pad} ${line} ${x(entries.length - 1)},${height - pad}`, class: 'spark-area' }),
    s('polyline', { points: line, class: 'spark-line' }),
    entries.map((e, i) => s('circle', { cx: x(i), cy: y(e.total), r: i === entries.length - 1 ? 3.5 : 2, class: i === entries.length - 1 ? 'spark-last' : 'spark-dot' },
      s('title', {}, `v${e.version}: ${formatPoints(e.total)}`))),
    s('title', {}, `v${last.version}: ${formatPoints(last.total)}`));
}

