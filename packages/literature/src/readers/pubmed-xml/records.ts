import { LiteratureError, where } from '../../errors.js';
import type { NativeParser, ReaderContext } from '../reader.js';
import { COMPOSE, INLINE_ELEMENTS, QUALIFIERS, type Part } from './compose.js';
import { XmlError, XmlScanner } from './scanner.js';

/**
 * A PubMed record (<PubmedArticle> or <PubmedBookArticle>) as a flat native record: element path (relative to the
 * record) → values, "path@Name" for attributes, "path[type]" for typed identifiers; and the line it starts on.
 */
export interface PubmedNative {
  line: number;
  name: string;
  fields: Record<string, string[]>;
}

const RECORD_ELEMENTS: ReadonlySet<string> = new Set(['PubmedArticle', 'PubmedBookArticle']);

/** One open element: reused from a pool, so that reading allocates little. */
interface Frame {
  name: string;
  path: string;
  attrs: Record<string, string>;
  text: string;
  isContainer: boolean;
  /** The finished children of an element that COMPOSE builds its value from. */
  parts: Part[] | undefined;
}

/** Path strings are made once and shared by every record: parent path → child name → path, one table per separator. */
const PATHS = { '/': new Map<string, Map<string, string>>(), '@': new Map<string, Map<string, string>>(), '[': new Map<string, Map<string, string>>() };
function pathOf(parent: string, name: string, separator: '/' | '@' | '['): string {
  const table = PATHS[separator];
  let byName = table.get(parent);
  if (!byName) table.set(parent, (byName = new Map()));
  let path = byName.get(name);
  if (path === undefined) {
    path = parent === '' ? name : separator === '[' ? `${parent}[${name}]` : `${parent}${separator}${name}`;
    byName.set(name, path);
  }
  return path;
}

/**
 * Stage 1 of PubMed XML (efetch results, the annual baseline and the daily update files): a streaming scan that
 * flattens each record as it goes, holding only the record being read, so memory stays bounded whatever the size.
 */
export class PubmedXmlParser implements NativeParser<PubmedNative> {
  private readonly xml: XmlScanner;
  private readonly frames: Frame[] = [];
  /** Depth of the open elements inside the current record (0: not in a record). */
  private depth = 0;
  private fields: Record<string, string[]> = {};
  private recordLine = 0;
  private done: PubmedNative[] = [];

  constructor(private readonly ctx: ReaderContext) {
    this.xml = new XmlScanner({
      open: (name, attrs, at) => this.onOpen(name, attrs, at),
      close: () => this.onClose(),
      text: (text) => this.onText(text),
    });
  }

  private rethrow(error: unknown): never {
    if (!(error instanceof XmlError)) throw error;
    const { fileName } = this.ctx;
    if (error.isTruncated && this.depth > 0) {
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(fileName, error.line)}the file ends inside <${this.frames[1]!.name}> (begun at line ${this.recordLine}; truncated?)`,
        { file: fileName, line: error.line },
      );
    }
    const code = error.isTruncated ? 'EXO_ERR_LIT_TRUNCATED' : 'EXO_ERR_LIT_MALFORMED';
    throw new LiteratureError(code, `${where(fileName, error.line)}the XML is not well formed: ${error.message}${error.isTruncated ? ' (truncated?)' : ''}`, { file: fileName, line: error.line });
  }

  push(text: string): void {
    try {
      this.xml.push(text);
    } catch (error) {
      this.rethrow(error);
    }
  }

  end(): void {
    try {
      this.xml.end();
    } catch (error) {
      this.rethrow(error);
    }
  }

  take(): PubmedNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private add(key: string, value: string): void {
    const list = this.fields[key];
    if (list) list.push(value);
    else this.fields[key] = [value];
  }

  private onOpen(name: string, attrs: Record<string, string>, at: number): void {
    if (this.depth === 0) {
      if (!RECORD_ELEMENTS.has(name)) return;
      this.recordLine = this.xml.lineAt(at);
      this.fields = {};
    }
    const parent = this.depth > 0 ? this.frames[this.depth]! : undefined;
    const depth = ++this.depth;
    let frame = this.frames[depth];
    if (!frame) this.frames[depth] = frame = { name: '', path: '', attrs: {}, text: '', isContainer: false, parts: undefined };
    frame.name = name;
    frame.path = !parent || depth === 1 ? '' : pathOf(parent.path, name, '/');
    frame.attrs = attrs;
    frame.text = '';
    frame.isContainer = false;
    frame.parts = COMPOSE[name] ? [] : undefined;
    if (parent && !INLINE_ELEMENTS.has(name)) parent.isContainer = true;
  }

  private onClose(): void {
    if (this.depth === 0) return;
    const depth = this.depth--;
    const frame = this.frames[depth]!;
    if (depth === 1) {
      this.done.push({ line: this.recordLine, name: frame.name, fields: this.fields });
      return;
    }
    const parent = this.frames[depth - 1]!;
    if (INLINE_ELEMENTS.has(frame.name)) {
      parent.text += frame.text;
      return;
    }
    const compose = COMPOSE[frame.name];
    const value = compose ? compose(frame.parts!) : frame.isContainer ? '' : frame.text.trim();
    const { path, attrs } = frame;
    if (value) this.add(path, value);
    for (const name in attrs) {
      const attr = attrs[name]!;
      this.add(pathOf(path, name, '@'), attr);
      if (value && QUALIFIERS.has(name)) this.add(pathOf(path, attr, '['), value);
    }
    parent.parts?.push({ name: frame.name, attrs, text: value });
  }

  private onText(text: string): void {
    if (this.depth === 0) return;
    this.frames[this.depth]!.text += text;
  }
}
