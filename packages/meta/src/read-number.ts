/**
 * A plain decimal number read straight from a string's characters (no substring): [+-]digits[.digits][e[+-]digits].
 * Exact by Clinger's fast path — an integer mantissa below 2^53 times or divided by an exact power of ten up to
 * 10^22 is one correctly rounded operation, the same double as Number(text). Returns undefined for anything else
 * (surrounding spaces, Inf, NA, 16 or more significant digits, large exponents): the caller's general path reads it.
 */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

export function readNumber(s: string, start: number, end: number): number | undefined {
  let i = start;
  let c = s.charCodeAt(i);
  let negative = false;
  if (c === 43 || c === 45) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let intDigits = 0;
  let fracDigits = 0;
  while (i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    if (mantissa !== 0 || c !== 48) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    }
    intDigits++;
    i++;
  }
  if (i < end && s.charCodeAt(i) === 46) {
    i++;
    while (i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      if (mantissa !== 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
      }
      fracDigits++;
      i++;
    }
  }
  if (intDigits + fracDigits === 0) return undefined;
  let exp = 0;
  if (i < end && ((c = s.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    let expNegative = false;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) {
      expNegative = c === 45;
      i++;
    }
    let expDigits = 0;
    while (i < end && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      exp = exp * 10 + (c - 48);
      expDigits++;
      i++;
      if (exp > 1000) return undefined;
    }
    if (expDigits === 0) return undefined;
    if (expNegative) exp = -exp;
  }
  if (i !== end || digits > 15) return undefined;
  const e = exp - fracDigits;
  let x: number;
  if (e === 0) x = mantissa;
  else if (e > 0 && e <= 22) x = mantissa * POW10[e]!;
  else if (e < 0 && e >= -22) x = mantissa / POW10[-e]!;
  else return undefined;
  return negative ? -x : x;
}
