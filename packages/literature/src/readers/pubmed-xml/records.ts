import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LiteratureError, where } from '../../errors.js';
import type { NativeParser, ReaderContext } from '../reader.js';
import { INLINE_ELEMENTS, type XmlNode } from './tree.js';

/** A PubMed record (<PubmedArticle> or <PubmedBookArticle>) as an element tree, with the line it starts on. */
export interface PubmedNative {
  line: number;
  root: XmlNode;
}

const RECORD_ELEMENTS: ReadonlySet<string> = new Set(['PubmedArticle', 'PubmedBookArticle']);

/**
 * Stage 1 of PubMed XML (efetch results and the annual baseline / daily update files): a streaming SAX parse that keeps
 * only the record being read, so memory stays bounded whatever the file size.
 */
export class PubmedXmlParser implements NativeParser<PubmedNative> {
  private readonly sax = new SaxesParser({ position: true });
  private stack: XmlNode[] = [];
  private recordLine = 0;
  private done: PubmedNative[] = [];
  /** Names of the open elements, outermost first. */
  private readonly names: string[] = [];
  private lastClosed: string | undefined;

  constructor(private readonly ctx: ReaderContext) {
    this.sax.on('opentag', (tag) => this.onOpen(tag as SaxesTagPlain));
    this.sax.on('closetag', () => this.onClose());
    this.sax.on('text', (text) => this.onText(text));
    this.sax.on('cdata', (text) => this.onText(text));
    this.sax.on('error', (error) => {
      const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
      // saxes closes the element left open before it reports a stray close tag: that element was expected to close.
      const open = /unexpected close tag/.test(message) ? this.lastClosed : this.names[this.names.length - 1];
      const expected = open ? ` (expected </${open}>)` : '';
      throw new LiteratureError('EXO_ERR_LIT_MALFORMED', `${where(this.ctx.fileName, this.sax.line)}the XML is not well formed: ${message}${expected}`, { file: this.ctx.fileName, line: this.sax.line });
    });
  }

  push(text: string): void {
    this.sax.write(text);
  }

  end(): void {
    if (this.stack.length > 0) {
      const open = this.stack[0]!.name;
      throw new LiteratureError(
        'EXO_ERR_LIT_TRUNCATED',
        `${where(this.ctx.fileName, this.sax.line)}the file ends inside <${open}> (begun at line ${this.recordLine}; truncated?)`,
        { file: this.ctx.fileName, line: this.sax.line },
      );
    }
    if (this.names.length > 0) {
      throw new LiteratureError('EXO_ERR_LIT_TRUNCATED', `${where(this.ctx.fileName, this.sax.line)}the file ends before </${this.names[0]}> (truncated?)`, { file: this.ctx.fileName, line: this.sax.line });
    }
    this.sax.close();
  }

  take(): PubmedNative[] {
    const out = this.done;
    this.done = [];
    return out;
  }

  private onOpen(tag: SaxesTagPlain): void {
    this.names.push(tag.name);
    const inRecord = this.stack.length > 0;
    if (!inRecord && !RECORD_ELEMENTS.has(tag.name)) return;
    if (!inRecord) this.recordLine = this.sax.line;
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    if (inRecord) this.stack[this.stack.length - 1]!.children.push(node);
    this.stack.push(node);
  }

  private onClose(): void {
    this.lastClosed = this.names.pop();
    const node = this.stack.pop();
    if (!node) return;
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.done.push({ line: this.recordLine, root: node });
      return;
    }
    if (INLINE_ELEMENTS.has(node.name)) parent.text += node.text;
  }

  private onText(text: string): void {
    const top = this.stack[this.stack.length - 1];
    // Whitespace between the child elements of a container is not content.
    if (top && (top.children.length === 0 || text.trim() !== '')) top.text += text;
  }
}
