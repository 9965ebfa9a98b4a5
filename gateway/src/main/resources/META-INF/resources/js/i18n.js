// UI texts in Traditional Chinese (Taiwan) and English. Data (plan titles, indicator names) stays as
// published; where a plan document carries English names, the English UI shows them first.

const STORAGE_KEY = 'planscore.lang';

const TEXTS = {
  'zh-TW': {
    'app.title': '施政績效即時評分',
    'app.subtitle': 'planscore',
    'lang.switch': '語言',
    'signin.title': '登入儀表板',
    'signin.lead': '請輸入您的 API 金鑰。金鑰只保存在此瀏覽器中。',
    'signin.key': 'API 金鑰',
    'signin.placeholder': 'psk_…',
    'signin.submit': '登入',
    'signin.checking': '驗證中…',
    'signin.invalid': '金鑰無效或已停用。',
    'signin.failed': '無法連線到服務：{0}',
    'signout': '登出',
    'plans.title': '計畫',
    'plans.filter.agency': '機關',
    'plans.filter.allAgencies': '全部機關',
    'plans.filter.year': '年度',
    'plans.filter.allYears': '全部年度',
    'plans.filter.kind': '類型',
    'plans.filter.allKinds': '全部類型',
    'plans.filter.text': '搜尋計畫名稱或指標',
    'plans.count': '共 {0} 項計畫',
    'plans.countOne': '共 1 項計畫',
    'plans.empty': '沒有符合條件的計畫。',
    'plans.loading': '載入中…',
    'plans.more': '載入更多',
    'kind.annual': '年度計畫',
    'kind.mid_term': '中程計畫',
    'year.label': '{0} 年（民國 {1} 年）',
    'year.short': '{0}',
    'welcome.title': '請選擇一項計畫',
    'welcome.body': '從左側清單選擇計畫，即可查看該年度的評分、各面向與目標，以及每項指標的達成情形。分數會隨機關回報的實績即時更新。',
    'card.total': '總分',
    'card.totalUnweighted': '平均達成分數',
    'card.outOf': '滿分 {0}',
    'card.provisional': '暫定',
    'card.coverage': '評分涵蓋率',
    'card.coverageDetail': '{0} / {1} 項有目標之指標已評分',
    'card.status': '指標燈號',
    'card.version': '評分版本',
    'card.computedAt': '計算時間',
    'card.trigger': '觸發事件',
    'card.history': '分數歷程',
    'card.planVersion': '計畫第 {0} 版',
    'card.versions': '最近的評分版本',
    'trigger.PlanVersionApproved': '計畫核定',
    'trigger.MeasurementRecorded': '實績回報',
    'trigger.rebuild': '重新計算',
    'chart.scored': '採計值 {0}',
    'score.none': '尚無分數',
    'score.noneDetail': '此年度尚未產生評分。實績回報後會自動顯示。',
    'score.loading': '載入評分中…',
    'score.error': '無法載入評分：{0}',
    'facets.title': '面向',
    'facets.cap': '上限 {0}',
    'facets.bonus': '加分 {0}',
    'facets.capped': '原始 {0}，超過上限',
    'goals.title': '目標與指標',
    'goal.bonusOnly': '加分項目',
    'goal.coverage': '已評分 {0}/{1}',
    'col.indicator': '指標',
    'col.value': '實績',
    'col.target': '目標',
    'col.achievement': '達成率',
    'col.points': '得分',
    'col.score': '分數',
    'col.status': '燈號',
    'status.MET': '達成',
    'status.AT_RISK': '警示',
    'status.OFF_TRACK': '落後',
    'status.PENDING': '待回報',
    'status.NOT_SCORED': '不評分',
    'live.connecting': '連線中…',
    'live.live': '即時',
    'live.reconnecting': '重新連線中…',
    'live.offline': '離線',
    'live.updated': '評分已更新至第 {0} 版',
    'live.changed': '{0} 項指標變動',
    'live.noChange': '指標數值未變動',
    'live.at': '於 {0}',
    'detail.close': '關閉',
    'detail.title': '指標說明',
    'detail.value': '實績',
    'detail.target': '目標',
    'detail.achievement': '達成率',
    'detail.points': '得分',
    'detail.rule': '計分規則',
    'detail.noRule': '依目標達成率計分',
    'detail.standard': '衡量標準',
    'detail.flags': '註記',
    'detail.steps': '計算步驟',
    'detail.noSteps': '尚無計算步驟。',
    'detail.inputs': '採計的實績事件',
    'detail.inputsShown': '顯示前 {0} 筆，共 {1} 筆',
    'detail.eventCount': '{0} 筆事件',
    'detail.noInputs': '尚無採計的實績事件。',
    'detail.baseline': '基準值',
    'detail.chart': '歷次實績',
    'detail.noMeasurements': '尚無實績紀錄。',
    'detail.measurements': '實績紀錄',
    'detail.loading': '載入中…',
    'detail.error': '無法載入指標說明：{0}',
    'detail.scoreVersion': '評分第 {0} 版',
    'col.period': '期間',
    'col.component': '項目',
    'col.kind': '類別',
    'col.eventStatus': '狀態',
    'col.recordedAt': '記錄時間',
    'col.event': '事件',
    'col.year': '年度',
    'col.source': '來源',
    'mkind.actual': '實績',
    'mkind.correction': '更正',
    'mkind.retraction': '撤回',
    'mstatus.active': '有效',
    'mstatus.superseded': '已更正',
    'mstatus.retracted': '已撤回',
    'source.MEASUREMENTS': '實績回報',
    'source.ADMINISTRATOR': '管理者提供',
    'chart.target': '目標 {0}',
    'error.unauthorized': '登入已失效，請重新登入。',
    'error.generic': '發生錯誤：{0}',
    'flag.ZERO_TARGET': '目標為 0，本年度無計畫值',
    'flag.NO_TARGET': '本年度無目標',
    'flag.TARGET_MISSING': '原始文件缺少目標值',
    'flag.NEGATIVE_TARGET': '目標為負值，無法計算比率',
    'flag.EXTERNAL_TARGET_PENDING': '目標由其他機關訂定，尚未提供',
    'flag.AWAITING_VERDICT': '文字目標，待管理者評定',
    'flag.UNSUPPORTED_TARGET': '目標形式無法自動判定',
    'flag.UNSUPPORTED_RULE': '計分規則無法自動計算',
    'flag.DIVISION_BY_ZERO': '公式分母為 0',
    'flag.NO_BASELINE': '缺少計算基準所需的前期資料',
    'flag.NO_BAND': '數值不在任何級距內，以 0 分計',
    'flag.RANK_EXCLUDED': '依規則排除於排名之外',
    'flag.PROVISIONAL': '同組機關尚未全數回報，分數暫定',
    'flag.AWAITING_AWARD': '待管理者核給加分',
    'flag.AWAITING_PEER_RESULTS': '待同組機關結果',
    'rule.per_unit_capped': '每單位計分（設上限）',
    'rule.proportional': '依達成比例計分',
    'rule.threshold_bands': '級距計分',
    'rule.base_plus_steps': '基本分加級距',
    'rule.deduction_per_incident': '每件扣分',
    'rule.checklist_all': '全部完成始得分',
    'rule.milestone': '里程碑',
    'rule.stage_progress_map': '階段進度對照',
    'rule.reduction_vs_previous_year': '較上年度減少',
    'rule.rank_bonus': '排名加分',
    'rule.bonus_discretionary': '酌予加分',
    'rule.sum': '分項加總',
  },
  en: {
    'app.title': 'Live performance scores',
    'app.subtitle': 'planscore',
    'lang.switch': 'Language',
    'signin.title': 'Sign in to the dashboard',
    'signin.lead': 'Enter your API key. It is kept in this browser only.',
    'signin.key': 'API key',
    'signin.placeholder': 'psk_…',
    'signin.submit': 'Sign in',
    'signin.checking': 'Checking…',
    'signin.invalid': 'The key is not valid or has been revoked.',
    'signin.failed': 'Cannot reach the service: {0}',
    'signout': 'Sign out',
    'plans.title': 'Plans',
    'plans.filter.agency': 'Agency',
    'plans.filter.allAgencies': 'All agencies',
    'plans.filter.year': 'Year',
    'plans.filter.allYears': 'All years',
    'plans.filter.kind': 'Kind',
    'plans.filter.allKinds': 'All kinds',
    'plans.filter.text': 'Search plans or indicators',
    'plans.count': '{0} plans',
    'plans.countOne': '1 plan',
    'plans.empty': 'No plan matches these filters.',
    'plans.loading': 'Loading…',
    'plans.more': 'Load more',
    'kind.annual': 'Annual plan',
    'kind.mid_term': 'Mid-term plan',
    'year.label': '{0} (ROC {1})',
    'year.short': '{0}',
    'welcome.title': 'Choose a plan',
    'welcome.body': 'Pick a plan on the left to see its score for a year, its facets and goals, and how every indicator is doing. Scores update live as agencies report their actuals.',
    'card.total': 'Total score',
    'card.totalUnweighted': 'Mean goal score',
    'card.outOf': 'out of {0}',
    'card.provisional': 'Provisional',
    'card.coverage': 'Coverage',
    'card.coverageDetail': '{0} of {1} indicators with a target scored',
    'card.status': 'Indicator status',
    'card.version': 'Score version',
    'card.computedAt': 'Computed',
    'card.trigger': 'Trigger',
    'card.history': 'Score history',
    'card.planVersion': 'plan version {0}',
    'card.versions': 'Latest score versions',
    'trigger.PlanVersionApproved': 'Plan approved',
    'trigger.MeasurementRecorded': 'New actual',
    'trigger.rebuild': 'Scores rebuilt',
    'chart.scored': 'scored {0}',
    'score.none': 'No score yet',
    'score.noneDetail': 'This year has not been scored yet. It appears here as soon as actuals arrive.',
    'score.loading': 'Loading the scorecard…',
    'score.error': 'Cannot load the scorecard: {0}',
    'facets.title': 'Facets',
    'facets.cap': 'cap {0}',
    'facets.bonus': 'bonus {0}',
    'facets.capped': '{0} before the cap',
    'goals.title': 'Goals and indicators',
    'goal.bonusOnly': 'Bonus',
    'goal.coverage': '{0}/{1} scored',
    'col.indicator': 'Indicator',
    'col.value': 'Actual',
    'col.target': 'Target',
    'col.achievement': 'Achievement',
    'col.points': 'Points',
    'col.score': 'Score',
    'col.status': 'Status',
    'status.MET': 'Met',
    'status.AT_RISK': 'At risk',
    'status.OFF_TRACK': 'Off track',
    'status.PENDING': 'Pending',
    'status.NOT_SCORED': 'Not scored',
    'live.connecting': 'Connecting…',
    'live.live': 'Live',
    'live.reconnecting': 'Reconnecting…',
    'live.offline': 'Offline',
    'live.updated': 'Score updated to version {0}',
    'live.changed': '{0} indicator(s) changed',
    'live.noChange': 'No indicator changed',
    'live.at': 'at {0}',
    'detail.close': 'Close',
    'detail.title': 'How this indicator is scored',
    'detail.value': 'Actual',
    'detail.target': 'Target',
    'detail.achievement': 'Achievement',
    'detail.points': 'Points',
    'detail.rule': 'Scoring rule',
    'detail.noRule': 'Scored by achievement against the target',
    'detail.standard': 'Measurement standard',
    'detail.flags': 'Notes',
    'detail.steps': 'Steps',
    'detail.noSteps': 'No steps yet.',
    'detail.inputs': 'Input events',
    'detail.inputsShown': 'the first {0} of {1}',
    'detail.eventCount': '{0} event(s)',
    'detail.noInputs': 'No input events yet.',
    'detail.baseline': 'Baseline inputs',
    'detail.chart': 'Reported values',
    'detail.noMeasurements': 'Nothing reported yet.',
    'detail.measurements': 'Measurement events',
    'detail.loading': 'Loading…',
    'detail.error': 'Cannot load the explanation: {0}',
    'detail.scoreVersion': 'score version {0}',
    'col.period': 'Period',
    'col.component': 'Component',
    'col.kind': 'Kind',
    'col.eventStatus': 'Status',
    'col.recordedAt': 'Recorded',
    'col.event': 'Event',
    'col.year': 'Year',
    'col.source': 'Source',
    'mkind.actual': 'Actual',
    'mkind.correction': 'Correction',
    'mkind.retraction': 'Retraction',
    'mstatus.active': 'Active',
    'mstatus.superseded': 'Superseded',
    'mstatus.retracted': 'Retracted',
    'source.MEASUREMENTS': 'Reported',
    'source.ADMINISTRATOR': 'Administrator',
    'chart.target': 'target {0}',
    'error.unauthorized': 'Your session has ended. Please sign in again.',
    'error.generic': 'Something went wrong: {0}',
    'flag.ZERO_TARGET': 'Target is 0: nothing planned this year',
    'flag.NO_TARGET': 'No target this year',
    'flag.TARGET_MISSING': 'The source document lost the target',
    'flag.NEGATIVE_TARGET': 'A negative target has no meaningful ratio',
    'flag.EXTERNAL_TARGET_PENDING': 'Target set by another authority, not supplied yet',
    'flag.AWAITING_VERDICT': 'Text target: awaiting an administrator\u2019s verdict',
    'flag.UNSUPPORTED_TARGET': 'The target cannot be checked automatically',
    'flag.UNSUPPORTED_RULE': 'The scoring rule cannot be evaluated automatically',
    'flag.DIVISION_BY_ZERO': 'The formula\u2019s denominator is 0',
    'flag.NO_BASELINE': 'Earlier years needed for the baseline are missing',
    'flag.NO_BAND': 'The value lies in no band: 0 points',
    'flag.RANK_EXCLUDED': 'Excluded from the ranking by the rule',
    'flag.PROVISIONAL': 'Provisional: not all peers have reported',
    'flag.AWAITING_AWARD': 'Awaiting an administrator\u2019s award',
    'flag.AWAITING_PEER_RESULTS': 'Awaiting the peer group\u2019s results',
    'rule.per_unit_capped': 'Points per unit, capped',
    'rule.proportional': 'Proportional to achievement',
    'rule.threshold_bands': 'Threshold bands',
    'rule.base_plus_steps': 'Base plus steps',
    'rule.deduction_per_incident': 'Deduction per incident',
    'rule.checklist_all': 'All items required',
    'rule.milestone': 'Milestone',
    'rule.stage_progress_map': 'Stage progress map',
    'rule.reduction_vs_previous_year': 'Reduction vs previous year',
    'rule.rank_bonus': 'Rank bonus',
    'rule.bonus_discretionary': 'Discretionary bonus',
    'rule.sum': 'Sum of parts',
  },
};

export const LANGUAGES = ['zh-TW', 'en'];

let current = initialLanguage();

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(saved)) {
      return saved;
    }
  } catch (e) {
    // storage unavailable: fall through
  }
  const browser = (navigator.languages || [navigator.language || '']).join(',').toLowerCase();
  return browser.startsWith('en') ? 'en' : 'zh-TW';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) {
    return;
  }
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    // not persisted: fine
  }
  document.documentElement.lang = lang;
}

/** The text for a key in the current language, with {0}, {1}… replaced by the arguments. */
export function t(key, ...args) {
  const text = TEXTS[current][key] ?? TEXTS['zh-TW'][key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined || args[i] === null ? '' : String(args[i])));
}

/** A text that may be missing (for enum values the UI may not know yet). */
export function tOr(key, fallback) {
  const text = TEXTS[current][key];
  return text === undefined ? fallback : text;
}

/** Applies the texts to static markup: data-i18n (text), data-i18n-placeholder, data-i18n-title, data-i18n-aria-label. */
export function applyStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
}

/** Date and time in the current language, Taiwan time. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  // Taiwan time, unambiguous in both languages: 2018/12/31 08:00:00 (zh-TW) or 2018-12-31 08:00:00 (en)
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZone: 'Asia/Taipei',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  const separator = current === 'en' ? '-' : '/';
  return `${parts.year}${separator}${parts.month}${separator}${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
