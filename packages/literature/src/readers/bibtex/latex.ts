/** Accent commands → Unicode combining marks (\'e → é after NFC). */
const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331', t: '\u0361',
};

/** Commands that stand for one character. */
const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
  textendash: '–', textemdash: '—', textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”',
  ldots: '…', dots: '…', textellipsis: '…', textregistered: '®', texttrademark: '™', copyright: '©', textcopyright: '©',
  textdegree: '°', degree: '°', textmu: 'µ', textperthousand: '‰', S: '§', P: '¶', textbullet: '•', dag: '†', ddag: '‡',
  pounds: '£', euro: '€', texteuro: '€', textless: '<', textgreater: '>', textbackslash: '\\', textasciitilde: '~',
  textunderscore: '_', textbar: '|', guillemotleft: '«', guillemotright: '»', textexclamdown: '¡', textquestiondown: '¿',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  pm: '±', mp: '∓', times: '×', div: '÷', cdot: '·', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠',
  approx: '≈', sim: '∼', infty: '∞', rightarrow: '→', to: '→', leftarrow: '←', uparrow: '↑', downarrow: '↓',
  circ: '∘', prime: '′', ell: 'ℓ', partial: '∂', sum: '∑', prod: '∏', int: '∫', sqrt: '√', cap: '∩', cup: '∪',
  in: '∈', deg: '°', AA_: 'Å', quad: ' ', qquad: ' ', ',': ' ', ';': ' ', ' ': ' ',
};

/** Commands whose argument is kept as text (formatting, not content). */
const KEEP_ARGUMENT = /\\(?:textit|textbf|textsc|textrm|textsf|texttt|textup|textmd|textnormal|emph|mbox|text|mathrm|mathit|mathbf|mathsf|mathtt|mathcal|mathbb|boldsymbol|url|uppercase|lowercase|MakeUppercase|MakeLowercase|textsuperscript|textsubscript|ensuremath|protect|NoCaseChange|bibstring|enquote|hbox|textnormal)(?![A-Za-z])\s*/g;

const LETTER_ARG = String.raw`(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))`;
const PUNCT_ACCENT = new RegExp(String.raw`\\(['\`^"~=.])\s*` + LETTER_ARG, 'g');
const LETTER_ACCENT = new RegExp(String.raw`\\([uvHckrdbt])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))`, 'g');
const COMMAND = /\\([A-Za-z]+|[,; ])(?![A-Za-z])\s*(?:\{\})?/g;

function base(letter: string): string {
  if (letter === '\\i') return 'i';
  if (letter === '\\j') return 'j';
  return letter.startsWith('\\') ? (SYMBOLS[letter.slice(1)] ?? letter.slice(1)) : letter;
}

/**
 * LaTeX in a BibTeX value → plain Unicode: accents (\'e, {\"o}, \c{c}, \v s), special letters (\ss, \o, \aa),
 * escaped characters (\&, \%), dashes and quotes, Greek and math symbols; braces and formatting commands removed.
 */
export function decodeLatex(value: string): string {
  if (!/[\\{}~$-]|``|''/.test(value)) return value;
  let text = value;
  if (text.includes('\\')) {
    text = text
      .replace(PUNCT_ACCENT, (_m, accent: string, braced?: string, bare?: string) => base(braced ?? bare ?? '') + (ACCENTS[accent] ?? ''))
      .replace(LETTER_ACCENT, (_m, accent: string, braced?: string, bare?: string) => base(braced ?? bare ?? '') + (ACCENTS[accent] ?? ''))
      .replace(/\\([&%$#_{}])/g, (_m, c: string) => `\ue000${c.charCodeAt(0)}\ue000`)
      .replace(KEEP_ARGUMENT, '')
      .replace(COMMAND, (m, name: string) => SYMBOLS[name] ?? (name.length === 1 ? m : ''));
  }
  text = text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/(?<!\\)~/g, ' ')
    .replace(/(?<!\\)\$/g, '')
    .replace(/[{}]/g, '')
    .replace(/\ue000(\d+)\ue000/g, (_m, code: string) => String.fromCharCode(Number(code)));
  return text.normalize('NFC');
}
