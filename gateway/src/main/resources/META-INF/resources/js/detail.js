// The drill-down of one indicator: figures, rule, steps of the derivation, input events and a chart of
// every value reported for it.

import { h } from './dom.js';
import { t, tOr, dateTime } from './i18n.js';
import { points, percent, value as formatValue } from './format.js';
import { nameOf, fieldOf } from './names.js';
import { statusPill, targetText } from './scorecard.js';
import { valueChart, comparePeriods } from './chart.js';

function figure(label, main, sub, testid) {
  return h('div', { class: 'figure' },
    h('span', { class: 'card-label' }, label),
    h('span', { class: 'figure-main', testid }, main),
    sub ? h('span', { class: 'muted small' }, sub) : null);
}

function section(title, testid, ...content) {
  return h('section', { class: 'detail-section', testid }, h('h3', {}, title), ...content);
}

function shortId(id) {
  return id ? String(id).slice(0, 8) : '';
}

function blank(v) {
  return v === null || v === undefined || v === '';
}

export function renderDetail(ctx, handlers) {
  const indicator = ctx.indicator;
  if (!indicator) {
    return [h('div', { class: 'drawer-head' },
      h('h2', {}, t('detail.title')),
      h('button', { class: 'icon-button', testid: 'detail-close', 'aria-label': t('detail.close'), onclick: handlers.onClose }, '×')),
    h('div', { class: 'drawer-body' },
      ctx.status === 'error'
        ? h('p', { class: 'error' }, t('detail.error', ctx.error || ''))
        : h('p', { class: 'muted' }, h('span', { class: 'spinner' }), t('detail.loading')))];
  }
  const name = nameOf(ctx.names, indicator.id, indicator.name);
  const target = indicator.target || {};
  const rule = indicator.rule || null;
  const steps = indicator.steps || [];
  const flags = indicator.flags || [];
  const baseline = indicator.baselineInputs || [];
  const inputs = ctx.explanation ? (ctx.explanation.inputEvents || []) : null;
  // The explanation lists the first page of the events behind the score; inputEventCount says how many there are.
  const total = ctx.explanation ? (ctx.explanation.inputEventCount ?? (inputs || []).length) : 0;
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const standard = fieldOf(ctx.names, indicator.id, 'measurement_standard', 'measurementStandard');
  const method = fieldOf(ctx.names, indicator.id, 'evaluation_method', 'evaluationMethod');
  const formula = fieldOf(ctx.names, indicator.id, 'formula');
  const version = ctx.explanation ? ctx.explanation.scoreVersion : (ctx.view ? ctx.view.scoreVersion : null);
  const computedAt = ctx.explanation ? ctx.explanation.computedAt : (ctx.view ? ctx.view.computedAt : null);

  const head = h('div', { class: 'drawer-head' },
    h('div', { class: 'drawer-title' },
      h('span', { class: 'card-label' }, t('detail.title')),
      h('h2', { testid: 'detail-name' }, h('span', { class: 'chip id' }, indicator.id), ' ', name.primary),
      name.secondary ? h('div', { class: 'muted small' }, name.secondary) : null,
      h('div', { class: 'drawer-status' }, statusPill(indicator.status, 'detail-status'),
        version ? h('span', { class: 'muted small', testid: 'detail-version', dataset: { version } },
          `${t('detail.scoreVersion', version)} · ${dateTime(computedAt)}`) : null)),
    h('button', { class: 'icon-button', testid: 'detail-close', 'aria-label': t('detail.close'), title: t('detail.close'), onclick: handlers.onClose }, '×'));

  const figures = h('div', { class: 'figures' },
    figure(t('detail.value'), blank(indicator.value) ? '—' : `${formatValue(indicator.value)}${unit}`, null, 'detail-value'),
    figure(t('detail.target'), targetText(target).main, targetText(target).other, 'detail-target'),
    figure(t('detail.achievement'), blank(indicator.achievement) ? '—' : percent(indicator.achievement), null, 'detail-achievement'),
    figure(t('detail.points'), blank(indicator.points) ? '—' : points(indicator.points),
      blank(indicator.maxPoints) ? null : `/ ${points(indicator.maxPoints)}`, 'detail-points'));

  const body = [figures];

  if (standard || method || formula) {
    body.push(section(t('detail.standard'), 'detail-standard',
      standard ? h('p', {}, standard) : null,
      method && method !== standard ? h('p', { class: 'muted' }, method) : null,
      formula ? h('code', { class: 'code' }, typeof formula === 'string' ? formula : JSON.stringify(formula)) : null));
  }

  body.push(section(t('detail.rule'), 'detail-rule',
    rule && rule.type
      ? [h('p', {}, h('strong', {}, tOr(`rule.${rule.type}`, rule.type)), h('span', { class: 'muted' }, ` (${rule.type})`)),
        rule.definition ? h('code', { class: 'code', testid: 'indicator-rule' }, rule.definition) : null]
      : h('p', { class: 'muted', testid: 'indicator-rule' }, t('detail.noRule'))));

  if (flags.length) {
    body.push(section(t('detail.flags'), 'detail-flags',
      h('ul', { class: 'flag-list' }, flags.map((flag) => h('li', {}, h('span', { class: 'flag' }, flag), ' ', tOr(`flag.${flag}`, ''))))));
  }

  body.push(section(t('detail.steps'), 'detail-steps',
    steps.length
      ? h('ol', { class: 'steps', testid: 'indicator-steps' }, steps.map((step) => h('li', { testid: 'indicator-step' }, step)))
      : h('p', { class: 'muted', testid: 'indicator-steps-empty' }, t('detail.noSteps'))));

  if (baseline.length) {
    body.push(section(t('detail.baseline'), 'detail-baseline',
      h('table', { class: 'mini' },
        h('thead', {}, h('tr', {}, h('th', {}, t('col.year')), h('th', { class: 'num' }, t('col.value')), h('th', {}, t('col.source')))),
        h('tbody', {}, baseline.map((b) => h('tr', {},
          h('td', {}, b.year), h('td', { class: 'num' }, blank(b.value) ? '—' : formatValue(b.value)),
          h('td', {}, tOr(`source.${b.source}`, b.source || ''), baselineEvents(b) ? h('span', { class: 'muted small' }, ` ${t('detail.eventCount', baselineEvents(b))}`) : null)))))));
  }

  body.push(section(t('detail.inputs'), 'detail-inputs',
    inputs === null
      ? h('p', { class: 'muted' }, ctx.status === 'error' ? t('detail.error', ctx.error || '') : t('detail.loading'))
      : inputs.length === 0
        ? h('p', { class: 'muted' }, t('detail.noInputs'))
        : h('div', {}, total > inputs.length ? h('p', { class: 'muted small', testid: 'inputs-shown' }, t('detail.inputsShown', inputs.length, total)) : null,
          h('table', { class: 'mini', testid: 'indicator-inputs' },
          h('thead', {}, h('tr', {}, h('th', {}, t('col.event')), h('th', {}, t('col.period')), h('th', {}, t('col.component')),
            h('th', { class: 'num' }, t('col.value')), h('th', {}, t('col.kind')), h('th', {}, t('col.recordedAt')))),
          h('tbody', {}, inputs.map((e) => h('tr', { testid: 'input-event', dataset: { eventId: e.eventId } },
            h('td', { class: 'mono', title: e.eventId }, shortId(e.eventId)),
            h('td', {}, e.period || ''), h('td', {}, e.component || '—'),
            h('td', { class: 'num' }, blank(e.value) ? '—' : formatValue(e.value)),
            h('td', {}, tOr(`mkind.${e.kind}`, e.kind || ''), e.supersedes ? h('span', { class: 'muted small', title: e.supersedes }, ` ← ${shortId(e.supersedes)}`) : null),
            h('td', { class: 'small' }, dateTime(e.recordedAt)))))))));

  const measurements = ctx.measurements;
  body.push(section(t('detail.chart'), 'detail-history',
    measurements === null
      ? h('p', { class: 'muted' }, ctx.measurementsError ? t('detail.error', ctx.measurementsError) : t('detail.loading'))
      : measurements.length === 0
        ? h('p', { class: 'muted', testid: 'no-measurements' }, t('detail.noMeasurements'))
        : [valueChart(measurements, { target: target.value, targetYear: ctx.year, unit: indicator.unit, scored: indicator.value }),
          h('table', { class: 'mini', testid: 'measurement-table' },
            h('thead', {}, h('tr', {}, h('th', {}, t('col.period')), h('th', {}, t('col.component')), h('th', { class: 'num' }, t('col.value')),
              h('th', {}, t('col.kind')), h('th', {}, t('col.eventStatus')), h('th', {}, t('col.recordedAt')))),
            h('tbody', {}, [...measurements].sort((a, b) => comparePeriods(a.period, b.period)).map((m) => h('tr', { testid: 'measurement-row', class: m.status && m.status !== 'active' ? 'inactive' : null, dataset: { eventId: m.eventId } },
              h('td', {}, m.period || ''), h('td', {}, m.component || '—'),
              h('td', { class: 'num' }, blank(m.value) ? '—' : `${formatValue(m.value)}${m.unit ? ` ${m.unit}` : ''}`),
              h('td', {}, tOr(`mkind.${m.kind}`, m.kind || '')),
              h('td', {}, m.status ? tOr(`mstatus.${m.status}`, m.status) : ''),
              h('td', { class: 'small' }, dateTime(m.recordedAt))))))]));

  return [head, h('div', { class: 'drawer-body' }, body)];
}

/** How many measurement events a baseline value was read from (older scorecards listed their ids). */
function baselineEvents(b) {
  return b.eventCount ?? (b.eventIds || []).length;
}
