// The scorecard of one plan for one year: header, summary cards, facets, goals and indicators.

import { h, s } from './dom.js';
import { t, tOr, dateTime, language } from './i18n.js';
import { points, percent, value as formatValue, toNumber, rocYear, signedPoints } from './format.js';
import { nameOf } from './names.js';
import { sparkline } from './chart.js';

export const STATUSES = ['MET', 'AT_RISK', 'OFF_TRACK', 'PENDING', 'NOT_SCORED'];

export function statusPill(status, testid = 'status-pill') {
  const known = STATUSES.includes(status) ? status : 'NOT_SCORED';
  return h('span', { class: `status status-${known.toLowerCase().replace('_', '-')}`, testid, dataset: { status: status || '' } },
    h('i', { 'aria-hidden': 'true' }), tOr(`status.${status}`, status || '—'));
}

export function kindLabel(kind) {
  return kind ? tOr(`kind.${kind}`, kind) : '';
}

export function yearLabel(year) {
  return t('year.label', year, rocYear(year));
}

export function periodLabel(years) {
  if (!years || years.length === 0) {
    return '';
  }
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? yearLabel(first) : `${first}–${last}（${rocYear(first)}–${rocYear(last)}）`;
}

function ratioBar(ratio, className = '') {
  const n = toNumber(ratio);
  const width = n === null ? 0 : Math.max(0, Math.min(1, n)) * 100;
  return h('span', { class: `bar ${className}`, 'aria-hidden': 'true' }, h('span', { style: `width:${width.toFixed(2)}%` }));
}

function ring(ratio) {
  const n = toNumber(ratio);
  const fraction = n === null ? 0 : Math.max(0, Math.min(1, n));
  const radius = 30;
  const circumference = 2 * Math.PI * radius;
  return s('svg', { viewBox: '0 0 72 72', class: 'ring', 'aria-hidden': 'true' },
    s('circle', { cx: 36, cy: 36, r: radius, class: 'ring-track' }),
    fraction <= 0 ? null : s('circle', {
      cx: 36, cy: 36, r: radius, class: 'ring-value',
      'stroke-dasharray': `${(fraction * circumference).toFixed(2)} ${circumference.toFixed(2)}`,
      transform: 'rotate(-90 36 36)',
    }));
}

/**
 * The target as printed in the plan (zh-TW UI) or as the engine describes it (English UI); the other one is
 * the tooltip or the secondary line.
 */
export function targetText(target) {
  const raw = target && target.raw ? String(target.raw) : '';
  const description = target && target.description ? String(target.description) : '';
  if (!raw && !description) {
    return { main: '—', other: null };
  }
  const english = language() === 'en';
  // the engine's description ends with the printed cell, e.g. ≥ 5 案 (printed "5 案以上"): shown apart
  const described = raw ? description.replace(/\s*\(printed ".*"\)\s*$/, '') : description;
  const main = english ? (described || raw) : (raw || description);
  const other = english ? raw : description;
  return { main, other: other && other !== main ? other : null };
}

function delta(value, testid) {
  const shown = signedPoints(value);
  return shown ? h('span', { class: ['delta', shown.startsWith('+') ? 'up' : 'down'], testid }, shown) : null;
}

function planHeader(ctx) {
  const { plan, planSummary, years, agencyLabel } = ctx;
  const source = plan || planSummary || {};
  const title = source.title || ctx.planId;
  const meta = [agencyLabel, kindLabel(source.kind), periodLabel(years)].filter(Boolean);
  const version = source.currentVersion ?? source.version;
  return h('div', { class: 'plan-header' },
    h('div', { class: 'plan-heading' },
      h('h1', { testid: 'plan-title' }, title),
      h('p', { class: 'plan-meta' }, meta.join(' · '),
        version ? h('span', { class: 'chip subtle' }, t('card.planVersion', version)) : null)));
}

function toolbar(ctx, handlers) {
  const { years, year, view } = ctx;
  const select = h('select', { id: 'year-select', testid: 'year-select', 'aria-label': t('plans.filter.year'),
    onchange: (e) => handlers.onYear(Number(e.target.value)) },
  (years.length ? years : [year]).map((y) => h('option', { value: y, selected: Number(y) === Number(year) }, yearLabel(y))));
  const items = [h('label', { class: 'field inline' }, h('span', {}, t('plans.filter.year')), select)];
  if (view) {
    items.push(h('div', { class: 'version-block' },
      h('span', { class: 'muted' }, t('card.version')),
      h('span', { class: 'version-badge', testid: 'score-version', dataset: { version: view.scoreVersion } }, `v${view.scoreVersion}`),
      h('span', { class: 'muted small', testid: 'computed-at' }, `${t('card.computedAt')} ${dateTime(view.computedAt)}`)));
  }
  return h('div', { class: 'toolbar' }, items);
}

function liveBanner(ctx) {
  const update = ctx.lastUpdate;
  if (!update || !ctx.view || update.version !== ctx.view.scoreVersion) {
    return null;
  }
  const detail = update.changedCount > 0 ? t('live.changed', update.changedCount) : t('live.noChange');
  return h('div', { class: 'live-banner', testid: 'live-banner', role: 'status', dataset: { version: update.version } },
    h('span', { class: 'pulse', 'aria-hidden': 'true' }),
    h('strong', {}, t('live.updated', update.version)),
    h('span', {}, ` · ${detail}`),
    update.trigger && update.trigger.eventType ? h('span', { class: 'muted' }, ` · ${triggerLabel(update.trigger)}`) : null,
    h('span', { class: 'muted' }, ` · ${t('live.at', dateTime(update.at))}`));
}

function summaryCards(ctx) {
  const card = ctx.view.scorecard || {};
  const total = card.totalScore;
  const max = card.maxScore ?? (card.weighted ? null : 100);
  const maxNumber = toNumber(max) || 100;
  const totalRatio = toNumber(total) === null ? null : toNumber(total) / maxNumber;
  const coverage = card.coverage || {};
  const counts = card.statusCounts || {};
  const countOf = { MET: counts.met, AT_RISK: counts.atRisk, OFF_TRACK: counts.offTrack, PENDING: counts.pending, NOT_SCORED: counts.notScored };
  const allCounts = STATUSES.reduce((sum, st) => sum + (Number(countOf[st]) || 0), 0);
  return h('div', { class: 'cards' },
    h('section', { class: ['card', 'total-card', ctx.flashTotal ? 'flash' : null], testid: 'total-card' },
      h('div', { class: 'ring-wrap' }, ring(totalRatio),
        h('div', { class: 'ring-label' },
          h('span', { class: 'card-label' }, t(card.weighted ? 'card.total' : 'card.totalUnweighted')),
          h('span', { class: 'total-line' },
            h('span', { class: 'big', testid: 'total-score' }, toNumber(total) === null ? '—' : points(total)),
            ctx.lastUpdate && ctx.lastUpdate.version === ctx.view.scoreVersion ? delta(ctx.lastUpdate.totalDelta, 'total-delta') : null),
          h('span', { class: 'muted small' }, t('card.outOf', points(max ?? 100))),
          card.provisional ? h('span', { class: 'chip warn', testid: 'provisional' }, t('card.provisional')) : null))),
    h('section', { class: 'card', testid: 'coverage-card' },
      h('span', { class: 'card-label' }, t('card.coverage')),
      h('span', { class: 'big', testid: 'coverage' }, coverage.share === null || coverage.share === undefined ? '—' : percent(coverage.share)),
      ratioBar(coverage.share, 'coverage-bar'),
      h('span', { class: 'muted small' }, t('card.coverageDetail', coverage.scored ?? 0, coverage.withTarget ?? 0))),
    h('section', { class: 'card', testid: 'status-counts' },
      h('span', { class: 'card-label' }, t('card.status')),
      h('div', { class: 'stack', 'aria-hidden': 'true' }, STATUSES.map((st) => {
        const n = Number(countOf[st]) || 0;
        return n > 0 && allCounts > 0
          ? h('span', { class: `stack-${st.toLowerCase().replace('_', '-')}`, style: `flex:${n}` }) : null;
      })),
      h('ul', { class: 'count-list' }, STATUSES.map((st) => h('li', { testid: 'status-count', dataset: { status: st } },
        statusPill(st, 'status-count-pill'), h('strong', {}, String(Number(countOf[st]) || 0)))))),
    h('section', { class: 'card', testid: 'history-card' }, historyCardContent(ctx)));
}

/** The score-history card's content; replaced on its own when the history arrives, so row highlights survive. */
export function historyCardContent(ctx) {
  const history = ctx.history || [];
  const line = history.length > 1 ? sparkline(history) : null;
  if (line) {
    return [h('span', { class: 'card-label' }, t('card.history')), line,
      ctx.view && ctx.view.trigger ? h('span', { class: 'muted small trigger', title: ctx.view.trigger.eventId || '' },
        `${t('card.trigger')}: ${triggerLabel(ctx.view.trigger)}`) : null];
  }
  // No totals to draw (or a single version): the latest versions and what triggered them.
  const latest = [...history].sort((a, b) => Number(b.scoreVersion) - Number(a.scoreVersion)).slice(0, 3);
  if (latest.length === 0 && ctx.view) {
    latest.push({ scoreVersion: ctx.view.scoreVersion, computedAt: ctx.view.computedAt, trigger: ctx.view.trigger });
  }
  return [h('span', { class: 'card-label' }, t('card.versions')),
    latest.length === 0 ? h('span', { class: 'muted small' }, '—')
      : h('ol', { class: 'version-list', testid: 'score-versions' }, latest.map((entry) => h('li', { title: entry.trigger ? entry.trigger.eventId || '' : '' },
        h('span', { class: 'version-chip' }, `v${entry.scoreVersion}`),
        h('span', { class: 'version-what' }, triggerLabel(entry.trigger)),
        h('span', { class: 'muted small' }, dateTime(entry.computedAt).slice(-8)))))];
}

export function triggerLabel(trigger) {
  if (!trigger || !trigger.eventType) {
    return '—';
  }
  return tOr(`trigger.${trigger.eventType}`, trigger.eventType);
}

function facetsSection(ctx) {
  const card = ctx.view.scorecard || {};
  const facets = card.facets || [];
  if (!card.weighted || facets.length === 0) {
    return null;
  }
  return h('section', { class: 'panel', testid: 'facets' },
    h('h2', {}, t('facets.title')),
    h('div', { class: 'facet-list' }, facets.map((facet) => {
      const name = nameOf(ctx.names, facet.id, facet.name);
      const max = toNumber(facet.maxScore);
      const ratio = max ? (toNumber(facet.score) || 0) / max : null;
      const notes = [];
      if (toNumber(facet.cap) !== null) {
        notes.push(t('facets.cap', points(facet.cap)));
      }
      if (toNumber(facet.bonus)) {
        notes.push(t('facets.bonus', points(facet.bonus)));
      }
      if (toNumber(facet.scoreBeforeCap) !== null && toNumber(facet.scoreBeforeCap) > (toNumber(facet.score) ?? 0)) {
        notes.push(t('facets.capped', points(facet.scoreBeforeCap)));
      }
      if (facet.coverage && facet.coverage.withTarget) {
        notes.push(t('goal.coverage', facet.coverage.scored ?? 0, facet.coverage.withTarget));
      }
      return h('div', { class: ['facet-row', ctx.changedFacets.has(facet.id) && ctx.flash ? 'flash' : null], testid: 'facet-row', dataset: { facetId: facet.id } },
        h('div', { class: 'facet-name' }, h('span', { class: 'chip id' }, facet.id), h('span', { title: name.secondary || '' }, name.primary)),
        ratioBar(ratio, 'facet-bar'),
        h('div', { class: 'facet-score num' }, h('strong', { testid: 'facet-score' }, points(facet.score) || '—')),
        h('div', { class: 'facet-max muted' }, `/ ${points(facet.maxScore)}`),
        h('div', { class: 'facet-notes muted small' }, notes.join(' · ')));
    })));
}

function indicatorRow(ctx, indicator, handlers) {
  const name = nameOf(ctx.names, indicator.id, indicator.name);
  const target = indicator.target || {};
  const flags = indicator.flags || [];
  const changedVersion = ctx.changed.get(indicator.id);
  const open = () => handlers.onIndicator(indicator.id);
  const hasValue = indicator.value !== null && indicator.value !== undefined;
  return h('tr', {
    class: ['indicator-row', changedVersion && ctx.flash && changedVersion === ctx.view.scoreVersion ? 'flash' : null,
      changedVersion ? 'changed' : null],
    testid: 'indicator-row', tabindex: '0', role: 'button',
    dataset: { indicatorId: indicator.id, status: indicator.status, changedVersion },
    onclick: open,
    onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } },
  },
  h('td', { class: 'col-indicator' },
    h('div', { class: 'ind-name' }, h('span', { class: 'chip id' }, indicator.id),
      h('span', { testid: 'indicator-name' }, name.primary)),
    name.secondary ? h('div', { class: 'muted small secondary-name' }, name.secondary) : null,
    flags.length ? h('div', { class: 'flags' }, flags.map((flag) => h('span', { class: 'flag', title: flag }, tOr(`flag.${flag}`, flag)))) : null),
  h('td', { class: 'num', testid: 'indicator-value' },
    hasValue ? formatValue(indicator.value) : '—', hasValue && indicator.unit ? h('span', { class: 'unit' }, ` ${indicator.unit}`) : null),
  h('td', { class: 'col-target', testid: 'indicator-target', title: targetText(target).other || '' }, targetText(target).main),
  h('td', { class: 'num col-achievement', testid: 'indicator-achievement' },
    indicator.achievement === null || indicator.achievement === undefined ? '—' : percent(indicator.achievement),
    indicator.achievement === null || indicator.achievement === undefined ? null
      : ratioBar(indicator.achievement, `ach-bar status-${String(indicator.status).toLowerCase().replace('_', '-')}`)),
  h('td', { class: 'num col-points' },
    h('span', { testid: 'indicator-points' }, indicator.points === null || indicator.points === undefined ? '—' : points(indicator.points)),
    indicator.maxPoints === null || indicator.maxPoints === undefined ? null
      : h('span', { class: 'muted max', testid: 'indicator-max-points' }, ` / ${points(indicator.maxPoints)}`),
    delta(changedVersion ? ctx.deltas.get(indicator.id) : null, 'indicator-delta')),
  h('td', { class: 'col-status' }, statusPill(indicator.status, 'indicator-status')));
}

function goalsSection(ctx, handlers) {
  const card = ctx.view.scorecard || {};
  const goals = card.goals || [];
  const indicators = card.indicators || [];
  const byGoal = new Map();
  indicators.forEach((indicator) => {
    const list = byGoal.get(indicator.goalId) || [];
    list.push(indicator);
    byGoal.set(indicator.goalId, list);
  });
  const groups = goals.map((goal) => ({ goal, indicators: byGoal.get(goal.id) || [] }));
  const known = new Set(goals.map((g) => g.id));
  const orphans = indicators.filter((i) => !known.has(i.goalId));
  if (orphans.length) {
    groups.push({ goal: null, indicators: orphans });
  }

  const pointsHeader = card.weighted ? t('col.points') : t('col.score');
  return h('section', { class: 'panel', testid: 'goals' },
    h('h2', {}, t('goals.title')),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'indicators', testid: 'indicator-table' },
        h('thead', {}, h('tr', {},
          h('th', {}, t('col.indicator')), h('th', { class: 'num' }, t('col.value')), h('th', {}, t('col.target')),
          h('th', { class: 'num' }, t('col.achievement')), h('th', { class: 'num' }, pointsHeader), h('th', {}, t('col.status')))),
        groups.map(({ goal, indicators: rows }) => h('tbody', { class: 'goal', dataset: { goalId: goal ? goal.id : '' } },
          goal ? goalRow(ctx, goal) : null,
          rows.map((indicator) => indicatorRow(ctx, indicator, handlers)))))));
}

function goalRow(ctx, goal) {
  const name = nameOf(ctx.names, goal.id, goal.name);
  const coverage = goal.coverage || {};
  return h('tr', { class: ['goal-row', ctx.changedGoals.has(goal.id) && ctx.flash ? 'flash' : null], testid: 'goal-row', dataset: { goalId: goal.id } },
    h('th', { colspan: '6', scope: 'rowgroup' },
      h('div', { class: 'goal-head' },
        h('div', { class: 'goal-title' },
          h('span', { class: 'chip id goal-id' }, goal.id),
          h('span', { title: name.secondary || '' }, name.primary),
          goal.bonusOnly ? h('span', { class: 'chip bonus' }, t('goal.bonusOnly')) : null),
        h('div', { class: 'goal-figures' },
          coverage.withTarget ? h('span', { class: 'muted small' }, t('goal.coverage', coverage.scored ?? 0, coverage.withTarget)) : null,
          h('span', { class: 'goal-score num', testid: 'goal-score' },
            toNumber(goal.score) === null ? '—' : points(goal.score),
            toNumber(goal.maxScore) === null ? null : h('span', { class: 'muted' }, ` / ${points(goal.maxScore)}`))))));
}

/** The whole content area for a plan. */
export function renderPlan(ctx, handlers) {
  const parts = [planHeader(ctx), toolbar(ctx, handlers)];
  if (ctx.status === 'loading' && !ctx.view) {
    parts.push(h('div', { class: 'panel empty', testid: 'score-loading' }, h('span', { class: 'spinner' }), t('score.loading')));
  } else if (ctx.status === 'none' && !ctx.view) {
    parts.push(h('div', { class: 'panel empty', testid: 'score-none' }, h('h2', {}, t('score.none')), h('p', { class: 'muted' }, t('score.noneDetail'))));
  } else if (ctx.status === 'error' && !ctx.view) {
    parts.push(h('div', { class: 'panel empty error', testid: 'score-error' }, t('score.error', ctx.error || '')));
  }
  if (ctx.view) {
    parts.push(liveBanner(ctx));
    parts.push(h('div', { class: 'scorecard', testid: 'scorecard', dataset: { planId: ctx.view.planId, year: ctx.view.year, scoreVersion: ctx.view.scoreVersion } },
      summaryCards(ctx), facetsSection(ctx), goalsSection(ctx, handlers)));
  }
  return parts;
}
