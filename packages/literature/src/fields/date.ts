const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12,
};

const MAX_YEAR = new Date().getFullYear() + 5;

export interface ParsedDate {
  year: number;
  /** ISO: YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function build(year: number, month?: number, day?: number): ParsedDate | undefined {
  if (year < 1500 || year > MAX_YEAR) return undefined;
  if (month === undefined || month < 1 || month > 12) return { year, date: String(year) };
  if (day === undefined || day < 1 || day > 31) return { year, date: `${year}-${pad(month)}` };
  return { year, date: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * Reads the dates bibliographic exports write: 2019, 2019///, 2019/10/15/, 2019/10//undefined (Zotero), 2017 Nov 15,
 * 2014 Jan-Apr (MedlineDate), 20170422, 2019-10-15T00:00, Nov 2019, 15 November 2019.
 * Returns undefined when no plausible year (1500 to next years) is found ("10 15", "SEP", "In press").
 */
export function parseDate(value: string | undefined): ParsedDate | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[-/.T\s])/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : monthName(text.slice(4));
    const day = m[3] ? Number(m[3]) : m[2] ? undefined : dayAfterMonth(text.slice(4));
    return build(year, month, day);
  }
  const y = /(?<!\d)(1[5-9]\d{2}|20\d{2})(?!\d)/.exec(text);
  if (!y) return undefined;
  const year = Number(y[1]);
  const month = monthName(text);
  const day = /(?<!\d)(\d{1,2})(?!\d)/.exec(text.replace(y[0], ' '));
  return build(year, month, month !== undefined && day ? Number(day[1]) : undefined);
}

function monthName(text: string): number | undefined {
  const m = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter)[a-z]*\.?/i.exec(text);
  return m ? MONTHS[m[1]!.toLowerCase()] : undefined;
}

function dayAfterMonth(text: string): number | undefined {
  const m = /^\s+[a-z]+\.?\s+(\d{1,2})(?!\d)/i.exec(text);
  return m ? Number(m[1]) : undefined;
}
