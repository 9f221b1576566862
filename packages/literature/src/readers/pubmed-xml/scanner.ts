/**
 * A streaming XML scanner for machine-written XML such as PubMed's: elements, attributes, text, the five predefined
 * and numeric character references, CDATA, comments, processing instructions and a DOCTYPE (skipped). It checks
 * well-formedness as it goes (names, nesting, quoting, references) and knows the line of what it reads. It is several
 * times faster than a general SAX parser because it finds markup with indexOf instead of a character state machine.
 */

export interface XmlHandlers {
  /** An element opens; `at` is its position, for {@link XmlScanner.lineAt}. */
  open(name: string, attrs: Record<string, string>, at: number): void;
  close(name: string): void;
  text(text: string): void;
}

/** A well-formedness error, at a line; `isTruncated` when the input ended inside markup or an element. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly isTruncated = false,
  ) {
    super(message);
  }
}

/** Nesting beyond this is refused: it is no PubMed export, and each level costs a frame (200,000 levels took seconds). */
const MAX_DEPTH = 1000;
const NAME = /^[A-Za-z_:][-\w.:]*$/;
/**
 * One attribute, matched only where the previous one ended (sticky): a global search re-tried the name at every
 * position of a long unquoted run, quadratic (a 20,000-character run took 0.7 s, 280,000 took minutes).
 */
const ATTRIBUTE = /\s*([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const BAD_REFERENCE = /&(?!#x[0-9a-fA-F]+;|#[0-9]+;|amp;|lt;|gt;|quot;|apos;)[^\s;&<]{0,20};?/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** True for whitespace with a line break between two tags: layout, not content (a lone space is kept). */
function isIndentation(buf: string, from: number, to: number): boolean {
  let hasNewline = false;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c === 10) hasNewline = true;
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return hasNewline;
}

/** True when every quote opened in a tag's text is closed (so its first ">" ends it). */
function quotesBalanced(body: string): boolean {
  for (const quote of ['"', "'"]) {
    let count = 0;
    for (let i = body.indexOf(quote); i >= 0; i = body.indexOf(quote, i + 1)) count++;
    if (count % 2 === 1) return false;
  }
  return true;
}

export class XmlScanner {
  private buf = '';
  private pos = 0;
  /** Lines counted up to `countedTo` (a position in `buf`). */
  private lines = 1;
  private countedTo = 0;
  private readonly stack: string[] = [];
  private hasRoot = false;
  /** Element names already checked. */
  private readonly names = new Set<string>();

  constructor(private readonly handlers: XmlHandlers) {}

  /** The line of a position in the current buffer (default: where the scanner is). */
  lineAt(position = this.pos): number {
    let i = this.buf.indexOf('\n', this.countedTo);
    while (i >= 0 && i < position) {
      this.lines++;
      i = this.buf.indexOf('\n', i + 1);
    }
    this.countedTo = Math.max(this.countedTo, position);
    return this.lines;
  }

  /** The names of the open elements, outermost first. */
  get openElements(): readonly string[] {
    return this.stack;
  }

  push(chunk: string): void {
    if (this.pos >= this.buf.length) {
      this.lineAt(this.buf.length);
      this.buf = chunk;
    } else {
      this.lineAt(this.pos);
      this.buf = this.buf.slice(this.pos) + chunk;
    }
    this.pos = 0;
    this.countedTo = 0;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.stack.length > 0) throw new XmlError(`the file ends inside <${this.stack[this.stack.length - 1]}>`, this.lineAt(this.buf.length), true);
    if (!this.hasRoot) throw new XmlError('no XML element found', this.lineAt(this.buf.length));
  }

  private fail(message: string, at: number, isTruncated = false): never {
    throw new XmlError(message, this.lineAt(at), isTruncated);
  }

  private decode(text: string, at: number): string {
    if (text.indexOf('&') < 0) return text;
    const bad = BAD_REFERENCE.exec(text);
    if (bad) this.fail(`"${bad[0]}" is not a character reference (expected &amp;, &lt;, &gt;, &quot;, &apos; or &#…;)`, at);
    return text.replace(REFERENCE, (_m, ref: string) => {
      if (ref.charCodeAt(0) !== 35) return ENTITIES[ref]!;
      const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // XML's Char production: no NUL, no surrogates, nothing past U+10FFFF (fromCodePoint throws a RangeError there)
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) this.fail(`"&${ref};" is not a valid character`, at);
      return String.fromCodePoint(code);
    });
  }

  private onText(text: string, at: number): void {
    if (this.stack.length === 0) {
      if (text.trim() !== '') this.fail(`text outside the root element: "${text.trim().slice(0, 30)}"`, at);
      return;
    }
    this.handlers.text(this.decode(text, at));
  }

  private scan(isFinal: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = this.pos;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end; keep a reference that may be cut in two for the next chunk.
        const amp = buf.lastIndexOf('&');
        const cut = !isFinal && amp >= pos && buf.indexOf(';', amp) < 0 ? amp : n;
        if (cut > pos) this.onText(buf.slice(pos, cut), pos);
        pos = cut;
        break;
      }
      if (lt > pos && !isIndentation(buf, pos, lt)) this.onText(buf.slice(pos, lt), pos);
      pos = lt;
      const c = buf.charCodeAt(lt + 1);
      if (c === 47) {
        // </name>
        const gt = buf.indexOf('>', lt);
        if (gt < 0) break;
        const open = this.stack.pop();
        // The usual case, </open>, is checked without cutting the name out.
        if (open === undefined || gt !== lt + 2 + open.length || !buf.startsWith(open, lt + 2)) {
          const name = buf.slice(lt + 2, gt).trimEnd();
          if (open === undefined) this.fail(`</${name}> closes no open element`, lt);
          if (name !== open) this.fail(`found </${name}> where </${open}> was expected`, lt);
        }
        this.handlers.close(open);
        pos = gt + 1;
      } else if (c === 33) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE …>
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) break;
          pos = end + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) break;
          if (this.stack.length === 0) this.fail('CDATA outside the root element', lt);
          this.handlers.text(buf.slice(lt + 9, end));
          pos = end + 3;
        } else if (buf.startsWith('<!DOCTYPE', lt)) {
          const bracket = buf.indexOf('[', lt);
          const gt = buf.indexOf('>', lt);
          if (gt < 0) break;
          if (bracket >= 0 && bracket < gt) {
            const end = buf.indexOf(']>', bracket);
            if (end < 0) break;
            pos = end + 2;
          } else pos = gt + 1;
        } else if (n - lt < 9 && !isFinal) break;
        else this.fail(`unexpected "${buf.slice(lt, lt + 9)}" (expected a comment, CDATA or DOCTYPE)`, lt);
      } else if (c === 63) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else {
        // <name attr="value" …> or <name …/>
        let gt = buf.indexOf('>', lt);
        if (gt < 0) break;
        let body = buf.slice(lt + 1, gt);
        if (!quotesBalanced(body)) {
          // A ">" inside a quoted attribute value: find the real end of the tag.
          gt = this.tagEnd(lt);
          if (gt < 0) break;
          body = buf.slice(lt + 1, gt);
        }
        const isSelfClosing = body.charCodeAt(body.length - 1) === 47;
        if (isSelfClosing) body = body.slice(0, -1);
        let nameEnd = 0;
        while (nameEnd < body.length && body.charCodeAt(nameEnd) > 32 && body.charCodeAt(nameEnd) !== 47) nameEnd++;
        const name = body.slice(0, nameEnd);
        if (!this.names.has(name) && !NAME.test(name)) this.fail(`"<${body.slice(0, 20)}" is not a valid tag (expected an element name after "<")`, lt);
        if (this.stack.length === 0 && this.hasRoot) this.fail(`a second root element <${name}>`, lt);
        this.hasRoot = true;
        this.names.add(name);
        const attrs: Record<string, string> = {};
        if (nameEnd < body.length) {
          const rest = body.slice(nameEnd);
          let consumed = 0;
          ATTRIBUTE.lastIndex = 0;
          for (let m = ATTRIBUTE.exec(rest); m; m = ATTRIBUTE.exec(rest)) {
            attrs[m[1]!] = this.decode(m[2] ?? m[3] ?? '', lt);
            consumed = ATTRIBUTE.lastIndex;
          }
          if (rest.slice(consumed).trim() !== '') this.fail(`malformed attribute in <${name}>: "${rest.slice(consumed).trim().slice(0, 30)}" (expected name="value")`, lt);
        }
        if (this.stack.length >= MAX_DEPTH) this.fail(`elements nested deeper than ${MAX_DEPTH} levels (PubMed's own are under 20)`, lt);
        this.stack.push(name);
        this.handlers.open(name, attrs, lt);
        if (isSelfClosing) {
          this.stack.pop();
          this.handlers.close(name);
        }
        pos = gt + 1;
      }
    }
    if (isFinal && pos < n) this.fail(`the file ends inside markup "${buf.slice(pos, pos + 20)}"`, pos, true);
    this.pos = pos;
  }

  /** The ">" that ends the tag starting at `lt`, outside quoted attribute values; -1 if not yet in the buffer. */
  private tagEnd(lt: number): number {
    const buf = this.buf;
    let quote = 0;
    for (let i = lt + 1; i < buf.length; i++) {
      const ch = buf.charCodeAt(i);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) return i;
    }
    return -1;
  }
}
