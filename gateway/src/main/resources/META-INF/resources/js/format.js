// Exact decimal display. The API sends unrounded decimals (e.g. 0.83333333333333333333); api.js keeps
// every non-integer number as its JSON source text, so rounding here is exact decimal HALF_UP (as
// java.math.RoundingMode.HALF_UP: halves away from zero), never binary floating point.

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** True for a number, or a string holding a decimal literal. */
export function isDecimal(value) {
  if (typeof value === 'number') {
    return Number.isFinite(value);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return false;
  }
  const m = DECIMAL.exec(value.trim());
  return m !== null && ((m[2] || '') + (m[3] || '')).length > 0;
}

/** A decimal as {negative, digits (BigInt, magnitude), scale}: value = ±digits × 10^-scale. */
function parse(value) {
  const text = typeof value === 'number' ? numberText(value) : String(value).trim();
  const m = DECIMAL.exec(text);
  if (!m) {
    return null;
  }
  const whole = m[2] || '';
  const fraction = m[3] || '';
  if ((whole + fraction).length === 0) {
    return null;
  }
  const exponent = m[4] ? parseInt(m[4], 10) : 0;
  return { negative: m[1] === '-', digits: BigInt(whole + fraction || '0'), scale: fraction.length - exponent };
}

function numberText(n) {
  // The shortest text that reads back as n; exponent form is handled by the parser.
  return Object.is(n, -0) ? '0' : String(n);
}

const TEN = 10n;

function pow10(n) {
  return TEN ** BigInt(n);
}

/** Rounds to {@code scale} fraction digits, HALF_UP; returns {negative, digits, scale}. */
function round(dec, scale) {
  if (dec.scale <= scale) {
    return { negative: dec.negative, digits: dec.digits * pow10(scale - dec.scale), scale };
  }
  const divisor = pow10(dec.scale - scale);
  let quotient = dec.digits / divisor;
  const remainder = dec.digits % divisor;
  if (remainder * 2n >= divisor) {
    quotient += 1n;
  }
  return { negative: dec.negative && quotient !== 0n, digits: quotient, scale };
}

function text(dec, { group = false, trim = false } = {}) {
  let digits = dec.digits.toString();
  let scale = dec.scale;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  digits = digits.padStart(scale + 1, '0');
  let whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  if (trim) {
    fraction = fraction.replace(/0+$/, '');
  }
  if (group) {
    whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  return (dec.negative && dec.digits !== 0n ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

/** A decimal rounded HALF_UP to {@code scale} digits, e.g. fixed('1.8', 2) = '1.80'; '' for null. */
export function fixed(value, scale, options = {}) {
  const dec = value === null || value === undefined ? null : parse(value);
  return dec === null ? '' : text(round(dec, scale), options);
}

/** Points and scores: 2 decimals, HALF_UP. */
export function points(value) {
  return fixed(value, 2, { group: true });
}

/** An achievement ratio as a percentage: the ratio rounded to 4 decimals HALF_UP, shown ×100 with 2 decimals. */
export function percent(ratio) {
  const dec = ratio === null || ratio === undefined ? null : parse(ratio);
  if (dec === null) {
    return '';
  }
  const r = round(dec, 4);
  return text({ negative: r.negative, digits: r.digits, scale: 2 }, { group: true }) + '%';
}

/** A measured value: up to 4 decimals HALF_UP, trailing zeros dropped, thousands grouped. */
export function value(v) {
  return fixed(v, 4, { group: true, trim: true });
}

/** The number for arithmetic (charts only; never for display). */
export function toNumber(v) {
  if (v === null || v === undefined || v === '') {
    return null;
  }
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Same decimal value (1.80 equals 1.8); null equals null only. */
export function sameDecimal(a, b) {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  const x = parse(a);
  const y = parse(b);
  if (x === null || y === null) {
    return String(a) === String(b);
  }
  const scale = Math.max(x.scale, y.scale);
  const xs = round(x, scale);
  const ys = round(y, scale);
  return xs.digits === ys.digits && (xs.negative === ys.negative || xs.digits === 0n);
}

/** a − b exactly, as decimal text (null when either is not a decimal). */
export function subtract(a, b) {
  const x = a === null || a === undefined ? null : parse(a);
  const y = b === null || b === undefined ? null : parse(b);
  if (x === null || y === null) {
    return null;
  }
  const scale = Math.max(x.scale, y.scale, 0);
  const xs = round(x, scale);
  const ys = round(y, scale);
  const difference = (xs.negative ? -xs.digits : xs.digits) - (ys.negative ? -ys.digits : ys.digits);
  const negative = difference < 0n;
  return text({ negative, digits: negative ? -difference : difference, scale });
}

/** A signed change for display: '+1.80', '−0.25'; '' when zero or unknown. */
export function signedPoints(delta) {
  const shown = fixed(delta, 2, { group: true });
  if (!shown || /^-?0(\.0+)?$/.test(shown)) {
    return '';
  }
  return shown.startsWith('-') ? `\u2212${shown.slice(1)}` : `+${shown}`;
}

/** AD year → ROC (民國) year. */
export function rocYear(adYear) {
  return Number(adYear) - 1911;
}
