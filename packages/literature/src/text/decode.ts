import { LiteratureError, where, type LiteratureWarning } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodeOptions {
  fileName?: string;
  /** Force an encoding; without it the BOM decides, then UTF-8, falling back to Windows-1252 (Latin-1) on invalid bytes. */
  encoding?: TextEncoding;
  onWarning?: (warning: LiteratureWarning) => void;
}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel, Word or zipped export?)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office file'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The number of bytes at the end of `bytes` that begin a UTF-8 sequence not yet complete. */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Decodes byte chunks to text: strips a BOM (UTF-8, UTF-16), refuses binary files, and reads files that are not valid
 * UTF-8 as Windows-1252 (a superset of Latin-1) with a warning.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array | string>, options: DecodeOptions = {}): AsyncGenerator<string> {
  let encoding: TextEncoding | undefined = options.encoding;
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let isFirst = true;
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for await (const chunk of gunzipIfNeeded(gatherHead(chunks), options.fileName)) {
    if (typeof chunk === 'string') {
      const text = isFirst && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      isFirst = false;
      if (text) yield text;
      continue;
    }
    let bytes = chunk;
    if (isFirst && bytes.length > 0) {
      isFirst = false;
      for (const [magic, what] of MAGIC) {
        if (startsWith(bytes, magic)) {
          throw new LiteratureError('EXO_ERR_LIT_ENCODING', `${where(options.fileName)}this is ${what}, not a bibliographic text file`, { file: options.fileName });
        }
      }
      if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
        bytes = bytes.subarray(3);
        encoding ??= 'utf-8';
      } else if (startsWith(bytes, [0xff, 0xfe])) {
        bytes = bytes.subarray(2);
        encoding ??= 'utf-16le';
      } else if (startsWith(bytes, [0xfe, 0xff])) {
        bytes = bytes.subarray(2);
        encoding ??= 'utf-16be';
      } else if (!encoding) {
        encoding = sniffUtf16(bytes);
        if (!encoding && bytes.subarray(0, 4096).includes(0)) {
          throw new LiteratureError('EXO_ERR_LIT_ENCODING', `${where(options.fileName)}the file holds NUL bytes: it looks binary, not like a bibliographic text export`, { file: options.fileName });
        }
      }
    }
    if (encoding && encoding !== 'utf-8') {
      decoder ??= new TextDecoder(encoding);
      const text = decoder.decode(bytes, { stream: true });
      offset += bytes.length;
      if (text) yield text;
      continue;
    }
    // UTF-8, checked strictly; on the first invalid byte switch to Windows-1252 for the rest.
    const all = concat(pending, bytes);
    const tail = incompleteTail(all);
    const complete = all.subarray(0, all.length - tail);
    try {
      const text = strict.decode(complete);
      pending = all.slice(all.length - tail);
      offset += complete.length;
      if (text) yield text;
    } catch {
      if (options.encoding === 'utf-8') {
        throw new LiteratureError('EXO_ERR_LIT_ENCODING', `${where(options.fileName)}the file is not valid UTF-8 (near byte ${offset})`, { file: options.fileName });
      }
      encoding = 'windows-1252';
      options.onWarning?.({
        code: 'encoding-fallback',
        message: `${where(options.fileName)}the file is not valid UTF-8 (near byte ${offset}); read it as Windows-1252 (Latin-1)`,
        file: options.fileName,
      });
      decoder = new TextDecoder('windows-1252');
      pending = new Uint8Array(0);
      const text = decoder.decode(all, { stream: true });
      offset += all.length;
      if (text) yield text;
    }
  }
  if (pending.length > 0) {
    // A sequence cut at the end of the file: decode what is left leniently.
    yield new TextDecoder('windows-1252').decode(pending);
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

/** UTF-16 without a BOM: most of the first bytes alternate with NULs. */
function sniffUtf16(bytes: Uint8Array): TextEncoding | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.7 && evenZeros < half * 0.1) return 'utf-16le';
  if (evenZeros > half * 0.7 && oddZeros < half * 0.1) return 'utf-16be';
  return undefined;
}

/**
 * The first chunk the decoder sees holds this many bytes (or the whole file): enough for a BOM, a file signature, the
 * UTF-16 sniff and the NUL-byte check, whatever size the caller's chunks are (a stream of 4-byte chunks used to pass
 * a binary file that the same bytes in one piece refused).
 */
const HEAD_BYTES = 4096;

/** Joins the first byte chunks until there are HEAD_BYTES to recognise a BOM, a file signature or a binary file. */
async function* gatherHead(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  let head: Uint8Array | undefined;
  let isHeadDone = false;
  for await (const chunk of chunks) {
    if (isHeadDone || typeof chunk === 'string') {
      if (head) yield head;
      head = undefined;
      isHeadDone = true;
      yield chunk;
      continue;
    }
    head = head ? concat(head, chunk) : chunk;
    if (head.length >= HEAD_BYTES) {
      yield head;
      head = undefined;
      isHeadDone = true;
    }
  }
  if (head) yield head;
}

/**
 * Decompresses a gzip stream on the fly (PubMed's baseline files come as .xml.gz), recognised by its magic bytes;
 * anything else passes through.
 */
async function* gunzipIfNeeded(chunks: AsyncIterable<Uint8Array | string>, fileName: string | undefined): AsyncGenerator<Uint8Array | string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: AsyncIterable<Uint8Array | string> = { [Symbol.asyncIterator]: () => iterator };
  const head = first.value;
  if (typeof head === 'string' || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    yield* rest;
    return;
  }
  async function* compressed(): AsyncGenerator<Uint8Array> {
    yield head as Uint8Array;
    for await (const chunk of rest) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }
  const source = compressed();
  const input = new ReadableStream<BufferSource>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array<ArrayBuffer>);
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // zlib's own error (Z_DATA_ERROR, "unexpected end of file") is not one a user can act on
      throw new LiteratureError('EXO_ERR_LIT_ENCODING', `${where(fileName)}the file starts like a gzip archive but cannot be decompressed (corrupt or cut short: ${(error as Error).message})`, { file: fileName });
    }
    if (next.done) return;
    yield next.value;
  }
}
