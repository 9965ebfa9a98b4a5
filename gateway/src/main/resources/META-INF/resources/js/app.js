// planscore dashboard: sign-in, plans list, a plan's live scorecard and the drill-down of an indicator.
// Routes (hash): #/plan/{planId}/{year} and #/plan/{planId}/{year}/indicator/{indicatorId}.

import { api, listOf, storedKey, storeKey, onUnauthorized, call, ApiError, parseJson } from './api.js';
import { ScoreStream } from './stream.js';
import { t, language, setLanguage, applyStatic, LANGUAGES } from './i18n.js';
import { h, replace, $ } from './dom.js';
import { sameDecimal, subtract } from './format.js';
import { indexDocument } from './names.js';
import { renderPlan, kindLabel, historyCardContent } from './scorecard.js';
import { renderDetail } from './detail.js';

const PAGE_SIZE = 50;

const state = {
  agencies: [],
  filters: { agency: '', year: '', kind: '', q: '' },
  plans: [],
  plansTotal: null,
  plansPage: 0,
  plansStatus: 'idle',
  plansError: null,
  knownYears: new Set(),
  planId: null,
  year: null,
  plan: null,
  planSummary: null,
  names: null,
  view: null,
  scoreStatus: 'idle',
  scoreError: null,
  history: [],
  changed: new Map(),
  deltas: new Map(),
  changedGoals: new Set(),
  changedFacets: new Set(),
  flash: false,
  flashTotal: false,
  lastUpdate: null,
  stream: null,
  liveStatus: 'offline',
  detail: null,
};

let scoreToken = 0;
let plansToken = 0;
let detailToken = 0;

// ---------------------------------------------------------------- boot and sign-in

function boot() {
  setLanguage(language());
  applyStatic();
  renderLanguageSwitch();
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.addEventListener('click', () => switchLanguage(button.dataset.lang));
  });
  $('#signin-form').addEventListener('submit', signIn);
  $('#signout').addEventListener('click', () => signOut());
  $('#drawer-backdrop').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.detail) {
      closeDetail();
    }
  });
  onUnauthorized(() => signOut(t('error.unauthorized')));
  setupFilters();
  window.addEventListener('hashchange', route);
  if (storedKey()) {
    showApp();
  } else {
    showSignIn();
  }
}

function showSignIn(message) {
  $('#signin').hidden = false;
  $('#app').hidden = true;
  $('#signout').hidden = true;
  $('#live-status').hidden = true;
  const error = $('#signin-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('#api-key').focus();
}

async function signIn(event) {
  event.preventDefault();
  const input = $('#api-key');
  const key = input.value.trim();
  const error = $('#signin-error');
  const button = $('#signin-submit');
  if (!key) {
    input.focus();
    return;
  }
  button.disabled = true;
  button.textContent = t('signin.checking');
  error.hidden = true;
  try {
    await call('/api/v1/agencies', { key, quietUnauthorized: true });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      error.textContent = t('signin.invalid');
      error.hidden = false;
      button.disabled = false;
      button.textContent = t('signin.submit');
      input.select();
      return;
    }
    // Any other failure is the services', not the key's: sign in and show errors where they happen.
    if (!(e instanceof ApiError)) {
      error.textContent = t('signin.failed', e.message);
      error.hidden = false;
      button.disabled = false;
      button.textContent = t('signin.submit');
      return;
    }
  }
  button.disabled = false;
  button.textContent = t('signin.submit');
  input.value = '';
  storeKey(key);
  showApp();
}

function signOut(message) {
  storeKey('');
  stopStream();
  state.view = null;
  state.planId = null;
  state.detail = null;
  $('#drawer').hidden = true;
  $('#drawer-backdrop').hidden = true;
  showSignIn(message);
}

function showApp() {
  $('#signin').hidden = true;
  $('#app').hidden = false;
  $('#signout').hidden = false;
  loadAgencies();
  loadPlans(true);
  route();
}

function switchLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === language()) {
    return;
  }
  setLanguage(lang);
  applyStatic();
  renderLanguageSwitch();
  renderFilters();
  renderPlans();
  renderContent();
  renderDetailPanel();
  renderLiveStatus();
}

function renderLanguageSwitch() {
  document.querySelectorAll('[data-lang]').forEach((button) => {
    const active = button.dataset.lang === language();
    button.classList.toggle('active', active);
    button.setAttribute('aria-pressed', String(active));
  });
}

// ---------------------------------------------------------------- plans list and filters

function setupFilters() {
  let debounce;
  $('#filter-q').addEventListener('input', (e) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      state.filters.q = e.target.value.trim();
      loadPlans(true);
    }, 300);
  });
  ['agency', 'year', 'kind'].forEach((name) => {
    $(`#filter-${name}`).addEventListener('change', (e) => {
      state.filters[name] = e.target.value;
      loadPlans(true);
    });
  });
  $('#plans-more').addEventListener('click', () => loadPlans(false));
}

async function loadAgencies() {
  try {
    state.agencies = listOf(await api.agencies());
  } catch (e) {
    state.agencies = [];
  }
  renderFilters();
  renderPlans();
  renderContent();
}

function agencyName(agencyId, fallback) {
  const agency = state.agencies.find((a) => a.id === agencyId);
  if (!agency) {
    return fallback || '';
  }
  if (language() === 'en' && (agency.nameEn || agency.name_en)) {
    return agency.nameEn || agency.name_en;
  }
  return agency.name || fallback || '';
}

/** The AD years a plan covers, from whatever shape the plans API gives. */
function planYears(plan) {
  if (!plan) {
    return [];
  }
  const period = plan.period || (plan.document && plan.document.plan && plan.document.plan.period) || {};
  const start = Number(period.adStart ?? period.ad_start ?? plan.adStart ?? plan.startYear ?? NaN);
  const end = Number(period.adEnd ?? period.ad_end ?? plan.adEnd ?? plan.endYear ?? start);
  if (Number.isFinite(start) && Number.isFinite(end) && end >= start && end - start < 30) {
    return Array.from({ length: end - start + 1 }, (_, i) => start + i);
  }
  const years = plan.years || plan.yearsAd || plan.years_ad;
  if (Array.isArray(years) && years.length) {
    return years.map(Number).filter(Number.isFinite).sort((a, b) => a - b);
  }
  return [];
}

async function loadPlans(reset) {
  const token = ++plansToken;
  if (reset) {
    state.plansPage = 0;
  }
  state.plansStatus = 'loading';
  renderPlans();
  const { agency, year, kind, q } = state.filters;
  try {
    const body = await api.plans({ agency, year, kind, q, page: state.plansPage, size: PAGE_SIZE });
    if (token !== plansToken) {
      return;
    }
    const items = listOf(body);
    state.plans = reset ? items : state.plans.concat(items);
    state.plansTotal = body && !Array.isArray(body) && Number.isFinite(Number(body.total)) ? Number(body.total) : null;
    state.plansPage += 1;
    state.plansStatus = Array.isArray(body) || items.length < PAGE_SIZE ? 'done' : 'more';
    if (state.plansTotal !== null && state.plans.length >= state.plansTotal) {
      state.plansStatus = 'done';
    }
    state.plansError = null;
    items.forEach((plan) => planYears(plan).forEach((y) => state.knownYears.add(y)));
    renderFilters();
    if (state.planId && !state.planSummary) {
      state.planSummary = state.plans.find((p) => p.id === state.planId) || null;
      renderContent();
    }
  } catch (e) {
    if (token !== plansToken) {
      return;
    }
    state.plansStatus = 'error';
    state.plansError = e.message;
  }
  renderPlans();
}

function renderFilters() {
  const agencySelect = $('#filter-agency');
  replace(agencySelect, h('option', { value: '' }, t('plans.filter.allAgencies')),
    [...state.agencies]
      .sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh-Hant'))
      .map((a) => h('option', { value: a.id, selected: state.filters.agency === a.id }, agencyName(a.id, a.name))));
  const yearSelect = $('#filter-year');
  const years = [...state.knownYears].sort((a, b) => b - a);
  replace(yearSelect, h('option', { value: '' }, t('plans.filter.allYears')),
    years.map((y) => h('option', { value: y, selected: String(state.filters.year) === String(y) }, `${y}（${y - 1911}）`)));
  const kindSelect = $('#filter-kind');
  replace(kindSelect, h('option', { value: '' }, t('plans.filter.allKinds')),
    ['annual', 'mid_term'].map((k) => h('option', { value: k, selected: state.filters.kind === k }, kindLabel(k))));
}

function renderPlans() {
  const list = $('#plan-list');
  const count = $('#plans-count');
  if (state.plansStatus === 'error') {
    count.textContent = '';
    replace(list, h('li', { class: 'list-note error', testid: 'plans-error' }, t('error.generic', state.plansError || '')));
  } else if (state.plans.length === 0) {
    count.textContent = '';
    replace(list, h('li', { class: 'list-note muted', testid: state.plansStatus === 'loading' ? 'plans-loading' : 'plans-empty' },
      state.plansStatus === 'loading' ? t('plans.loading') : t('plans.empty')));
  } else {
    const total = state.plansTotal ?? state.plans.length;
    count.textContent = total === 1 ? t('plans.countOne') : t('plans.count', total);
    replace(list, state.plans.map((plan) => {
      const years = planYears(plan);
      const selected = plan.id === state.planId;
      return h('li', {},
        h('a', {
          class: ['plan-item', selected ? 'selected' : null], href: `#/plan/${encodeURIComponent(plan.id)}/${defaultYear(plan)}`,
          testid: 'plan-item', dataset: { planId: plan.id }, 'aria-current': selected ? 'true' : null,
        },
        h('span', { class: 'plan-item-title' }, plan.title || plan.id),
        h('span', { class: 'plan-item-agency' }, agencyName(plan.agencyId, plan.agencyName)),
        h('span', { class: 'plan-item-meta' },
          plan.kind ? h('span', { class: `chip kind-${plan.kind}` }, kindLabel(plan.kind)) : null,
          years.length ? h('span', {}, years.length === 1 ? `${years[0]}（${years[0] - 1911}）`
            : `${years[0]}–${years[years.length - 1]}（${years[0] - 1911}–${years[years.length - 1] - 1911}）`) : null)));
    }));
  }
  $('#plans-more').hidden = state.plansStatus !== 'more';
}

function defaultYear(plan) {
  const years = planYears(plan);
  if (years.length === 0) {
    return new Date().getFullYear();
  }
  const wanted = Number(state.filters.year);
  if (years.includes(wanted)) {
    return wanted;
  }
  const now = new Date().getFullYear();
  return Math.min(Math.max(now, years[0]), years[years.length - 1]);
}

// ---------------------------------------------------------------- routing

function parseRoute() {
  let parts;
  try {
    parts = location.hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  } catch (e) {
    return { planId: null };
  }
  if (parts[0] !== 'plan' || !parts[1]) {
    return { planId: null };
  }
  const year = Number(parts[2]);
  return {
    planId: parts[1],
    year: Number.isFinite(year) && parts[2] ? year : null,
    indicatorId: parts[3] === 'indicator' && parts[4] ? parts[4] : null,
  };
}

function planHash(planId, year, indicatorId) {
  let hash = `#/plan/${encodeURIComponent(planId)}/${year}`;
  if (indicatorId) {
    hash += `/indicator/${encodeURIComponent(indicatorId)}`;
  }
  return hash;
}

async function route() {
  if ($('#app').hidden) {
    return;
  }
  const target = parseRoute();
  if (!target.planId) {
    stopStream();
    state.planId = null;
    state.view = null;
    closeDetailPanel();
    renderPlans();
    renderContent();
    return;
  }
  const planChanged = target.planId !== state.planId;
  if (planChanged) {
    openPlan(target.planId);
  }
  let year = target.year;
  if (!year) {
    year = state.plan ? defaultYear(state.plan) : (state.planSummary ? defaultYear(state.planSummary) : new Date().getFullYear());
    history.replaceState(null, '', planHash(target.planId, year, target.indicatorId));
  }
  if (planChanged || year !== state.year) {
    closeDetailPanel();
    state.year = year;
    resetChanges();
    state.view = null;
    state.history = [];
    renderPlans();
    loadScore();
  }
  if (target.indicatorId) {
    openDetail(target.indicatorId);
  } else {
    closeDetailPanel();
  }
}

function resetChanges() {
  state.changed = new Map();
  state.deltas = new Map();
  state.changedGoals = new Set();
  state.changedFacets = new Set();
  state.lastUpdate = null;
  state.flash = false;
  state.flashTotal = false;
}

function openPlan(planId) {
  state.planId = planId;
  state.plan = null;
  state.names = null;
  state.year = null;
  state.planSummary = state.plans.find((p) => p.id === planId) || null;
  startStream(planId);
  api.plan(planId).then((plan) => {
    if (state.planId !== planId) {
      return;
    }
    state.plan = plan;
    state.names = indexDocument(plan && plan.document ? plan.document : plan);
    planYears(plan).forEach((y) => state.knownYears.add(y));
    renderContent();
    renderDetailPanel();
  }).catch(() => {
    // the scorecard still shows without the plan's metadata
  });
}

// ---------------------------------------------------------------- scores

async function loadScore() {
  const token = ++scoreToken;
  const { planId, year } = state;
  state.scoreStatus = 'loading';
  state.scoreError = null;
  renderContent();
  try {
    const view = await api.scorecard(planId, year);
    if (token !== scoreToken) {
      return;
    }
    applyScore(view, false);
  } catch (e) {
    if (token !== scoreToken) {
      return;
    }
    state.scoreStatus = e instanceof ApiError && e.status === 404 ? 'none' : 'error';
    state.scoreError = e.message;
    renderContent();
  }
  loadHistory();
}

async function loadHistory() {
  const { planId, year } = state;
  try {
    const body = await api.history(planId, year);
    if (planId === state.planId && year === state.year) {
      state.history = listOf(body);
      const card = document.querySelector('[data-testid="history-card"]');
      if (card) {
        replace(card, historyCardContent({ history: state.history, view: state.view }));
      }
    }
  } catch (e) {
    // no history yet
  }
}

function sameScoreTarget(view) {
  return view && view.planId === state.planId && Number(view.year) === Number(state.year);
}

/** Shows a scorecard (from a GET or the live stream) unless an equal or newer version is already shown. */
function applyScore(view, live) {
  if (!sameScoreTarget(view) || !view.scorecard) {
    return;
  }
  const previous = state.view;
  if (previous && Number(view.scoreVersion) <= Number(previous.scoreVersion)) {
    return;
  }
  state.flash = false;
  state.flashTotal = false;
  if (previous && live) {
    const diff = compare(previous.scorecard, view.scorecard);
    diff.indicators.forEach((id) => state.changed.set(id, view.scoreVersion));
    diff.deltas.forEach((delta, id) => state.deltas.set(id, delta));
    state.changedGoals = diff.goals;
    state.changedFacets = diff.facets;
    state.flash = true;
    state.flashTotal = diff.total;
    state.lastUpdate = {
      version: view.scoreVersion, changedCount: diff.indicators.size, at: view.computedAt, trigger: view.trigger,
      totalDelta: subtract(view.scorecard.totalScore ?? 0, previous.scorecard.totalScore ?? 0),
    };
  }
  state.view = view;
  state.scoreStatus = 'ready';
  renderContent();
  state.flash = false;
  state.flashTotal = false;
  if (live) {
    loadHistory();
  }
  if (state.detail) {
    renderDetailPanel();
    loadDetail(state.detail.indicatorId);
  }
}

/** How many events an indicator's score used (scorecards written before counts listed their ids). */
function inputCount(indicator) {
  return indicator.inputCount ?? (indicator.inputEventIds || []).length;
}

function compare(before, after) {
  const fields = ['value', 'achievement', 'points', 'maxPoints'];
  const indicators = new Set();
  const deltas = new Map();
  const oldIndicators = new Map((before.indicators || []).map((i) => [i.id, i]));
  (after.indicators || []).forEach((indicator) => {
    const old = oldIndicators.get(indicator.id);
    if (!old || old.status !== indicator.status
        || fields.some((f) => !sameDecimal(old[f], indicator[f]))
        || (old.flags || []).join() !== (indicator.flags || []).join()
        || inputCount(old) !== inputCount(indicator)) {
      indicators.add(indicator.id);
      const delta = subtract(indicator.points ?? 0, (old && old.points) ?? 0);
      if (delta !== null) {
        deltas.set(indicator.id, delta);
      }
    }
  });
  const changedScores = (a = [], b = []) => {
    const old = new Map(a.map((x) => [x.id, x]));
    return new Set(b.filter((x) => !old.has(x.id) || !sameDecimal(old.get(x.id).score, x.score)).map((x) => x.id));
  };
  return {
    indicators,
    deltas,
    goals: changedScores(before.goals, after.goals),
    facets: changedScores(before.facets, after.facets),
    total: !sameDecimal(before.totalScore, after.totalScore),
  };
}

// ---------------------------------------------------------------- live stream

function startStream(planId) {
  stopStream();
  state.stream = new ScoreStream({
    url: `/api/v1/scores/stream?planId=${encodeURIComponent(planId)}`,
    apiKey: storedKey(),
    onEvent: ({ event, data }) => {
      if (event !== 'score-updated') {
        return;
      }
      let update;
      try {
        update = parseJson(data);
      } catch (e) {
        return;
      }
      applyScore(update, true);
    },
    onStatus: (status) => {
      state.liveStatus = status;
      renderLiveStatus();
    },
    onUnauthorized: () => signOut(t('error.unauthorized')),
  }).start();
}

function stopStream() {
  if (state.stream) {
    state.stream.stop();
    state.stream = null;
  }
  state.liveStatus = 'offline';
  renderLiveStatus();
}

function renderLiveStatus() {
  const element = $('#live-status');
  element.hidden = !state.planId;
  element.dataset.state = state.liveStatus;
  $('#live-status-text').textContent = t(`live.${state.liveStatus}`);
}

// ---------------------------------------------------------------- content

function renderContent() {
  const content = $('#content');
  if (!state.planId) {
    replace(content, h('div', { class: 'welcome', testid: 'welcome' },
      logoMark(64),
      h('h1', {}, t('welcome.title')),
      h('p', { class: 'muted' }, t('welcome.body'))));
    return;
  }
  const source = state.plan || state.planSummary;
  const ctx = {
    planId: state.planId,
    plan: state.plan,
    planSummary: state.planSummary,
    agencyLabel: source ? agencyName(source.agencyId, source.agencyName) : '',
    years: planYears(source),
    year: state.year,
    view: state.view,
    status: state.scoreStatus,
    error: state.scoreError,
    history: state.history,
    lastUpdate: state.lastUpdate,
    changed: state.changed,
    deltas: state.deltas,
    changedGoals: state.changedGoals,
    changedFacets: state.changedFacets,
    flash: state.flash,
    flashTotal: state.flashTotal,
    names: state.names,
  };
  const scroll = content.scrollTop;
  replace(content, renderPlan(ctx, {
    onYear: (year) => { location.hash = planHash(state.planId, year); },
    onIndicator: (indicatorId) => { location.hash = planHash(state.planId, state.year, indicatorId); },
  }));
  content.scrollTop = scroll;
  document.title = `${source && source.title ? `${source.title} · ` : ''}planscore`;
}

function logoMark(size) {
  const template = $('#logo-template');
  const svg = template.content.firstElementChild.cloneNode(true);
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  return svg;
}

// ---------------------------------------------------------------- drill-down

function openDetail(indicatorId) {
  if (state.detail && state.detail.indicatorId === indicatorId) {
    return;
  }
  state.detail = { indicatorId, explanation: null, measurements: null, status: 'loading', error: null, measurementsError: null };
  $('#drawer').hidden = false;
  $('#drawer-backdrop').hidden = false;
  document.body.classList.add('drawer-open');
  renderDetailPanel();
  loadDetail(indicatorId);
  $('#drawer').focus();
}

async function loadDetail(indicatorId) {
  const token = ++detailToken;
  const { planId, year } = state;
  const [explanation, measurements] = await Promise.allSettled([
    api.explanation(planId, indicatorId, year),
    api.measurements(planId, indicatorId),
  ]);
  if (token !== detailToken || !state.detail || state.detail.indicatorId !== indicatorId) {
    return;
  }
  if (explanation.status === 'fulfilled') {
    state.detail.explanation = explanation.value;
    state.detail.status = 'ready';
  } else {
    state.detail.status = 'error';
    state.detail.error = explanation.reason instanceof ApiError && explanation.reason.status === 404
      ? t('score.none') : explanation.reason && explanation.reason.message;
  }
  if (measurements.status === 'fulfilled') {
    state.detail.measurements = listOf(measurements.value);
  } else {
    state.detail.measurementsError = measurements.reason && measurements.reason.message;
  }
  renderDetailPanel();
}

function closeDetail() {
  if (state.planId) {
    location.hash = planHash(state.planId, state.year);
  } else {
    closeDetailPanel();
  }
}

function closeDetailPanel() {
  detailToken++;
  state.detail = null;
  $('#drawer').hidden = true;
  $('#drawer-backdrop').hidden = true;
  document.body.classList.remove('drawer-open');
}

function renderDetailPanel() {
  if (!state.detail) {
    return;
  }
  const { indicatorId, explanation } = state.detail;
  const fromCard = state.view && (state.view.scorecard.indicators || []).find((i) => i.id === indicatorId);
  // The newer of the two: the explanation (with its inputs) or the live scorecard's entry.
  let indicator = fromCard || null;
  if (explanation && explanation.indicator
      && (!state.view || Number(explanation.scoreVersion) >= Number(state.view.scoreVersion) || !fromCard)) {
    indicator = explanation.indicator;
  }
  const drawer = $('#drawer');
  const scroll = drawer.querySelector('.drawer-body') ? drawer.querySelector('.drawer-body').scrollTop : 0;
  replace(drawer, renderDetail({
    indicator,
    explanation,
    measurements: state.detail.measurements,
    measurementsError: state.detail.measurementsError,
    status: state.detail.status,
    error: state.detail.error,
    names: state.names,
    year: state.year,
    view: state.view,
  }, { onClose: closeDetail }));
  drawer.dataset.indicatorId = indicatorId;
  const body = drawer.querySelector('.drawer-body');
  if (body) {
    body.scrollTop = scroll;
  }
}

boot();
