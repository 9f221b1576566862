/**
 * True for a real calendar date written YYYY-MM-DD, or (when `allowPartial`) YYYY-MM or YYYY. `Date.parse` is no
 * check: it accepts "2026-02-31" and rolls it over to 3 March.
 */
export function isCalendarDate(value: string, options: { allowPartial?: boolean } = {}): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [, year, month, day] = m;
  if (day === undefined && !options.allowPartial) return false;
  if (month === undefined) return Number(year) >= 1;
  const mo = Number(month);
  if (mo < 1 || mo > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(Number(year), mo, 0)).getUTCDate();
  const d = Number(day);
  return d >= 1 && d <= daysInMonth;
}
