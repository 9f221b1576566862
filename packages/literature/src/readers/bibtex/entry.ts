import { LiteratureError, where } from '../../errors.js';

/** A BibTeX entry as written: its type, key, and field values with their braces, quotes and macros resolved. */
export interface BibtexNative {
  line: number;
  type: string;
  key: string;
  /** Lower-case field name → value, LaTeX not yet decoded (the authors need their braces to be split). */
  fields: Map<string, string>;
}

/** The standard month macros. */
export const MONTH_MACROS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

interface Cursor {
  text: string;
  pos: number;
}

function fail(fileName: string | undefined, line: number, message: string): never {
  throw new LiteratureError('EXO_ERR_LIT_MALFORMED', `${where(fileName, line)}${message}`, { file: fileName, line });
}

function lineAt(c: Cursor, startLine: number): number {
  let line = startLine;
  for (let i = 0; i < c.pos && i < c.text.length; i++) if (c.text.charCodeAt(i) === 10) line++;
  return line;
}

function skipSpace(c: Cursor): void {
  while (c.pos < c.text.length && /\s/.test(c.text[c.pos]!)) c.pos++;
}

/** A {braced} value (nested braces kept inside), the cursor on its opening brace. */
function readBraced(c: Cursor): string {
  let depth = 0;
  const start = c.pos;
  for (; c.pos < c.text.length; c.pos++) {
    const ch = c.text.charCodeAt(c.pos);
    if (ch === 92) c.pos++; // backslash: skip the escaped character
    else if (ch === 123) depth++;
    else if (ch === 125 && --depth === 0) {
      c.pos++;
      return c.text.slice(start + 1, c.pos - 1);
    }
  }
  return c.text.slice(start + 1);
}

/** A "quoted" value: ends at a double quote outside braces. */
function readQuoted(c: Cursor): string {
  let depth = 0;
  const start = ++c.pos;
  for (; c.pos < c.text.length; c.pos++) {
    const ch = c.text.charCodeAt(c.pos);
    if (ch === 92) c.pos++;
    else if (ch === 123) depth++;
    else if (ch === 125) depth--;
    else if (ch === 34 && depth === 0) {
      c.pos++;
      return c.text.slice(start, c.pos - 1);
    }
  }
  return c.text.slice(start);
}

/**
 * Parses one complete entry, "@type{key, name = {value} # macro, …}", the text running from its "@" to its
 * closing brace. Field names may contain spaces (Scopus writes "funding_text 1"); @string macros are expanded.
 */
export function parseEntry(text: string, line: number, macros: Map<string, string>, fileName?: string): BibtexNative | undefined {
  const head = /^@\s*([A-Za-z_-]+)\s*([{(])/.exec(text);
  if (!head) fail(fileName, line, `expected "@type{" to start an entry, found "${text.slice(0, 30)}"`);
  const type = head[1]!.toLowerCase();
  if (type === 'comment' || type === 'preamble') return undefined;
  const c: Cursor = { text, pos: head[0].length };
  const close = head[2] === '(' ? ')' : '}';
  let key = '';
  if (type !== 'string') {
    const comma = text.indexOf(',', c.pos);
    const end = text.lastIndexOf(close);
    const stop = comma >= 0 && comma < end ? comma : end;
    key = text.slice(c.pos, stop).trim();
    if (/[\s={}]/.test(key)) fail(fileName, line, `expected the citation key and a comma after "@${head[1]}{", found "${key.slice(0, 30)}"`);
    c.pos = stop + 1;
  }
  const fields = new Map<string, string>();
  for (;;) {
    skipSpace(c);
    while (c.text[c.pos] === ',') {
      c.pos++;
      skipSpace(c);
    }
    if (c.pos >= c.text.length || c.text[c.pos] === close) break;
    const eq = c.text.indexOf('=', c.pos);
    const nameEnd = eq < 0 ? -1 : eq;
    const name = nameEnd < 0 ? '' : c.text.slice(c.pos, nameEnd).replace(/\s+/g, ' ').trim().toLowerCase();
    if (nameEnd < 0 || name === '' || /[{}",]/.test(name)) {
      fail(fileName, lineAt(c, line), `expected "field = value" in @${type}{${key}, found "${c.text.slice(c.pos, c.pos + 30).split('\n')[0]}"`);
    }
    c.pos = nameEnd + 1;
    const parts: string[] = [];
    for (;;) {
      skipSpace(c);
      const ch = c.text[c.pos];
      if (ch === '{') parts.push(readBraced(c));
      else if (ch === '"') parts.push(readQuoted(c));
      else {
        const m = /^[^\s,#}=)"{]+/.exec(c.text.slice(c.pos, c.pos + 200));
        if (!m) fail(fileName, lineAt(c, line), `expected a value after "${name} =" in @${type}{${key}`);
        c.pos += m[0].length;
        const word = m[0];
        parts.push(/^\d+$/.test(word) ? word : (macros.get(word.toLowerCase()) ?? MONTH_MACROS[word.toLowerCase()] ?? word));
      }
      skipSpace(c);
      if (c.text[c.pos] === '#') {
        c.pos++;
        continue;
      }
      break;
    }
    const value = parts.join('');
    if (type === 'string') macros.set(name, value);
    else if (!fields.has(name)) fields.set(name, value);
    else fields.set(name, `${fields.get(name)}\u0001${value}`);
  }
  if (type === 'string') return undefined;
  return { line, type, key, fields };
}
